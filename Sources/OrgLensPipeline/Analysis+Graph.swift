import OrgLensGraph
import OrgLensModel
import OrgLensStage

extension Analysis {
    /// The frozen org graph, the team catalog joined to it, and the services and dependencies joined to the teams.
    struct GraphStage {
        let built: OrgGraphBuilder.Result
        let linked: TeamCatalogBuilder.Result?
        let services: LinkedServices?
        let dependencies: LinkedDependencies?
        /// With a dotted-line column: the second managers, beside the tree.
        let dotted: DottedLines?
        /// With a positions export: the positions joined to the graph.
        let positions: OpenPositions?
    }

    /// Builds the graph; a run where no one is left in the org stops here, before anything is written.
    static func buildGraph(_ inputs: StagedInputs, _ request: AnalysisRequest) throws(RunError) -> GraphStage {
        let (staged, table) = (inputs.staged, inputs.table)
        let built = OrgGraphBuilder.build(staged)
        guard built.graph.count > 0 else {
            throw RunError(
                .badData,
                "\(request.people.path): no one is left in the org (\(table.rowsRead) rows read, \(staged.excluded.values.reduce(0, +)) excluded by policy, \(staged.rejections.count + built.rejections.count) quarantined). Check \(request.setting(flag: "--map", key: "sources.people.map")), \(request.setting(flag: "--inactive-status", key: "the preset's status_map")) and \(request.setting(flag: "--as-of", key: "as_of")); quarantine.csv was not written."
            )
        }
        var linked: TeamCatalogBuilder.Result?
        var services: LinkedServices?
        if let teams = inputs.teams {
            services = inputs.services.map { CatalogLinks.services($0, teams: teams) }
            let membership = TeamMembership(people: staged, teams: teams, workers: request.workers)
            var unknown = membership.unknownReferences.merging(teams.unknownReferences, uniquingKeysWith: +)
            unknown.merge(services?.unknownReferences ?? [:], uniquingKeysWith: +)
            linked = TeamCatalogBuilder.build(
                teams: teams, membership: membership, built: built, orgLayer: request.orgLayer,
                unknownReferences: unknown)
        }
        let dependencies = inputs.dependencies.flatMap { rows in
            services.map { CatalogLinks.dependencies(rows, services: $0) }
        }
        let positions = inputs.positions.flatMap {
            PositionInputs.join(
                $0, people: staged, built: built, teams: inputs.teams.map(\.index), request)
        }
        return GraphStage(
            built: built, linked: linked, services: services, dependencies: dependencies,
            dotted: DottedLines.resolve(staged, built: built, maxManagers: request.maxDottedManagers),
            positions: positions)
    }
}
