import Foundation
package import OrgLensModel

/// The presets: built into the binary, and `presets/<name>.yml` beside a pipeline file, which
/// overrides a built-in one of the same name or adds a new one.
package enum PresetCatalog {
    /// Name → YAML text of every built-in preset, in name order.
    package static let builtIn: [(name: String, text: String)] = [
        ("adp", PackageResources.adp_yml),
        ("ashby-jobs", PackageResources.ashby_jobs_yml),
        ("bamboohr-csv", PackageResources.bamboohr_csv_yml),
        ("bamboohr-directory", PackageResources.bamboohr_directory_yml),
        ("bamboohr-reports-to", PackageResources.bamboohr_reports_to_yml),
        ("generic-csv", PackageResources.generic_csv_yml),
        ("greenhouse-jobs", PackageResources.greenhouse_jobs_yml),
        ("hibob", PackageResources.hibob_yml),
        ("personio", PackageResources.personio_yml),
        ("positions-csv", PackageResources.positions_csv_yml),
        ("sap-successfactors", PackageResources.sap_successfactors_yml),
        ("workday-csv", PackageResources.workday_csv_yml),
        ("workday-positions", PackageResources.workday_positions_yml),
        ("workday-report", PackageResources.workday_report_yml),
    ].map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }

    /// A preset's text and where it came from (a file path, or `built-in preset NAME`).
    package struct Found: Sendable {
        package let name: String
        package let text: String
        package let origin: String
    }

    /// `presets/<name>.yml` in `directory` (the pipeline file's), else the built-in one.
    /// Throws a configuration error (78) listing the presets when neither exists.
    package static func find(
        _ name: String, besideDirectory directory: String?, status: ExitStatus = .configuration
    ) throws(RunError) -> Found {
        if let directory {
            let path = (directory.isEmpty ? "." : directory) + "/presets/" + name + ".yml"
            if let data = FileManager.default.contents(atPath: path) {
                return Found(name: name, text: String(decoding: data, as: UTF8.self), origin: path)
            }
        }
        if let preset = builtIn.first(where: { $0.name == name }) {
            return Found(name: name, text: preset.text, origin: "built-in preset \(name)")
        }
        throw RunError(
            status,
            "unknown preset '\(name)'; presets are: \(names(besideDirectory: directory).joined(separator: ", ")) (orglens presets lists them with what each reads)."
        )
    }

    /// Built-in names and those beside the pipeline file.
    package static func names(besideDirectory directory: String?) -> [String] {
        var names = Set(builtIn.map(\.name))
        if let directory,
            let files = try? FileManager.default.contentsOfDirectory(
                atPath: (directory.isEmpty ? "." : directory) + "/presets")
        {
            for file in files where file.hasSuffix(".yml") { names.insert(String(file.dropLast(4))) }
        }
        return names.sorted()
    }

    /// The `description` of a preset's text, folded onto one line.
    package static func description(of text: String) -> String {
        guard let start = text.range(of: "description: >\n")?.upperBound else { return "" }
        var lines: [String] = []
        for line in text[start...].split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("  ") else { break }
            lines.append(line.trimmingCharacters(in: .whitespaces))
        }
        return lines.joined(separator: " ")
    }
}

extension PresetCatalog {
    /// The built-in CSV presets whose column names the header has: its id column and at least two more of its
    /// fields, best match first. For a message when the columns were not found without a preset.
    package static func recognising(header: [String]) -> [String] {
        let columns = Set(header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        var matches: [(name: String, fields: Int)] = []
        for preset in builtIn where preset.name != "generic-csv" {
            var source = PipelineFile.Source(path: "")
            guard (try? source.apply(preset: Found(name: preset.name, text: preset.text, origin: preset.name))) != nil,
                source.format != .xml
            else { continue }
            let found = source.presetMap.filter { _, names in names.contains { columns.contains($0.lowercased()) } }
            guard found["employee_id"] != nil, found.count >= 3 else { continue }
            matches.append((preset.name, found.count))
        }
        return matches.sorted { $0.fields != $1.fields ? $0.fields > $1.fields : $0.name < $1.name }.map(\.name)
    }
}
