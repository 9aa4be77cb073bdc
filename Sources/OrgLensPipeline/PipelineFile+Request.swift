import Foundation
public import OrgLensModel
public import OrgLensStage
import OrgLensXML

extension PipelineFile {
    /// The analysis this pipeline describes, on `asOf`, writing into `outputDirectory`.
    public func request(
        asOf: CivilDate, workers: Int, overrides: SettingOverrides, outputDirectory: String
    ) throws(RunError) -> AnalysisRequest {
        let settings = try ResolvedSettings(file: self.settings, overrides: overrides)
        let settingsFile = isCommandLine ? nil : path
        var request = AnalysisRequest(
            people: try people.peopleSource(settingsFile: settingsFile),
            teams: try teams.map { source throws(RunError) in try Self.table(source, pipeline: path) },
            services: try services.map { source throws(RunError) in try Self.table(source, pipeline: path) },
            dependencies: try dependencies.map { source throws(RunError) in try Self.table(source, pipeline: path) },
            policy: people.policy(
                asOf: asOf, inactiveStatuses: inactiveStatuses, contractorTypes: settings.contractorTypes),
            orgLayer: settings.orgLayer, teamSizes: settings.teamSizes, orgHeadBands: settings.orgHeadBands,
            costs: settings.costs, workers: workers, outputDirectory: outputDirectory)
        request.spanPolicy = settings.spanPolicy
        request.report = report
        request.reportNames = reportNames
        request.tables = tables
        request.peopleTable = peopleTable
        request.pipelineFile = settingsFile
        request.quarantineMaxRows = quarantineMaxRows
        request.quarantineMaxBytes = quarantineMaxBytes
        request.publish = try settings.publishedFields(path: path)
        if reportNames, !request.publish.contains(.name) {
            throw RunError(
                .configuration,
                "\(path): outputs.report_names needs name in privacy.publish (names are personal data: publishing them is a choice made there)."
            )
        }
        if self.settings.pseudonymize {
            let keyFile = self.settings.keyFile.map { Self.resolve($0, base: baseDirectory) }
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
            dialect: try DialectText.dialect(delimiter: source.delimiter, encoding: source.encoding, source: pipeline))
    }
}

extension PipelineFile.Source {
    /// The people export and how to read it; `settingsFile` names the pipeline file in messages (nil: flags).
    public func peopleSource(settingsFile: String?) throws(RunError) -> PeopleSource {
        let format = try format.map { text throws(RunError) -> SourceFormat in
            guard let format = SourceFormat(rawValue: text.lowercased()) else {
                throw RunError(
                    settingsFile == nil ? .usage : .configuration,
                    "\(settingsFile.map { "\($0): \(key ?? "sources.people").format" } ?? "--format") must be csv or xml, not '\(text)'."
                )
            }
            return format
        }
        let resolvedFormat = format ?? SourceFormat.inferred(fromPath: path)
        if let preset, resolvedFormat == .xml, !XMLExportLayout.names.contains(preset), record == nil {
            throw RunError(
                settingsFile == nil ? .usage : .configuration,
                "preset \(preset) reads CSV, but \(path) is XML; XML presets are: \(XMLExportLayout.names.joined(separator: ", "))."
            )
        }
        return PeopleSource(
            path: path, format: resolvedFormat, mapping: try mapping(as: PersonField.self),
            dialect: try DialectText.dialect(
                delimiter: delimiter, encoding: encoding, source: settingsFile ?? "the command line"),
            xmlPreset: preset.flatMap { XMLExportLayout.names.contains($0) ? $0 : nil }, xmlRecordElement: record)
    }

    /// Who is in the org and how the values read; the pipeline's `policy.inactive_statuses` beats the source's.
    public func policy(
        asOf: CivilDate, inactiveStatuses override: [String]?, contractorTypes: [String]?
    ) -> PeoplePolicy {
        PeoplePolicy(
            asOf: asOf, inactiveStatuses: override ?? inactiveStatuses, rootMarkers: rootMarkers,
            contractorTypes: contractorTypes, managerReference: ManagerReference(rawValue: managerRef) ?? .auto,
            values: values())
    }
}
