import OrgLensGraph
import OrgLensMetrics
import OrgLensModel
import OrgLensStage
import OrgLensTestSupport
import Testing

/// Cost roll-ups and suppression on orgs small enough to check by hand.
@Suite struct CostRollupsTests {
    /// Builds the graph and one cost per person (by id), -1 for unknown.
    func rollups(
        _ pairs: [(String, String)], cost: [String: Int64], contractors: Set<String> = [], k: Int = 5,
        dimensions: CostDimensions = .tree
    ) -> (CostRollups, OrgGraph) {
        let staged = PeopleStager.stage(
            PeopleTable.make(managers: pairs), policy: PeoplePolicy(asOf: CivilDate(daysSinceEpoch: 0)))
        let graph = OrgGraphBuilder.build(staged).graph
        let costs = PersonCosts(
            costMinor: (0..<graph.count).map { cost[graph.id($0)] ?? -1 },
            isContractor: (0..<graph.count).map { contractors.contains(graph.id($0)) })
        return (CostRollups(graph: graph, costs: costs, minGroupSize: k, catalog: nil, dimensions: dimensions), graph)
    }

    func figures(_ id: String, in result: (CostRollups, OrgGraph)) -> CostFigures {
        result.0.subtree(of: (0..<result.1.count).first { result.1.id($0) == id }!)!
    }

    @Test func subtreeSumsCountsAndManagementShare() {
        let pairs = [("M", ""), ("a", "M"), ("b", "M"), ("c", "M"), ("d", "M"), ("x", "M")]
        let cost: [String: Int64] = ["M": 400, "a": 100, "b": 100, "c": 100, "d": 100]
        let result = rollups(pairs, cost: cost, contractors: ["d", "x"])
        let manager = figures("M", in: result)
        #expect((manager.headcount, manager.employees, manager.contractors, manager.salaried) == (6, 4, 2, 5))
        #expect(manager.costMinor == 800)
        #expect(!manager.suppressed)
        // The managers' side of the share is M alone: cost × share would be M's pay.
        #expect(manager.managementCostShare == nil && manager.shareSuppressed)
    }

    /// A share is published when each side holds k salaried people and the split isolates no small group.
    @Test func managementShareNeedsKOnEachSide() {
        let pairs = [("M", "")] + (1...5).map { ("e\($0)", "M") } + (1...5).map { ("i\($0)", "e\($0)") }
        let cost = Dictionary(uniqueKeysWithValues: pairs.map { ($0.0, Int64($0.0.hasPrefix("i") ? 100 : 300)) })
        let manager = figures("M", in: rollups(pairs, cost: cost))
        #expect(manager.costMinor == 2300)
        #expect(manager.managementCostShare == 1800.0 / 2300.0 && !manager.shareSuppressed)
    }

    @Test func groupsBelowTheMinimumAreSuppressedButCountsStay() {
        let result = rollups([("M", ""), ("a", "M"), ("b", "M"), ("c", "M")], cost: ["M": 1, "a": 1, "b": 1, "c": 1])
        let manager = figures("M", in: result)
        #expect(manager.suppressed)
        #expect(manager.costMinor == nil && manager.managementCostShare == nil)
        #expect(manager.headcount == 4 && manager.salaried == 4)
    }

    /// P (7 salaried) over a published child C (6): publishing P would reveal P's own salary.
    @Test func differencingGuardSuppressesTheParent() {
        let pairs = [("P", ""), ("C", "P")] + (1...5).map { ("i\($0)", "C") }
        var cost: [String: Int64] = ["P": 900, "C": 500]
        for index in 1...5 { cost["i\(index)"] = 100 }
        let result = rollups(pairs, cost: cost)
        #expect(!figures("C", in: result).suppressed)
        #expect(figures("P", in: result).suppressed)
    }

    /// The guard looks through suppressed children at the published subtrees below them.
    @Test func guardSeesPublishedGrandchildren() {
        // G → P → C (6 salaried, published); G also has 5 direct ICs. P is suppressed by the guard;
        // G's uncovered part is G, P and the 5 ICs = 7 ≥ 5, so G is published.
        let pairs =
            [("G", ""), ("P", "G"), ("C", "P")] + (1...5).map { ("i\($0)", "C") } + (1...5).map { ("g\($0)", "G") }
        var cost = Dictionary(uniqueKeysWithValues: pairs.map { ($0.0, Int64(100)) })
        let published = rollups(pairs, cost: cost)
        #expect(figures("P", in: published).suppressed)
        #expect(!figures("G", in: published).suppressed)
        // With only 2 ICs beside P, G's uncovered part is G, P and 2 ICs = 4 < 5: G is suppressed too.
        for index in 3...5 { cost["g\(index)"] = -1 }
        #expect(figures("G", in: rollups(pairs, cost: cost)).suppressed)
    }

    @Test func layersAreSummedPerLayer() {
        let pairs = [("M", "")] + (1...5).map { ("i\($0)", "M") }
        let cost = Dictionary(uniqueKeysWithValues: pairs.map { ($0.0, Int64(10)) })
        #expect(rollups(pairs, cost: cost).0.byLayer == nil, "layers are opt-in")
        let result = rollups(pairs, cost: cost, dimensions: [.tree, .layers])
        let layers = try! #require(result.0.byLayer)
        #expect(layers.count == 2)
        #expect(layers[0].suppressed)
        // Layer 2 is everyone but M, and M's subtree is everyone: publishing both would give M's pay.
        #expect(layers[1].suppressed != figures("M", in: result).suppressed)
    }

    @Test(
        arguments: [
            ("120000", 120_000_000_000), ("120000.5", 120_000_500_000), ("0.01", 10_000), ("99.9999995", 100_000_000),
            ("120,000", 120_000_000_000), ("$420,000.00", 420_000_000_000), ("1.234,56 €", 1_234_560_000),
            ("120000.00 USD", 120_000_000_000), ("CHF 85'000", 85_000_000_000), ("85.000", 85_000_000_000),
        ] as [(String, Int64)])
    func salariesParseToMicroUnits(text: String, micro: Int64) {
        #expect(PayFormat().read(ArraySlice(text.utf8))?.micro == micro)
    }

    @Test(arguments: ["1.2.3,4,5", "-5", "", ".", "abc", "12 apples", "1,23,456"])
    func unreadableSalariesAreNil(text: String) {
        #expect(PayFormat().read(ArraySlice(text.utf8)) == nil)
    }
}
