package import OrgLensGraph
package import OrgLensModel

/// Assembles `OrgMetrics` over a frozen org graph: the managers' span of control (`SpanOfControl`), then the
/// org summary, the layer and span distributions, and the span findings.
package enum OrgMetricsBuilder {
    package struct Result: Sendable {
        package let metrics: OrgMetrics
        /// Per-manager findings, in no particular order (the writer publishes them sorted).
        package let findings: [Finding]
    }

    /// With `personTeam` (each person's team, -1 for none), managers also get `teamsSpanned`; with
    /// `isContractor` (an export with worker types), the summary counts contractors; with `orgHeadOfPerson` (each
    /// person's org head, -1 for none), managers get `orgHead`.
    package static func compute(
        _ built: OrgGraphBuilder.Result, policy: SpanPolicy = SpanPolicy(), personTeam: [Int32]? = nil,
        countsInSpan: [Bool]? = nil, isContractor: [Bool]? = nil, dotted: DottedLines? = nil,
        positions: OpenPositions? = nil, orgHeadOfPerson: [Int32]? = nil, workers: Int
    ) -> Result {
        let graph = built.graph
        let totals = SubtreeTotals(graph)
        let table = SpanOfControl.build(
            graph: graph, totals: totals, policy: policy, personTeam: personTeam, countsInSpan: countsInSpan,
            dottedReports: dotted?.dottedReports, positions: positions,
            orgHeadOfPerson: orgHeadOfPerson, workers: workers)
        let managers = table.records

        var spanCounts: [Int: Int] = [:]
        var bandCounts: [SpanBands.Band: Int] = [:]
        for band in SpanBands.Band.allCases { bandCounts[band] = 0 }
        var managersOfManagers = 0
        for record in managers {
            spanCounts[record.directReports, default: 0] += 1
            bandCounts[record.spanBand, default: 0] += 1
            if record.directManagers > 0 { managersOfManagers += 1 }
        }
        let spans = managers.map(\.directReports).sorted()
        let totalSpan = spans.reduce(0, +)
        let maxLayer = Int(graph.layer.max() ?? 0)

        let contractors = isContractor.map { flags in flags.reduce(0) { $0 + ($1 ? 1 : 0) } }
        var summary = OrgSummary(
            people: graph.count, managers: managers.count,
            individualContributors: graph.count - managers.count,
            contractors: contractors,
            managersOfManagers: managersOfManagers, roots: built.roots, orphans: built.orphans,
            detached: graph.detachedCount, maxLayer: maxLayer,
            meanSpan: managers.isEmpty ? nil : Double(totalSpan) / Double(managers.count),
            medianSpan: median(ofSorted: spans), spanBands: bandCounts)
        summary.dottedLines = dotted?.peopleWithLines
        summary.positions = positions?.counts
        let metrics = OrgMetrics(
            summary: summary,
            spanDistribution: spanCounts.keys.sorted().map { SpanCount(span: $0, managers: spanCounts[$0]!) },
            layers: layerTable(graph: graph, managers: managers, maxLayer: maxLayer),
            managers: managers)
        return Result(metrics: metrics, findings: table.findings)
    }

    private static func layerTable(graph: OrgGraph, managers: [ManagerRecord], maxLayer: Int) -> [LayerRecord] {
        var people = [Int](repeating: 0, count: maxLayer + 1)
        var managerCount = [Int](repeating: 0, count: maxLayer + 1)
        var spanSum = [Int](repeating: 0, count: maxLayer + 1)
        for layer in graph.layer { people[Int(layer)] += 1 }
        for record in managers {
            managerCount[record.layer] += 1
            spanSum[record.layer] += record.directReports
        }
        return (1...max(1, maxLayer)).compactMap { layer in
            guard layer <= maxLayer else { return nil }
            return LayerRecord(
                layer: layer, people: people[layer], managers: managerCount[layer],
                meanSpan: managerCount[layer] == 0 ? nil : Double(spanSum[layer]) / Double(managerCount[layer]))
        }
    }

    /// Mean of the two middle values for an even count.
    static func median(ofSorted values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let middle = values.count / 2
        if values.count % 2 == 1 { return Double(values[middle]) }
        return Double(values[middle - 1] + values[middle]) / 2
    }
}
