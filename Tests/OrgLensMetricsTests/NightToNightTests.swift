import OrgLensGraph
import OrgLensMetrics
import OrgLensModel
import OrgLensStage
import OrgLensTestSupport
import Testing

/// Two nights read together: after one random change (a hire, a leaver, a manager move, a team move, a raise)
/// the union of both nights' published figures must give the pay of no set of 1 to k−1 people who did not
/// change — checked exactly, by rank over the rationals, with every dimension published.
@Suite struct NightToNightTests {
    static let teamNames = ["A", "B", "C"]
    static let caseCount = 240

    /// One night's org: (id, manager id, team), and each person's all-in cost in cents (-1 unknown, 0 unpaid).
    struct Org {
        var people: [(id: String, manager: String, team: String)]
        var cost: [String: Int64]
    }

    enum Change: CaseIterable { case hire, leaver, managerMove, teamMove, raise }

    /// A night computed: the graph, its team catalog and what it published.
    struct Night {
        let graph: OrgGraph
        let catalog: TeamCatalog
        let rollups: CostRollups
        let isManager: [Bool]
        let cost: [Int64]
    }

    static func randomOrg(_ generator: inout SplitMix64) -> Org {
        let size = Int(generator.next() % 9) + 6
        var people: [(String, String, String)] = [("p0", "", teamNames[0])]
        var cost: [String: Int64] = ["p0": Int64(generator.next() % 90_000 + 10_000) * 100]
        for index in 1..<size {
            let manager = Int(generator.next() % UInt64(index))
            let team = generator.next() % 5 == 0 ? "" : teamNames[Int(generator.next() % 3)]
            people.append(("p\(index)", "p\(manager)", team))
            if generator.next() % 12 != 0 { cost["p\(index)"] = Int64(generator.next() % 90_000 + 10_000) * 100 }
        }
        return Org(people: people, cost: cost)
    }

    /// `org` after one change, and the ids a reader of both nights sees as changed (their pay may show).
    static func apply(_ change: Change, to org: Org, _ generator: inout SplitMix64) -> (Org, changed: Set<String>)? {
        var next = org
        let ids = org.people.map(\.id)
        let managers = Set(org.people.map(\.manager))
        func descendants(of root: String) -> Set<String> {
            var found: Set<String> = [root]
            var grew = true
            while grew {
                grew = false
                for person in org.people where found.contains(person.manager) && !found.contains(person.id) {
                    found.insert(person.id)
                    grew = true
                }
            }
            return found
        }
        switch change {
        case .hire:
            let manager = ids[Int(generator.next() % UInt64(ids.count))]
            next.people.append(("n1", manager, teamNames[Int(generator.next() % 3)]))
            next.cost["n1"] = Int64(generator.next() % 90_000 + 10_000) * 100
            return (next, ["n1"])
        case .leaver:
            let leaves = ids.dropFirst().filter { !managers.contains($0) }
            guard !leaves.isEmpty else { return nil }
            let leaver = leaves[Int(generator.next() % UInt64(leaves.count))]
            next.people.removeAll { $0.id == leaver }
            return (next, [leaver])
        case .managerMove:
            let index = Int(generator.next() % UInt64(ids.count - 1)) + 1
            let mover = ids[index]
            let targets = ids.filter { !descendants(of: mover).contains($0) && $0 != org.people[index].manager }
            guard !targets.isEmpty else { return nil }
            next.people[index].manager = targets[Int(generator.next() % UInt64(targets.count))]
            return (next, [mover])
        case .teamMove:
            let index = Int(generator.next() % UInt64(ids.count))
            let others = ([""] + teamNames).filter { $0 != org.people[index].team }
            next.people[index].team = others[Int(generator.next() % UInt64(others.count))]
            return (next, [ids[index]])
        case .raise:
            let paid = ids.filter { (org.cost[$0] ?? -1) > 0 }
            guard !paid.isEmpty else { return nil }
            let raised = paid[Int(generator.next() % UInt64(paid.count))]
            next.cost[raised]! += Int64(generator.next() % 5_000 + 100) * 100
            return (next, [raised])
        }
    }

