import OrgLensGraph
import OrgLensHistory
import OrgLensKeys
import OrgLensMetrics
import OrgLensModel
import OrgLensStage

extension Analysis {
    /// Every metric of the run.
    struct MetricsStage {
        let spans: OrgMetricsBuilder.Result
        let teams: TeamReport?
        let costs: CostRollups?
        let orgHeads: (records: [OrgHeadRecord], findings: [Finding])
        /// With a positions export: what tonight's snapshot keeps of each position.
        let positionMarks: [Snapshot.PositionMark]?
    }

    /// Span, team and cost metrics read the same frozen graph and nothing of each other, so they run side by
    /// side; org heads need all three.
    static func computeMetrics(
        _ inputs: StagedInputs, _ graph: GraphStage, _ request: AnalysisRequest
    ) throws(RunError) -> MetricsStage {
        let (staged, built) = (inputs.staged, graph.built)
        let isContractor = PersonCostInputs.contractors(staged: staged, built: built, workers: request.workers)
        let personCosts = try PersonCostInputs.make(
            staged: staged, built: built, isContractor: isContractor, allInMultiplier: request.costs.allInMultiplier,
            workers: request.workers,
            rate: { code, people throws(RunError) in try request.costs.rate(for: code, people: people) })
        let countsInSpan = request.costs.contractorsInSpans ? nil : isContractor.map { !$0 }
        let catalog = graph.linked?.catalog
        let (spans, teamReport, rollups) = concurrently(
            workers: request.workers,
            {
                OrgMetricsBuilder.compute(
                    built, policy: request.spanPolicy, personTeam: catalog?.personTeam, countsInSpan: countsInSpan,
                    isContractor: staged.isContractor.isEmpty ? nil : isContractor, dotted: graph.dotted,
                    positions: graph.positions,
                    orgHeadOfPerson: catalog?.orgHeadOfPerson ?? built.graph.ancestors(atLayer: request.orgLayer),
                    workers: request.workers)
            },
            {
                catalog.map {
                    TeamMetrics.compute(
                        graph: built.graph, catalog: $0, services: graph.services, dependencies: graph.dependencies,
                        sizes: request.teamSizes, workers: request.workers)
                }
            },
            {
                personCosts.map {
                    CostRollups(
                        graph: built.graph, costs: $0, minGroupSize: request.costs.minGroupSize, catalog: catalog,
                        dimensions: request.costs.dimensions, precisionMinor: request.costs.precisionMinor,
                        earlier: inputs.publishedNights.prefix(request.costs.historyWindow).map {
                            EarlierPublication(
                                $0, tonight: built.graph, personTeam: catalog?.personTeam,
                                teamIDs: catalog?.teams.index.names)
                        })
                }
            })
        var orgHeads = OrgHeads.compute(
            orgLayer: request.orgLayer, managers: spans.metrics.managers, teams: teamReport?.teams, costs: rollups,
            bands: request.orgHeadBands, department: departmentOf(inputs, built))
        guard let positions = graph.positions, let staged = inputs.positions else {
            return MetricsStage(
                spans: spans, teams: teamReport, costs: rollups, orgHeads: orgHeads, positionMarks: nil)
        }
        let plan = try PositionInputs.plan(
            positions, staged, built: built, managers: spans.metrics.managers, orgHeads: orgHeads.records,
            teams: teamReport, costs: rollups, earlierNights: inputs.publishedNights, request)
        orgHeads.records = plan.orgHeads
        return MetricsStage(
            spans: spans, teams: plan.teams, costs: rollups, orgHeads: orgHeads, positionMarks: plan.marks)
    }

    /// A person's department as exported (`department` column), by graph index; nil without the column.
    static func departmentOf(_ inputs: StagedInputs, _ built: OrgGraphBuilder.Result) -> (Int32) -> String? {
        guard let column = inputs.departments else { return { _ in nil } }
        let (record, stagedPerson) = (inputs.staged.record, built.stagedPerson)
        return { person in column.trimmedString(at: Int(record[Int(stagedPerson[Int(person)])])) }
    }
}
