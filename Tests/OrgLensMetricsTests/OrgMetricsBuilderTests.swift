import OrgLensGraph
import OrgLensMetrics
import OrgLensModel
import OrgLensStage
import OrgLensTestSupport
import Testing

func metrics(_ pairs: [(String, String)], workers: Int = 1) -> OrgMetricsBuilder.Result {
    let staged = PeopleStager.stage(
        PeopleTable.make(managers: pairs), policy: PeoplePolicy(asOf: CivilDate(daysSinceEpoch: 0)))
    return OrgMetricsBuilder.compute(OrgGraphBuilder.build(staged), workers: workers)
}

@Suite struct SpanMetricsTests {
    /// CEO → {VP, IC0}; VP → {M1, M2}; M1 → 5 ICs; M2 → 1 IC.
    static let smallOrg: [(String, String)] =
        [("CEO", ""), ("VP", "CEO"), ("IC0", "CEO"), ("M1", "VP"), ("M2", "VP")]
        + (1...5).map { ("A\($0)", "M1") } + [("B1", "M2")]

    @Test func managersTableCountsReportsOrgSizeAndDepth() {
        let table = Dictionary(uniqueKeysWithValues: metrics(Self.smallOrg).metrics.managers.map { ($0.id, $0) })
        let ceo = table["CEO"]!
        #expect((ceo.directReports, ceo.directICs, ceo.directManagers, ceo.orgSize, ceo.depthBelow) == (2, 1, 1, 10, 3))
        #expect(ceo.role == .executive)
        let vp = table["VP"]!
        #expect((vp.layer, vp.directReports, vp.directManagers, vp.orgSize, vp.depthBelow) == (2, 2, 2, 8, 2))
        #expect(vp.role == .managerOfManagers)
        #expect(table["M1"]!.role == .managerOfICs)
        #expect(table["M1"]!.spanBand == .healthy)
        #expect(table["M2"]!.spanBand == .narrow)
        #expect(table.count == 4)
    }

    @Test func managersAreOrderedByLayerThenIDBytes() {
        let ids = metrics(Self.smallOrg).metrics.managers.map(\.id)
        #expect(ids == ["CEO", "VP", "M1", "M2"])
    }

    @Test func summaryAndDistributions() {
        let result = metrics(Self.smallOrg).metrics
        let summary = result.summary
        #expect(summary.people == 11)
        #expect(summary.managers == 4)
        #expect(summary.individualContributors == 7)
        #expect(summary.managersOfManagers == 2)
        #expect(summary.maxLayer == 4)
        #expect(summary.meanSpan == 10.0 / 4.0)
        #expect(summary.medianSpan == 2)
        #expect(summary.spanBands == [.narrow: 3, .healthy: 1, .wide: 0, .split: 0])
        #expect(result.spanDistribution.map { [$0.span, $0.managers] } == [[1, 1], [2, 2], [5, 1]])
        #expect(result.layers.map(\.people) == [1, 2, 2, 6])
        #expect(result.layers.map(\.meanSpan) == [2, 2, 3, nil])
    }

    @Test func findingsForSpansAndInflatedLayers() {
        // CHAIN → MID (only report, a manager) → 12 ICs.
        let pairs = [("CHAIN", ""), ("MID", "CHAIN")] + (1...12).map { ("I\($0)", "MID") }
        let findings = metrics(pairs).findings
        let bySubject = Dictionary(grouping: findings, by: \.subject).mapValues { Set($0.map(\.rule)) }
        #expect(bySubject["CHAIN"] == [.spanNarrow, .managerSingleReport, .managerLayerInflation])
        #expect(bySubject["MID"] == [.spanSplit])
    }

    @Test(arguments: [(3, SpanBands.Band.narrow), (4, .healthy), (8, .healthy), (9, .wide), (11, .wide), (12, .split)])
    func defaultBands(span: Int, band: SpanBands.Band) {
        #expect(SpanBands().band(for: span) == band)
    }

    @Test func medianOfEvenCountIsMeanOfMiddleValues() {
        let pairs =
            [("R", ""), ("A", "R"), ("B", "R")] + (1...3).map { ("a\($0)", "A") } + (1...6).map { ("b\($0)", "B") }
        // Spans: R 2, A 3, B 6 → median 3; add C with 8 → spans 2, 3, 6, 8 → median 4.5
        let withC = pairs + [("C", "R")] + (1...8).map { ("c\($0)", "C") }
        #expect(metrics(pairs).metrics.summary.medianSpan == 3)
        #expect(metrics(withC).metrics.summary.medianSpan == 4.5)
    }
}
