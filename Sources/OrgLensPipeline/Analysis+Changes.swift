import OrgLensGraph
import OrgLensHistory
import OrgLensKeys
import OrgLensMetrics
import OrgLensModel
import OrgLensStage

extension Analysis {
    /// This run's snapshot and what changed since the baseline (nothing without a history request).
    struct HistoryStage: Sendable {
        let snapshot: Snapshot?
        let changes: Changes?
    }

    /// The snapshot without findings and the structural comparison: they need the graph only, so they run beside
    /// the metrics.
    static func compareStructure(
        _ graph: GraphStage, baseline: Snapshot?, skipped: Int, _ request: AnalysisRequest
    ) -> HistoryStage {
        guard request.history != nil else { return HistoryStage(snapshot: nil, changes: nil) }
        let built = graph.built
        var snapshot = Snapshot(
            asOf: request.policy.asOf, keyFingerprint: request.pseudonymizer?.fingerprint ?? "", graph: built.graph,
            personTeam: graph.linked?.catalog.personTeam, teamIDs: graph.linked?.catalog.teams.index.names,
            orgHead: graph.linked?.catalog.orgHeadOfPerson ?? built.graph.ancestors(atLayer: request.orgLayer),
            findings: [])
        snapshot.outputsID = request.history?.outputsID ?? ""
        if let dotted = graph.dotted { snapshot.dottedReports = dotted.dottedReports.map { UInt32($0) } }
        let changes =
            (baseline.map {
                ChangeDetector.structure($0, snapshot, spanPolicy: request.spanPolicy, withMovers: request.peopleTable)
            } ?? .firstRun(maxLayer: snapshot.maxLayer)).noting(unusableBaselines: skipped)
        return HistoryStage(snapshot: snapshot, changes: changes)
    }

    /// The run's findings into its snapshot and the findings opened and resolved into its changes.
    static func addFindings(
        _ structure: HistoryStage, findings: [Finding], baseline: Snapshot?, published: PublishedGroups?,
        positions: [Snapshot.PositionMark]?, _ request: AnalysisRequest
    ) -> HistoryStage {
        guard let history = request.history, var snapshot = structure.snapshot, let changes = structure.changes else {
            return structure
        }
        snapshot.setFindings(findings)
        if let published { snapshot.setPublished(published) }
        if let positions { snapshot.positions = positions }
        let complete = (baseline.map { ChangeDetector.addingFindings(changes, $0, snapshot) } ?? changes)
            .countingPositions(before: baseline, after: snapshot)
        return HistoryStage(snapshot: history.keepSnapshot ? snapshot : nil, changes: complete)
    }
}
