public import ArgumentParser
import Foundation
import Logging
import OrgLensHistory
import OrgLensLoad
import OrgLensMetrics
import OrgLensModel
import OrgLensPipeline

/// `orglens diff BEFORE AFTER --out DIR`: what changed between two runs, for a one-off audit (the org before and
/// after a reorg). Each side is a run directory (with its snapshot.bin) or a pipeline file (analysed, not published).
public struct DiffCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Write what changed between two runs (run directories or pipeline files) into DIR/changes.json.",
        discussion: ExitCodes.help(.diff))

    @Argument(help: "The earlier org: a run directory (runs/<as_of>.<n>) or a pipeline file.")
    var before: String

    @Argument(help: "The later org: a run directory or a pipeline file.")
    var after: String

    @Option(help: ArgumentHelp("Where changes.json goes (swapped in whole).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("Parallel workers (default: active processors).", valueName: "n"))
    var workers: Int?

    public init() {}

    public func run() throws {
        do throws(RunError) {
            try OutputsDirectoryGuard.refuseInside(out)
            let earlier = try side(before)
            let later = try side(after)
            let changes = ChangeDetector.compare(
                earlier.snapshot, later.snapshot, spanPolicy: later.spanPolicy, withMovers: false)
            let document = ChangesDocument.render(changes, before: earlier.snapshot.asOf, after: later.snapshot.asOf)
            try OutputDirectory(path: out).publishWhole([OutputDirectory.File(name: "changes.json", bytes: document)])
            print(out + "/changes.json")
        } catch {
            throw StandardError.failure(error)
        }
    }

    private func side(_ path: String) throws(RunError) -> (snapshot: Snapshot, spanPolicy: SpanPolicy) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RunError(.cannotOpenInput, "cannot open \(path); give a run directory or a pipeline file.")
        }
        if isDirectory.boolValue { return (try PipelineRun.snapshot(inRunDirectory: path), SpanPolicy()) }
        let file = try PipelineFile.load(path)
        return try PipelineRun.snapshot(
            analysing: file, asOf: file.asOf ?? AnalyzeCommand.todayUTC(),
            workers: workers ?? AnalyzeCommand.activeProcessors(), logger: Logger(label: "orglens"))
    }
}
