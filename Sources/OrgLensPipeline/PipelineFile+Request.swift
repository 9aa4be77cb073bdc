import Foundation
public import OrgLensModel
import OrgLensStage
import OrgLensXML

extension PipelineFile {
    /// The analysis this pipeline describes, on `asOf`, writing into `outputDirectory`.
    public func request(asOf: CivilDate, workers: Int, overrides: SettingOverrides, outputDirectory: String) throws(RunError) -> AnalysisRequest {
        let settings = try ResolvedSettings(file: self.settings, overrides: overrides)
        var peopleMapping = try ColumnMapping<PersonField>(pairs: people.map.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        peopleMapping.suggestions = try ColumnMapping<PersonField>(pairs: people.presetMap.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).overrides
        let format = try people.format.map { text throws(RunError) -> SourceFormat in
            guard let format = SourceFormat(rawValue: text.lowercased()) else {
                throw RunError(.configuration, "\(path): sources.people.format must be csv or xml, not '\(text)'.")
            }
            return format
        }
        let xmlPreset = people.preset.flatMap { XMLPreset.names.contains($0) ? $0 : nil }
        var request = AnalysisRequest(
            people: PeopleSource(
                path: people.path, format: format, mapping: peopleMapping,
                dialect: try DialectText.dialect(delimiter: people.delimiter, encoding: people.encoding, source: path),
                xmlPreset: xmlPreset, xmlRecordElement: people.record),
            teams: try teams.map { source throws(RunError) in try Self.table(source, pipeline: path) },
            services: try services.map { source throws(RunError) in try Self.table(source, pipeline: path) },
            dependencies: try dependencies.map { source throws(RunError) in try Self.table(source, pipeline: path) },
            policy: PeoplePolicy(
                asOf: asOf, inactiveStatuses: inactiveStatuses ?? people.inactiveStatuses, rootMarkers: people.rootMarkers,
                contractorTypes: settings.contractorTypes, managerReference: ManagerReference(rawValue: people.managerRef) ?? .id),
            orgLayer: settings.orgLayer, teamSizes: settings.teamSizes, orgHeadBands: settings.orgHeadBands,
            costs: settings.costs, workers: workers, outputDirectory: outputDirectory)
        request.tables = tables
        request.peopleTable = peopleTable
        request.publish = try settings.publishedFields(path: path)
        if self.settings.pseudonymize {
            let base = (path as NSString).deletingLastPathComponent
            let keyFile = self.settings.keyFile.map { Self.resolve($0, base: base) }
            request.pseudonymizer = try Pseudonymizer.load(keyFile: keyFile, environment: ProcessInfo.processInfo.environment)
        }
        return request
    }

    private static func table<Field: CanonicalField>(_ source: Source, pipeline: String) throws(RunError) -> TableSource<Field> {
        var mapping = try ColumnMapping<Field>(pairs: source.map.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        mapping.suggestions = try ColumnMapping<Field>(pairs: source.presetMap.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).overrides
        return TableSource(
            path: source.path,
            mapping: mapping,
            dialect: try DialectText.dialect(delimiter: source.delimiter, encoding: source.encoding, source: pipeline))
    }
}
