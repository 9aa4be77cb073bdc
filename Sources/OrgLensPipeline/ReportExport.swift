import Foundation
import OrgLensLoad
package import OrgLensModel
import OrgLensReport
import OrgLensSystem

/// `orglens report`: the one-page audit of a run made earlier, written outside it (a published run is never
/// written into).
package enum ReportExport {
    package static func write(runDirectory: String, to out: String, orgHead: String? = nil) throws(RunError) {
        let runPath = PathParts.resolved(runDirectory)
        let folder = PathParts.resolved(PathParts.parent(out))
        try OutputsDirectoryGuard.refuseInside(PathParts.parent(out), shown: out)
        guard folder != runPath, !folder.hasPrefix(runPath + "/") else {
            throw RunError(
                .usage,
                "--out \(out) is inside the run \(runDirectory); a published run is never written into. Choose a file outside it."
            )
        }
        guard let dashboard = FileManager.default.contents(atPath: runPath + "/dashboard.json") else {
            throw RunError(.cannotOpenInput, "cannot read \(runDirectory)/dashboard.json; give a run directory.")
        }
        let page = try ReportDocument.render(
            dashboard: Array(dashboard), trend: trend(of: runPath), toolVersion: Analysis.toolVersion,
            orgHead: orgHead)
        try OutputDirectory(path: folder).publish([OutputDirectory.File(name: PathParts.name(out), bytes: page)])
    }

    /// The trend a run's report draws: the outputs directory's `history/trend.ndjson` when the run sits in its
    /// `runs/` or `blocked/`, with the run's own record put in (an `analyze --out` folder has only its own).
    static func trend(of runPath: String) -> [UInt8] {
        let own = POSIX.readRegularFile(runPath + "/" + RunDirectory.trendRecordName, limit: 1 << 20)
        let parent = PathParts.parent(runPath)
        let existing =
            ["runs", "blocked"].contains(PathParts.name(parent))
            ? RunDirectory(root: PathParts.parent(parent)).trend() : nil
        return TrendFile.merge(existing: existing, adding: own)
    }
}
