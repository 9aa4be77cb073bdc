import OrgLensMetrics
import OrgLensModel
import Testing

/// Parallel workers and row order must not change any figure.
@Suite struct DeterminismTests {
    /// A random forest large enough to cross the parallel threshold, from a fixed seed.
    static func randomOrg(people: Int, seed: UInt64) -> [(String, String)] {
        var generator = SplitMix64(seed: seed)
        return (0..<people).map { index in
            let manager = index == 0 ? "" : "P\(Int(generator.next() % UInt64(index)))"
            return ("P\(index)", manager)
        }
    }

    @Test(arguments: [2, 3, 8])
    func workerCountDoesNotChangeResults(workers: Int) {
        let org = Self.randomOrg(people: 20_000, seed: 42)
        let serial = metrics(org, workers: 1)
        let parallel = metrics(org, workers: workers)
        #expect(serial.metrics.managers == parallel.metrics.managers)
        #expect(serial.metrics.summary == parallel.metrics.summary)
        #expect(serial.metrics.layers == parallel.metrics.layers)
        #expect(
            serial.findings.sorted(by: Finding.publishedOrder) == parallel.findings.sorted(by: Finding.publishedOrder))
    }

    @Test func rowOrderDoesNotChangeResults() {
        let org = Self.randomOrg(people: 20_000, seed: 7)
        var generator = SplitMix64(seed: 99)
        let shuffled = org.shuffled(using: &generator)
        let first = metrics(org, workers: 2)
        let second = metrics(shuffled, workers: 2)
        // Graph indices differ with row order; every published field must not.
        #expect(first.metrics.managers.map(\.publishedFields) == second.metrics.managers.map(\.publishedFields))
        #expect(first.metrics.summary == second.metrics.summary)
        #expect(first.metrics.spanDistribution == second.metrics.spanDistribution)
    }
}

extension ManagerRecord {
    var publishedFields: String {
        "\(id) \(String(describing: managerID)) \(layer) \(directReports) \(directICs) \(directManagers) \(orgSize) \(depthBelow) \(spanBand) \(role) \(String(describing: teamsSpanned))"
    }
}
