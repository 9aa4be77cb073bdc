package import ArgumentParser
import OrgLensGenerate
import OrgLensModel

/// `orglens generate`: a deterministic synthetic org for demos, dashboards and benchmarks.
package struct GenerateCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a deterministic synthetic engineering org (people, teams, services, dependencies).")

    @Option(help: "Number of people.")
    var people: Int

    @Option(help: "Random seed; the same people and seed give the same bytes.")
    var seed: UInt64 = 42

    @Option(help: "People export format: csv or xml (Workday report style).")
    var format: String = "csv"

    @Option(help: "Rows made dirty on purpose (duplicates, dangling managers, missing ids, bad quoting, loops).")
    var dirty: Int = 0

    @Option(name: .customLong("out"), help: ArgumentHelp("Directory to write into.", valueName: "dir"))
    var outputDirectory: String

    package init() {}

    package func validate() throws {
        if people < 1 { throw ValidationError("--people must be at least 1.") }
        if SyntheticOrgWriter.Format(rawValue: format) == nil { throw ValidationError("--format must be csv or xml.") }
        if dirty < 0 { throw ValidationError("--dirty cannot be negative.") }
    }

    package func run() throws {
        do throws(RunError) {
            let files = try SyntheticOrgWriter.write(
                SyntheticOrg(people: people, seed: seed, dirtyRows: dirty),
                format: SyntheticOrgWriter.Format(rawValue: format) ?? .csv, to: outputDirectory)
            for file in files { print(outputDirectory + "/" + file) }
        } catch {
            throw StandardError.failure(error)
        }
    }
}
