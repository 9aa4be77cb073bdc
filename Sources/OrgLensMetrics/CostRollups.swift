package import OrgLensGraph

/// Headcount and all-in cost of one group (a manager's subtree, a layer, a team, an org head's org).
/// Cost figures are nil when the group is suppressed: fewer than `min_group_size` salaried people,
/// or (for subtrees) when publishing it would let a reader subtract a small group out of it.
package struct CostFigures: Sendable, Hashable {
    package let headcount: Int
    package let employees: Int
    package let contractors: Int
    /// People with a known salary.
    package let salaried: Int
    /// Σ salary × rate × multiplier, in minor units of the reporting currency; nil when suppressed.
    package let costMinor: Int64?
    /// Cost of the managers in the group ÷ cost; nil when withheld (each side needs k salaried people, and
    /// the split must not isolate a small group) or the cost is zero.
    package let managementCostShare: Double?
    package let suppressed: Bool
    package let shareSuppressed: Bool
}

/// Per-person inputs for the roll-ups, indexed like the graph's people.
package struct PersonCosts: Sendable {
    /// All-in cost in minor units of the reporting currency, or -1 when the salary is unknown.
    package let costMinor: [Int64]
    package let isContractor: [Bool]

    package init(costMinor: [Int64], isContractor: [Bool]) {
        self.costMinor = costMinor
        self.isContractor = isContractor
    }
}

/// Roll-ups per manager subtree, per layer and per team, with small-group suppression.
///
/// Sums are `Int64` minor units added in a fixed order, so every worker count gives the same bytes.
package struct CostRollups: Sendable {
    /// Subtree figures (themself included) of each manager, in person order.
    private let managerFigures: [CostFigures]
    /// Person → index into `managerFigures`, or -1 for people who manage no one.
    private let figureIndex: [Int32]
    /// One entry per layer, layer 1 first; nil unless layers are a published dimension.
    package let byLayer: [CostFigures]?
    /// One entry per team of the catalog; nil unless there is one and teams are a published dimension.
    package let byTeam: [CostFigures]?
    /// Which groups tonight publishes (ids only): the next night checks itself against them.
    package let published: PublishedGroups

    /// A manager's subtree figures (nil for someone who manages no one).
    package func subtree(of person: Int) -> CostFigures? {
        let index = figureIndex[person]
        return index < 0 ? nil : managerFigures[Int(index)]
    }

    /// `dimensions` says which groups publish pay; every published cost is rounded to `precisionMinor`
    /// (minor units, half away from zero) so that two nights' figures differ by multiples of it.
    package init(
        graph: OrgGraph, costs: PersonCosts, minGroupSize: Int, catalog: TeamCatalog?,
        dimensions: CostDimensions = .tree, precisionMinor: Int64 = 1, earlier: [EarlierPublication] = []
    ) {
        let count = graph.count
        let isManager = (0..<count).map { graph.directReports(of: $0) > 0 }
        // Zero is not pay: only people paid something are in a group's pay.
        let salaried = costs.costMinor.map { $0 > 0 }
        let k = Int32(minGroupSize)
        var total = Totals(count: count)
        total.addPeople(costs: costs, isManager: isManager) { $0 }
        total.rollUp(order: graph.order, parent: graph.parent)
        let layers = Int(graph.layer.max() ?? 0)
        var layerTotals = Totals(count: layers + 1)
        layerTotals.addPeople(costs: costs, isManager: isManager) { Int(graph.layer[$0]) }
        var teamTotals = catalog.map { Totals(count: $0.count) }
        if let catalog { teamTotals!.addPeople(costs: costs, isManager: isManager) { Int(catalog.personTeam[$0]) } }

        let subtree =
            dimensions.contains(.tree)
            ? CostDisclosure.treeCandidates(
                graph: graph, isManager: isManager, salaried: total.salaried, minGroupSize: k)
            : [Bool](repeating: false, count: count)
        let layerCandidates = (0...layers).map {
            $0 > 0 && dimensions.contains(.layers) && layerTotals.salaried($0) >= k
        }
        let teamCandidates =
            teamTotals.map { totals in
                (0..<totals.count).map { dimensions.contains(.teams) && totals.salaried($0) >= k }
            } ?? []
        var disclosure = CostDisclosure(
            subtree: subtree, subtreeShare: (0..<count).map { subtree[$0] && total.sidesReach(k, $0) },
            layer: layerCandidates,
            layerShare: (0...layers).map { layerCandidates[$0] && layerTotals.sidesReach(k, $0) },
            team: teamCandidates,
            teamShare: teamCandidates.indices.map { teamCandidates[$0] && teamTotals!.sidesReach(k, $0) })
        disclosure.settle(
            people: CostDisclosure.People(
                graph: graph, salaried: salaried, isManager: isManager,
                team: dimensions.contains(.teams) ? catalog?.personTeam : nil,
                subtreeSize: (0..<count).map { total.salaried($0) },
                layerSize: (0...layers).map { layerTotals.salaried($0) },
                teamSize: teamTotals.map { totals in (0..<totals.count).map { totals.salaried($0) } } ?? [],
                crossNight: earlier.isEmpty
                    ? nil : CostDisclosure.CrossNight(earlier, salaried: salaried)),
            minGroupSize: minGroupSize)
        published = PublishedGroups(
            subtree: disclosure.subtree, subtreeShare: disclosure.subtreeShare, layer: disclosure.layer,
            layerShare: disclosure.layerShare, team: disclosure.team, teamShare: disclosure.teamShare,
            salaried: salaried)

        var figureIndex = [Int32](repeating: -1, count: count)
        var managerFigures: [CostFigures] = []
        managerFigures.reserveCapacity(isManager.lazy.filter { $0 }.count)
        for person in 0..<count where isManager[person] {
            figureIndex[person] = Int32(managerFigures.count)
            managerFigures.append(
                total.figures(
                    person, published: disclosure.subtree[person], sharePublished: disclosure.subtreeShare[person],
                    precision: precisionMinor))
        }
        self.figureIndex = figureIndex
        self.managerFigures = managerFigures
        byLayer =
            dimensions.contains(.layers)
            ? (1..<(layers + 1)).map {
                layerTotals.figures(
                    $0, published: disclosure.layer[$0], sharePublished: disclosure.layerShare[$0],
                    precision: precisionMinor)
            } : nil
        byTeam =
            dimensions.contains(.teams)
            ? teamTotals.map { totals in
                (0..<totals.count).map {
                    totals.figures(
                        $0, published: disclosure.team[$0], sharePublished: disclosure.teamShare[$0],
                        precision: precisionMinor)
                }
            } : nil
    }
}