    static func compute(
        _ org: Org, k: Int, dimensions: CostDimensions, precision: Int64, earlier: (Night, Set<String>)?
    ) -> Night {
        let table = PeopleTable.make(
            fields: PeopleTable.fieldsWithTeam, org.people.map { [$0.id, $0.manager, "", "", $0.team] })
        let teams = CatalogStager.stageTeams(
            PeopleTable.make(
                fields: ["team_id", "name", "parent_team_id", "lead_id", "type"],
                teamNames.map { [$0, $0, "", "", ""] },
                source: "t.csv"))
        let staged = PeopleStager.stage(table, policy: PeoplePolicy(asOf: CivilDate(daysSinceEpoch: 0)))
        let built = OrgGraphBuilder.build(staged)
        let graph = built.graph
        let catalog = TeamCatalogBuilder.build(
            teams: teams, membership: TeamMembership(people: staged, teams: teams, workers: 1), built: built,
            orgLayer: 2, unknownReferences: [:]
        ).catalog
        let cost = (0..<graph.count).map { org.cost[graph.id($0)] ?? -1 }
        let isManager = (0..<graph.count).map { graph.directReports(of: $0) > 0 }
        let publication = earlier.map { publicationOf($0.0, seenFrom: graph, catalog: catalog, changed: $0.1) }
        let rollups = CostRollups(
            graph: graph,
            costs: PersonCosts(costMinor: cost, isContractor: Array(repeating: false, count: graph.count)),
            minGroupSize: k, catalog: catalog, dimensions: dimensions, precisionMinor: precision,
            earlier: publication.map { [$0] } ?? [])
        return Night(graph: graph, catalog: catalog, rollups: rollups, isManager: isManager, cost: cost)
    }

    /// What the run builds from the previous night's snapshot, built here from the previous night itself.
    static func publicationOf(
        _ before: Night, seenFrom graph: OrgGraph, catalog: TeamCatalog, changed: Set<String>
    ) -> EarlierPublication {
        let index = Dictionary(uniqueKeysWithValues: (0..<before.graph.count).map { (before.graph.id($0), $0) })
        let match = (0..<graph.count).map { Int32(index[graph.id($0)] ?? -1) }
        return EarlierPublication(
            parent: before.graph.parent, layer: before.graph.layer, team: before.catalog.personTeam,
            isManager: before.isManager, published: before.rollups.published, match: match,
            changed: (0..<graph.count).map { match[$0] < 0 || changed.contains(graph.id($0)) },
            layerWasPublished: before.rollups.published.layer, teamWasPublished: before.rollups.published.team)
    }

    /// Every published figure of a night as a vector over the unknowns: one per person of both nights, and a
    /// second one for a person whose pay changed (their pay that night).
    static func vectors(_ night: Night, unknown: (String) -> Int?, count: Int) -> [[Int]] {
        var rows: [[Int]] = []
        let graph = night.graph
        func add(_ member: (Int) -> Bool, share: Bool) {
            for managersOnly in share ? [false, true] : [false] {
                var row = [Int](repeating: 0, count: count)
                for person in 0..<graph.count where night.cost[person] > 0 && member(person) {
                    if managersOnly && !night.isManager[person] { continue }
                    if let column = unknown(graph.id(person)) { row[column] = 1 }
                }
                rows.append(row)
            }
        }
        for person in 0..<graph.count {
            guard let figures = night.rollups.subtree(of: person), !figures.suppressed else { continue }
            add({ CostDisclosureAuditTests.isInSubtree($0, of: person, graph) }, share: !figures.shareSuppressed)
        }
        for (index, figures) in (night.rollups.byLayer ?? []).enumerated() where !figures.suppressed {
            add({ Int(graph.layer[$0]) == index + 1 }, share: !figures.shareSuppressed)
        }
        for (index, figures) in (night.rollups.byTeam ?? []).enumerated() where !figures.suppressed {
            add({ night.catalog.personTeam[$0] == Int32(index) }, share: !figures.shareSuppressed)
        }
        return rows
    }

