import OrgLensGraph
import OrgLensMetrics
import OrgLensModel
import OrgLensStage
import OrgLensTestSupport
import Testing

/// An exact linear audit of what the published costs reveal: no combination of published figures (subtree
/// and layer costs, and `cost × share`, `cost × (1 − share)` where a share is published) may equal the
/// pay of a set of 1 to k−1 salaried people.
@Suite struct CostDisclosureAuditTests {
    /// Published figures as 0/1 vectors over the salaried people.
    static func publishedVectors(
        _ rollups: CostRollups, _ graph: OrgGraph, salaried: [Int], isManager: [Bool], personTeam: [Int32]? = nil
    ) -> [[Int]] {
        var vectors: [[Int]] = []
        func add(_ member: (Int) -> Bool, share: Bool) {
            vectors.append(salaried.map { member($0) ? 1 : 0 })
            if share { vectors.append(salaried.map { member($0) && isManager[$0] ? 1 : 0 }) }
        }
        for person in 0..<graph.count {
            guard let figures = rollups.subtree(of: person), !figures.suppressed else { continue }
            add({ Self.isInSubtree($0, of: person, graph) }, share: !figures.shareSuppressed)
        }
        for (index, figures) in (rollups.byLayer ?? []).enumerated() where !figures.suppressed {
            add({ Int(graph.layer[$0]) == index + 1 }, share: !figures.shareSuppressed)
        }
        if let personTeam {
            for (index, figures) in (rollups.byTeam ?? []).enumerated() where !figures.suppressed {
                add({ personTeam[$0] == Int32(index) }, share: !figures.shareSuppressed)
            }
        }
        return vectors
    }

    static func isInSubtree(_ person: Int, of root: Int, _ graph: OrgGraph) -> Bool {
        var current = person
        while current >= 0 {
            if current == root { return true }
            current = Int(graph.parent[current])
        }
        return false
    }

    /// Whether `target` is in the rational span of `vectors` (Gaussian elimination over fractions).
    static func inSpan(_ target: [Int], _ vectors: [[Int]]) -> Bool { SpanBasis(vectors).contains(target) }

    /// The span of a set of vectors, reduced once: many targets are then checked against it cheaply.
    struct SpanBasis {
        private var pivots: [(row: [Fraction], column: Int)] = []

        init(_ vectors: [[Int]]) {
            for vector in vectors {
                var row = vector.map { Fraction($0) }
                for pivot in pivots where row[pivot.column] != .zero {
                    let factor = row[pivot.column]
                    row = zip(row, pivot.row).map { $0 - factor * $1 }
                }
                guard let column = row.firstIndex(where: { $0 != .zero }) else { continue }
                let lead = row[column]
                row = row.map { $0 / lead }
                for index in pivots.indices where pivots[index].row[column] != .zero {
                    let factor = pivots[index].row[column]
                    pivots[index].row = zip(pivots[index].row, row).map { $0 - factor * $1 }
                }
                pivots.append((row, column))
            }
        }

        func contains(_ target: [Int]) -> Bool {
            var rest = target.map { Fraction($0) }
            for pivot in pivots where rest[pivot.column] != .zero {
                let factor = rest[pivot.column]
                rest = zip(rest, pivot.row).map { $0 - factor * $1 }
            }
            return rest.allSatisfy { $0 == .zero }
        }
    }

    /// Every set of 1 to k−1 salaried people whose pay the published figures would give.
    static func derivableSmallSets(
        _ rollups: CostRollups, _ graph: OrgGraph, salaried: [Int], isManager: [Bool], k: Int,
        personTeam: [Int32]? = nil
    ) -> [[Int]] {
        let vectors = publishedVectors(rollups, graph, salaried: salaried, isManager: isManager, personTeam: personTeam)
        guard !vectors.isEmpty else { return [] }
        var found: [[Int]] = []
        let count = salaried.count
        for mask in 1..<(1 << count) where mask.nonzeroBitCount < k {
            let target = (0..<count).map { mask >> $0 & 1 }
            if inSpan(target, vectors) { found.append((0..<count).filter { mask >> $0 & 1 == 1 }.map { salaried[$0] }) }
        }
        return found
    }

    static func randomOrg(seed: UInt64) -> (pairs: [(String, String)], cost: [String: Int64]) {
        var generator = SplitMix64(seed: seed)
        let size = Int(generator.next() % 8) + 5
        var pairs: [(String, String)] = [("p0", "")]
        var cost: [String: Int64] = [:]
        for index in 1..<size {
            // Bushy or deep at random: managers are drawn from the earlier people.
            let manager = Int(generator.next() % UInt64(index))
            pairs.append(("p\(index)", "p\(manager)"))
        }
        for (id, _) in pairs where generator.next() % 10 != 0 { cost[id] = Int64(generator.next() % 90_000 + 10_000) }
        return (pairs, cost)
    }

