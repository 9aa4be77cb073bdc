import Foundation
package import Logging
import OrgLensHistory
import OrgLensLoad
import OrgLensMetrics
package import OrgLensModel
import OrgLensSettings

/// `orglens diff`: what changed between two orgs, for a one-off audit (before and after a reorg). Each side is
/// a run directory (its snapshot.bin) or a pipeline file (analysed, not published).
package enum RunComparison {
    /// Writes `changes.json` into `out` (swapped in whole) and returns its path. `day` picks the day a pipeline
    /// file is analysed on, from the file's own `as_of`.
    package static func write(
        before: String, after: String, out: String, day: (CivilDate?) -> CivilDate, workers: Int, logger: Logger
    ) throws(RunError) -> String {
        try OutputsDirectoryGuard.refuseInside(out)
        let earlier = try side(before, day: day, workers: workers, logger: logger)
        let later = try side(after, day: day, workers: workers, logger: logger)
        let changes = ChangeDetector.compare(
            earlier.snapshot, later.snapshot, spanPolicy: later.spanPolicy, withMovers: false)
        let document = ChangesDocument.render(changes, before: earlier.snapshot.asOf, after: later.snapshot.asOf)
        try OutputDirectory(path: out).publishWhole([OutputDirectory.File(name: "changes.json", bytes: document)])
        return out + "/changes.json"
    }

    private static func side(
        _ path: String, day: (CivilDate?) -> CivilDate, workers: Int, logger: Logger
    ) throws(RunError) -> (snapshot: Snapshot, spanPolicy: SpanPolicy) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RunError(.cannotOpenInput, "cannot open \(path); give a run directory or a pipeline file.")
        }
        if isDirectory.boolValue { return (try PipelineRun.snapshot(inRunDirectory: path), SpanPolicy()) }
        let file = try PipelineFile.load(path)
        return try PipelineRun.snapshot(analysing: file, asOf: day(file.asOf), workers: workers, logger: logger)
    }
}