    /// Sets of 1 to k−1 unchanged paid people whose pay the two nights' figures give.
    static func leaks(_ first: Night, _ second: Night, changed: Set<String>, raised: String?, k: Int) -> [[String]] {
        var columns: [String: Int] = [:]
        for night in [first, second] {
            for person in 0..<night.graph.count where columns[night.graph.id(person)] == nil {
                columns[night.graph.id(person)] = columns.count
            }
        }
        let raisedAfter = columns.count
        let count = columns.count + 1
        let before = vectors(first, unknown: { columns[$0] }, count: count)
        let after = vectors(second, unknown: { $0 == raised ? raisedAfter : columns[$0] }, count: count)
        let basis = CostDisclosureAuditTests.SpanBasis(before + after)
        let firstIDs = Set((0..<first.graph.count).map(first.graph.id))
        let paidBoth = (0..<second.graph.count).filter { second.cost[$0] > 0 }.map { second.graph.id($0) }
            .filter { id in !changed.contains(id) && firstIDs.contains(id) }
        var found: [[String]] = []
        for size in 1..<k {
            for set in subsets(of: paidBoth, size: size) {
                var target = [Int](repeating: 0, count: count)
                for id in set { target[columns[id]!] = 1 }
                if basis.contains(target) { found.append(set) }
            }
        }
        return found
    }

    static func subsets(of items: [String], size: Int) -> [[String]] {
        guard size > 0 else { return [[]] }
        guard items.count >= size else { return [] }
        let first = items[0]
        let rest = Array(items.dropFirst())
        return subsets(of: rest, size: size - 1).map { [first] + $0 } + subsets(of: rest, size: size)
    }

    /// 200 single changes: with the cross-night check nothing leaks; without it (each night on its own) the same
    /// changes do leak, so the check is what holds.
    @Test func twoNightsIsolateNoUnchangedPerson() {
        var generator = SplitMix64(seed: 2026)
        var cases = 0
        var leaksWithout = 0
        var attempts = 0
        while cases < Self.caseCount, attempts < 20 * Self.caseCount {
            attempts += 1
            let org = Self.randomOrg(&generator)
            let change = Change.allCases[Int(generator.next() % UInt64(Change.allCases.count))]
            guard let (next, changed) = Self.apply(change, to: org, &generator) else { continue }
            cases += 1
            let k = 3
            for dimensions: CostDimensions in [.tree, [.tree, .layers, .teams]] {
                let first = Self.compute(org, k: k, dimensions: dimensions, precision: 1, earlier: nil)
                let nights = [1, 100_000].map { precision in
                    Self.compute(next, k: k, dimensions: dimensions, precision: precision, earlier: (first, changed))
                }
                // Cents or thousands: the same groups are published.
                #expect(nights[0].rollups.published == nights[1].rollups.published)
                let raised = change == .raise ? changed.first : nil
                let leaks = Self.leaks(first, nights[0], changed: changed, raised: raised, k: k)
                #expect(leaks.isEmpty, "case \(cases) \(change) \(dimensions): \(leaks.prefix(3))")
                let alone = Self.compute(next, k: k, dimensions: dimensions, precision: 1, earlier: nil)
                if !Self.leaks(first, alone, changed: changed, raised: raised, k: k).isEmpty { leaksWithout += 1 }
            }
        }
        #expect(cases == Self.caseCount)
        print("night-to-night: \(cases) changes, \(leaksWithout) leak without the cross-night check")
        #expect(leaksWithout > 0, "without the cross-night check some pair of nights must leak")
    }

    /// A night like the one before publishes what it published: the choice of what to withhold is stable.
    @Test func anUnchangedNightPublishesTheSameGroups() {
        var generator = SplitMix64(seed: 77)
        for _ in 0..<100 {
            let org = Self.randomOrg(&generator)
            for dimensions: CostDimensions in [.tree, [.tree, .layers, .teams]] {
                let first = Self.compute(org, k: 3, dimensions: dimensions, precision: 1, earlier: nil)
                let second = Self.compute(org, k: 3, dimensions: dimensions, precision: 1, earlier: (first, []))
                #expect(second.rollups.published == first.rollups.published, "\(org.people) \(dimensions)")
            }
        }
    }

    /// Zero is not pay: a manager and five reports, four of them paid 0, publish no cost.
    @Test func zeroPayIsNotPay() {
        let org = Org(
            people: [("m", "", "A")] + (1...5).map { ("r\($0)", "m", "A") },
            cost: ["m": 20_000_000, "r1": 19_000_000, "r2": 0, "r3": 0, "r4": 0, "r5": 0])
        let night = Self.compute(org, k: 5, dimensions: [.tree, .layers, .teams], precision: 1, earlier: nil)
        let root = (0..<night.graph.count).first { night.graph.id($0) == "m" }!
        #expect(night.rollups.subtree(of: root)?.suppressed == true)
        #expect(night.rollups.subtree(of: root)?.salaried == 2)
        #expect(night.rollups.byTeam?.allSatisfy(\.suppressed) == true)
    }
}