/// Sums for a set of groups, one record per group: the bottom-up pass touches all six figures of a
/// parent at once, so one cache line per step instead of six scattered arrays.
private struct Totals {
    struct Sums {
        var headcount: Int32 = 0
        var employees: Int32 = 0
        var contractors: Int32 = 0
        var salaried: Int32 = 0
        var cost: Int64 = 0
        var managerCost: Int64 = 0
        /// Salaried people who manage: one side of the management cost share.
        var salariedManagers: Int32 = 0
    }

    private(set) var groups: [Sums]

    init(count: Int) {
        groups = Array(repeating: Sums(), count: count)
    }

    var count: Int { groups.count }

    func salaried(_ group: Int) -> Int32 { groups[group].salaried }

    /// Whether both sides of the group's management cost share hold at least `k` salaried people.
    func sidesReach(_ k: Int32, _ group: Int) -> Bool {
        groups[group].salariedManagers >= k && groups[group].salaried - groups[group].salariedManagers >= k
    }

    /// Adds every person's own figures into their group, `group(person)` (none when negative).
    mutating func addPeople(costs: PersonCosts, isManager: [Bool], group: (Int) -> Int) {
        groups.withUnsafeMutableBufferPointer { groups in
            for person in isManager.indices {
                let group = group(person)
                guard group >= 0 else { continue }
                groups[group].headcount += 1
                if costs.isContractor[person] { groups[group].contractors += 1 } else { groups[group].employees += 1 }
                let own = costs.costMinor[person]
                // Zero is not pay: a group of k needs k people paid something, or the others' pay shows.
                guard own > 0 else { continue }
                groups[group].salaried += 1
                groups[group].cost += own
                if isManager[person] {
                    groups[group].managerCost += own
                    groups[group].salariedManagers += 1
                }
            }
        }
    }

    /// Adds each group into its parent, children before parents (`order` reversed is bottom-up).
    mutating func rollUp(order: [Int32], parent: [Int32]) {
        groups.withUnsafeMutableBufferPointer { groups in
            for person in order.reversed() {
                let manager = Int(parent[Int(person)])
                guard manager >= 0 else { continue }
                let from = groups[Int(person)]
                groups[manager].headcount += from.headcount
                groups[manager].employees += from.employees
                groups[manager].contractors += from.contractors
                groups[manager].salaried += from.salaried
                groups[manager].cost += from.cost
                groups[manager].managerCost += from.managerCost
                groups[manager].salariedManagers += from.salariedManagers
            }
        }
    }

    func figures(_ group: Int, published: Bool, sharePublished: Bool, precision: Int64) -> CostFigures {
        let sums = groups[group]
        let shared = published && sharePublished && sums.cost > 0
        return CostFigures(
            headcount: Int(sums.headcount), employees: Int(sums.employees), contractors: Int(sums.contractors),
            salaried: Int(sums.salaried), costMinor: published ? CostRollups.round(sums.cost, to: precision) : nil,
            managementCostShare: shared ? Double(sums.managerCost) / Double(sums.cost) : nil,
            suppressed: !published, shareSuppressed: !shared)
    }
}

extension CostRollups {
    /// To a multiple of `precision`, half away from zero (costs are never negative).
    static func round(_ value: Int64, to precision: Int64) -> Int64 {
        guard precision > 1 else { return value }
        return (value + precision / 2) / precision * precision
    }
}
