import Foundation
package import OrgLensModel
package import OrgLensSettings
package import OrgLensStage
import OrgLensXML

extension PipelineFile {
    /// The analysis this pipeline describes, on `asOf`, writing into `outputDirectory`.
    package func request(asOf: CivilDate, workers: Int, outputDirectory: String) throws(RunError) -> AnalysisRequest {
        let resolved = try ResolvedSettings(settings)
        let settingsFile = isCommandLine ? nil : path
        var request = AnalysisRequest(
            people: try people.peopleSource(settingsFile: settingsFile),
            teams: try sources.teams.map { source throws(RunError) in try Self.table(source, pipeline: path) },
            services: try sources.services.map { source throws(RunError) in try Self.table(source, pipeline: path) },
            dependencies: try sources.dependencies.map { source throws(RunError) in
                try Self.table(source, pipeline: path)
            },
            policy: people.policy(
                asOf: asOf, inactiveStatuses: policy.inactiveStatuses, contractorTypes: resolved.contractorTypes),
            orgLayer: resolved.orgLayer, teamSizes: resolved.teamSizes, orgHeadBands: resolved.orgHeadBands,
            costs: resolved.costs, workers: workers, outputDirectory: outputDirectory)
        request.positions = try sources.positions.map { source throws(RunError) in
            try source.positionsRequest(horizon: settings.planning.horizon.lastDay(after: asOf))
        }
        request.spanPolicy = resolved.spanPolicy
        request.maxDottedManagers = resolved.maxDottedManagers
        request.report = outputs.report
        request.reportNames = outputs.reportNames
        // The database is loaded from the run's tables: with one, they are written.
        request.tables = outputs.tables || outputs.database != nil
        request.peopleTable = outputs.peopleTable
        request.pipelineFile = settingsFile
        request.quarantineMaxRows = outputs.quarantineMaxRows
        request.quarantineMaxBytes = outputs.quarantineMaxBytes
        request.publish = try resolved.publishedFields(path: path)
        if outputs.reportNames, !request.publish.contains(.name) {
            throw RunError(
                .configuration,
                "\(path): outputs.report_names needs name in privacy.publish (names are personal data: publishing them is a choice made there)."
            )
        }
        if settings.privacy.pseudonymize {
            let keyFile = settings.privacy.keyFile.map { Self.resolve($0, base: baseDirectory) }
            request.pseudonymizer = try Pseudonymizer.load(
                keyFile: keyFile, environment: ProcessInfo.processInfo.environment)
        }
        return request
    }

    private static func table<Field: CanonicalField>(
        _ source: Source, pipeline: String
    ) throws(RunError) -> TableSource<Field> {
        TableSource(
            path: source.path, mapping: try source.mapping(as: Field.self),
            dialect: source.dialect)
    }
}

extension PipelineFile.Source {
    /// The people export and how to read it; `settingsFile` names the pipeline file in messages (nil: flags).
    package func peopleSource(settingsFile: String?) throws(RunError) -> PeopleSource {
        let resolvedFormat = format ?? SourceFormat.inferred(fromPath: path)
        if let preset, resolvedFormat == .xml, !XMLExportLayout.names.contains(preset), record == nil {
            throw RunError(
                settingsFile == nil ? .usage : .configuration,
                "preset \(preset) reads CSV, but \(path) is XML; XML presets are: \(XMLExportLayout.names.joined(separator: ", "))."
            )
        }
        try checkStatusMap(positions: false)
        return PeopleSource(
            path: path, format: resolvedFormat, mapping: try mapping(as: PersonField.self),
            dialect: dialect,
            xmlPreset: preset.flatMap { XMLExportLayout.names.contains($0) ? $0 : nil }, xmlRecordElement: record)
    }

    /// The positions export, how its values read and how far ahead its plan counts.
    package func positionsRequest(horizon: CivilDate) throws(RunError) -> PositionsRequest {
        try checkStatusMap(positions: true)
        let resolvedFormat = format ?? SourceFormat.inferred(fromPath: path)
        let source = ExportSource<PositionField>(
            path: path, format: resolvedFormat, mapping: try mapping(as: PositionField.self), dialect: dialect,
            xmlPreset: preset.flatMap { XMLExportLayout.names.contains($0) ? $0 : nil }, xmlRecordElement: record)
        return PositionsRequest(source: source, values: values(), managerReference: managerRef, horizon: horizon)
    }

    /// Who is in the org and how the values read; the pipeline's `policy.inactive_statuses` beats the source's.
    package func policy(
        asOf: CivilDate, inactiveStatuses override: [String]?, contractorTypes: [String]?
    ) -> PeoplePolicy {
        PeoplePolicy(
            asOf: asOf, inactiveStatuses: override ?? inactiveStatuses, rootMarkers: rootMarkers,
            contractorTypes: contractorTypes, managerReference: managerRef, values: values())
    }
}
