import OrgLensGraph
import OrgLensHistory
import OrgLensModel
import OrgLensStage

extension Analysis {
    /// This run's snapshot and what changed since the baseline (nothing without a history request).
    struct HistoryStage {
        let snapshot: Snapshot?
        let changes: Changes?
    }

    static func compareWithBaseline(
        _ graph: GraphStage, findings: [Finding], _ request: AnalysisRequest
    ) -> HistoryStage {
        guard let history = request.history else { return HistoryStage(snapshot: nil, changes: nil) }
        let built = graph.built
        let snapshot = Snapshot(
            asOf: request.policy.asOf, keyFingerprint: request.pseudonymizer?.fingerprint ?? "", graph: built.graph,
            personTeam: graph.linked?.catalog.personTeam, teamIDs: graph.linked?.catalog.teams.index.names,
            orgHead: graph.linked?.catalog.orgHeadOfPerson ?? built.graph.ancestors(atLayer: request.orgLayer),
            findings: findings)
        let changes =
            history.baseline.map {
                ChangeDetector.compare(
                    $0, snapshot, spanPolicy: request.spanPolicy, withMovers: request.peopleTable)
            } ?? .firstRun(maxLayer: snapshot.maxLayer)
        return HistoryStage(snapshot: history.keepSnapshot ? snapshot : nil, changes: changes)
    }
}
