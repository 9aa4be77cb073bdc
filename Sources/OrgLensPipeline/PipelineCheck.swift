import Foundation
package import Logging
import OrgLensCSV
package import OrgLensModel
package import OrgLensSettings
import OrgLensStage
import OrgLensXML

/// `orglens validate`: reads every source whole, as a run would, and says where each canonical field comes
/// from, how many values read, and which gates would trip; writes nothing.
package enum PipelineCheck {
    /// The report, and whether a gate would trip (the command then exits 65).
    /// `showValues`: list the values behind the counts (the command does so on a terminal only).
    package static func check(
        _ file: PipelineFile, asOf: CivilDate, logger: Logger, showValues: Bool = false
    ) throws(RunError) -> (text: String, wouldBlock: Bool) {
        var text = try describe(file)
        var request = try file.request(
            asOf: asOf, workers: 1, outputDirectory: file.outputs.directory)
        request.costs.checkingOnly = true
        let result = try Analysis.compute(request, logger: logger)
        var lines = ["values (people, as of \(asOf))"]
        let people = result.dataQuality[0]
        lines.append(
            "  rows read \(people.rowsRead): \(people.accepted) in the org, \(people.excludedTotal) excluded, \(people.quarantinedTotal) quarantined"
        )
        if let reading = people.reading {
            lines.append("  manager_id read as \(reading.managerReference); dates read as \(reading.dateFormat)")
            for field in reading.fields {
                lines.append(
                    "  \(field.field): \(field.nonEmpty - field.unreadable) of \(field.nonEmpty) values readable")
            }
            for value in reading.unmapped {
                lines.append(
                    "  \(value.field): \(value.rows) rows hold \(value.value.map { "'\($0)'" } ?? "rarer values") that no vocabulary knows (counted as \(value.field == "status" ? "active" : "employee"))"
                )
            }
        }
        let counts = result.ruleCounts
        lines.append(
            "  manager references: \(counts[.managerDangling] ?? 0) match no one, \(counts[.managerAmbiguous] ?? 0) match several people, \(counts[.managerInactive] ?? 0) name someone not in the org"
        )
        lines += valueLines(result.operatorView, show: showValues)
        let gates = file.gates.evaluate(result.gateFacts)
        lines.append(
            gates.tripped.isEmpty ? "gates: none would trip" : "gates that would trip (nothing would be published):")
        for reading in gates.tripped { lines.append("  \(reading.gate): \(reading.detail)") }
        for reading in gates.nearing { lines.append("  nearing \(reading.gate): \(reading.detail)") }
        text += lines.joined(separator: "\n") + "\n"
        return (text, !gates.tripped.isEmpty)
    }

    /// The values an operator fixes in the HRIS: unknown words, clashing names with the ids that share them,
    /// currencies without a rate. Personal data: shown on a terminal only, else only said to exist.
    static func valueLines(_ view: Analysis.OperatorView, show: Bool) -> [String] {
        let missingRates = view.currencies.filter { !$0.hasRate }
        guard !view.unmapped.isEmpty || !view.nameClashes.isEmpty || !missingRates.isEmpty else { return [] }
        guard show else {
            return [
                "values behind these counts (unknown words, shared names, currencies without a rate): run orglens validate on a terminal to see them"
            ]
        }
        var lines = ["values behind these counts (shown on this terminal only; never logged or written)"]
        for value in view.unmapped {
            lines.append(
                "  \(value.field) '\(value.value)': \(value.rows) rows, no vocabulary knows it (add it to status_map or employment_type_map)"
            )
        }
        for clash in view.nameClashes {
            lines.append(
                "  manager name '\(clash.name)': named by \(clash.rows) rows, shared by \(clash.ids.joined(separator: ", "))"
            )
        }
        for currency in missingRates {
            lines.append(
                "  currency '\(currency.code)': \(currency.people) people, no rate (add costs.rates or correct the export)"
            )
        }
        return lines
    }

    /// One line per canonical field: where it comes from, or that it is missing.
    package static func describe(_ file: PipelineFile) throws(RunError) -> String {
        let request = try file.request(
            asOf: CivilDate(daysSinceEpoch: 0), workers: 1, outputDirectory: file.outputs.directory)
        var lines = ["pipeline \(file.name): outputs in \(file.outputs.directory)"]
        lines += try describe(request.people, title: "people")
        if let teams = request.teams {
            lines += try describe(
                TeamField.allCases, mapping: teams.mapping, header: try teams.reader().header(), source: teams.path,
                title: "teams")
        }
        if let services = request.services {
            lines += try describe(
                ServiceField.allCases, mapping: services.mapping, header: try services.reader().header(),
                source: services.path, title: "services")
        }
        if let dependencies = request.dependencies {
            lines += try describe(
                DependencyField.allCases, mapping: dependencies.mapping, header: try dependencies.reader().header(),
                source: dependencies.path, title: "dependencies")
        }
        if let positions = request.positions { lines += try describe(positions.source, title: "positions") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where each field of a CSV or XML export comes from.
    private static func describe<Field: CanonicalField>(
        _ source: ExportSource<Field>, title: String
    ) throws(RunError) -> [String] {
        switch source.format {
        case .csv:
            let header = try CSVReader(path: source.path, dialect: source.dialect).resolvingEncoding().header()
            return try describe(
                Array(Field.allCases), mapping: source.mapping, header: header, source: source.path, title: title)
        case .xml:
            let mapping = try ExportSourceReader<Field>.xmlMapping(for: source)
            return ["\(title) (\(source.path), XML)", "  record element: \(mapping.recordElement)"]
                + Field.allCases.map { field in
                    "  \(field.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) ← \(mapping.selectors[field.rawValue]?.description ?? "—")"
                }
        }
    }

    private static func describe<Field: CanonicalField>(
        _ fields: [Field], mapping: ColumnMapping<Field>, header: [String], source: String, title: String
    ) throws(RunError) -> [String] {
        let columns = try mapping.resolve(fields, header: header, source: source)
        var lines = ["\(title) (\(source), \(header.count) columns)"]
        for (field, column) in zip(fields, columns) {
            lines.append(
                "  \(field.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)) ← \(column.map { "'\(header[$0])'" } ?? "— (not in the export)")"
            )
        }
        return lines
    }
}
