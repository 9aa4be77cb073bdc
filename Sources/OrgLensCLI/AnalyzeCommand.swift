package import ArgumentParser
import OrgLensLoad
import OrgLensModel
import OrgLensPipeline
import OrgLensSettings
import OrgLensSystem

/// `orglens analyze`: one people export in, `dashboard.json`, `quarantine.csv` and `manifest.json` out. Its flags
/// are the pipeline file's settings, each mapped onto its key and read by the same declarations.
package struct AnalyzeCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse a people export and write dashboard.json, quarantine.csv and manifest.json.",
        discussion: ExitCodes.help(.analyze))

    @OptionGroup(title: "The people export") var people: PeopleOptions
    @OptionGroup(title: "Teams and services") var catalogs: CatalogOptions
    @OptionGroup(title: "Open positions") var positions: PositionsOptions
    @OptionGroup(title: "Costs, privacy and thresholds") var settings: SettingOptions
    @OptionGroup var analysis: AnalysisOptions

    @Option(
        name: .customLong("out"), help: ArgumentHelp("Directory to write into (created if missing).", valueName: "dir"))
    var outputDirectory: String

    // Off for analyze, on for a pipeline (whose defaults the settings declare).
    @Flag(help: "Also write every table as tables/<name>.ndjson.")
    var tables = false

    @Flag(help: "Also write report.html, the one-page org audit.")
    var report = false

    @Option(
        name: .customLong("compare-to"),
        help: ArgumentHelp(
            "Report what changed since this run directory (one of orglens run's, with a snapshot.bin).",
            valueName: "dir"))
    var compareTo: String?

    @Flag(help: "Log warnings and errors only.")
    var quiet = false

    package init() {}

    package func run() throws {
        let logger = LogSetup.logger(quiet: quiet, format: .text)
        do throws(RunError) {
            try OutputsDirectoryGuard.refuseInside(outputDirectory)
            var request = try makeRequest()
            let progress = TerminalProgress.start(
                inputs: request.inputPaths, quiet: quiet, jsonLogs: false)
            defer { progress?.stop() }
            request.onStage = progress?.onStage
            do throws(RunError) {
                _ = try Analysis.run(request, logger: logger)
            } catch {
                // Columns not found without a preset, in an export a preset knows: say which one.
                guard people.preset == nil, people.mappings.isEmpty,
                    error.message.contains("no column for the required field"),
                    let suggestion = PresetCatalog.suggestion(for: request.people)
                else { throw error }
                throw RunError(error.status, error.message + " Or: " + suggestion + ".")
            }
            print(PathParts.trimmed(request.outputDirectory) + "/dashboard.json")
        } catch {
            throw StandardError.failure(error)
        }
    }

    func makeRequest() throws(RunError) -> AnalysisRequest {
        let file = try settings.config.map { path throws(RunError) in try ConfigFile.load(path) } ?? ConfigFile()
        var flags = CommandLineSettings()
        try people.add(to: &flags)
        try catalogs.add(to: &flags, dialect: people)
        try positions.add(to: &flags)
        try settings.add(to: &flags)
        flags.set("outputs.tables", flag: "--tables", String(tables))
        flags.set("outputs.report", flag: "--report", String(report))
        let pipeline = try PipelineFile(commandLine: file, flags: flags)
        var request = try pipeline.request(
            asOf: analysis.day(), workers: analysis.workerCount, outputDirectory: outputDirectory)
        request.publishPause = OrgLensCommand.testPublishPause
        request.readPause = OrgLensCommand.testReadPause
        if let compareTo {
            request.history = .init(baseline: try PipelineRun.snapshot(inRunDirectory: compareTo), keepSnapshot: false)
        }
        return request
    }
}