    @Test(arguments: 0..<150)
    func randomSmallOrgsRevealNoSmallGroup(seed: Int) {
        let (pairs, cost) = Self.randomOrg(seed: UInt64(seed) &* 7919 &+ 17)
        let k = 3 + seed % 3
        let staged = PeopleStager.stage(
            PeopleTable.make(managers: pairs), policy: PeoplePolicy(asOf: CivilDate(daysSinceEpoch: 0)))
        let graph = OrgGraphBuilder.build(staged).graph
        let costs = PersonCosts(
            costMinor: (0..<graph.count).map { cost[graph.id($0)] ?? -1 },
            isContractor: Array(repeating: false, count: graph.count))
        let isManager = (0..<graph.count).map { graph.directReports(of: $0) > 0 }
        let salaried = (0..<graph.count).filter { costs.costMinor[$0] >= 0 }
        for dimensions: CostDimensions in [.tree, [.tree, .layers]] {
            let rollups = CostRollups(graph: graph, costs: costs, minGroupSize: k, catalog: nil, dimensions: dimensions)
            let leaks = Self.derivableSmallSets(rollups, graph, salaried: salaried, isManager: isManager, k: k)
            #expect(leaks.isEmpty, "seed \(seed), k \(k), \(dimensions): \(leaks.prefix(3).map { $0.map(graph.id) })")
        }
    }

    /// Teams too: random teams over a random org, with every dimension published.
    @Test(arguments: 0..<100)
    func randomSmallOrgsWithTeamsRevealNoSmallGroup(seed: Int) {
        let (pairs, cost) = Self.randomOrg(seed: UInt64(seed) &* 104_729 &+ 3)
        var generator = SplitMix64(seed: UInt64(seed) &+ 99)
        let teamNames = ["A", "B", "C"]
        let teamOf = pairs.map { _ in generator.next() % 4 == 0 ? "" : teamNames[Int(generator.next() % 3)] }
        let people = PeopleTable.make(
            fields: PeopleTable.fieldsWithTeam, zip(pairs, teamOf).map { [$0.0.0, $0.0.1, "", "", $0.1] })
        let teamRows = teamNames.map { [$0, $0, "", "", ""] }
        let stagedTeams = CatalogStager.stageTeams(
            PeopleTable.make(
                fields: ["team_id", "name", "parent_team_id", "lead_id", "type"], teamRows, source: "t.csv"))
        let staged = PeopleStager.stage(
            people, policy: PeoplePolicy(asOf: CivilDate(daysSinceEpoch: 0)))
        let built = OrgGraphBuilder.build(staged)
        let graph = built.graph
        let catalog = TeamCatalogBuilder.build(
            teams: stagedTeams, membership: TeamMembership(people: staged, teams: stagedTeams, workers: 1),
            built: built, orgLayer: 2, unknownReferences: [:]
        ).catalog
        let costs = PersonCosts(
            costMinor: (0..<graph.count).map { cost[graph.id($0)] ?? -1 },
            isContractor: Array(repeating: false, count: graph.count))
        let isManager = (0..<graph.count).map { graph.directReports(of: $0) > 0 }
        let salaried = (0..<graph.count).filter { costs.costMinor[$0] >= 0 }
        let k = 3 + seed % 2
        for dimensions: CostDimensions in [[.tree, .teams], [.tree, .layers, .teams], .teams] {
            let rollups = CostRollups(
                graph: graph, costs: costs, minGroupSize: k, catalog: catalog, dimensions: dimensions)
            let leaks = Self.derivableSmallSets(
                rollups, graph, salaried: salaried, isManager: isManager, k: k, personTeam: catalog.personTeam)
            #expect(leaks.isEmpty, "seed \(seed), k \(k), \(dimensions): \(leaks.prefix(3).map { $0.map(graph.id) })")
        }
    }

    /// The audit itself finds leaks: the old rule (share published over any group of k) leaked a manager's pay.
    @Test func theAuditFindsALeakWhenThereIsOne() {
        let pairs = [("M", "")] + (1...5).map { ("i\($0)", "M") }
        let staged = PeopleStager.stage(
            PeopleTable.make(managers: pairs), policy: PeoplePolicy(asOf: CivilDate(daysSinceEpoch: 0)))
        let graph = OrgGraphBuilder.build(staged).graph
        let isManager = (0..<graph.count).map { graph.directReports(of: $0) > 0 }
        let subtree = [Int](repeating: 1, count: graph.count)
        let managers = isManager.map { $0 ? 1 : 0 }
        // Subtree(M) and cost × share: the second vector alone is M.
        #expect(Self.inSpan(managers, [subtree, managers]))
        #expect(!Self.inSpan(managers, [subtree]))
    }
}

/// An exact rational, small enough for audits of a dozen people.
struct Fraction: Equatable {
    var numerator: Int
    var denominator: Int

    static let zero = Fraction(0)

    init(_ value: Int) { (numerator, denominator) = (value, 1) }

    init(_ numerator: Int, _ denominator: Int) {
        var divisor = Self.gcd(abs(numerator), abs(denominator))
        if divisor == 0 { divisor = 1 }
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    static func - (lhs: Fraction, rhs: Fraction) -> Fraction {
        Fraction(lhs.numerator * rhs.denominator - rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }
    static func * (lhs: Fraction, rhs: Fraction) -> Fraction {
        Fraction(lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator)
    }
    static func / (lhs: Fraction, rhs: Fraction) -> Fraction {
        Fraction(lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator)
    }
}
