public import OrgLensModel
import Foundation
import OrgLensCSV
import OrgLensStage
import OrgLensXML

/// `orglens validate`: reads every source's header and checks the mapping, without computing anything.
public enum PipelineCheck {
    /// One line per canonical field: where it comes from, or that it is missing.
    public static func describe(_ file: PipelineFile) throws(RunError) -> String {
        let request = try file.request(asOf: CivilDate(daysSinceEpoch: 0), workers: 1, overrides: SettingOverrides(), outputDirectory: file.outputDirectory)
        var lines = ["pipeline \(file.name): outputs in \(file.outputDirectory)"]
        let people = request.people
        switch people.format {
        case .csv:
            let header = try CSVReader(path: people.path, dialect: people.dialect).header()
            lines += try describe(PersonField.allCases, mapping: people.mapping, header: header, source: people.path, title: "people")
        case .xml:
            lines.append("people (\(people.path), XML)")
            let mapping = try PeopleSourceReader.xmlMapping(for: people)
            lines.append("  record element: \(mapping.recordElement)")
            for field in PersonField.allCases {
                lines.append("  \(field.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) ← \(mapping.selectors[field.rawValue]?.description ?? "—")")
            }
        }
        if let teams = request.teams {
            lines += try describe(TeamField.allCases, mapping: teams.mapping, header: try teams.reader().header(), source: teams.path, title: "teams")
        }
        if let services = request.services {
            lines += try describe(ServiceField.allCases, mapping: services.mapping, header: try services.reader().header(), source: services.path, title: "services")
        }
        if let dependencies = request.dependencies {
            lines += try describe(DependencyField.allCases, mapping: dependencies.mapping, header: try dependencies.reader().header(), source: dependencies.path, title: "dependencies")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe<Field: CanonicalField>(
        _ fields: [Field], mapping: ColumnMapping<Field>, header: [String], source: String, title: String
    ) throws(RunError) -> [String] {
        let columns = try mapping.resolve(fields, header: header, source: source)
        var lines = ["\(title) (\(source), \(header.count) columns)"]
        for (field, column) in zip(fields, columns) {
            lines.append("  \(field.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)) ← \(column.map { "'\(header[$0])'" } ?? "— (not in the export)")")
        }
        return lines
    }
}
