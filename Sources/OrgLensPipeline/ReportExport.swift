import Foundation
import OrgLensLoad
package import OrgLensModel
import OrgLensReport
import OrgLensSystem

/// `orglens report`: the one-page audit of a run made earlier, written outside it (a published run is never
/// written into).
package enum ReportExport {
    package static func write(runDirectory: String, to out: String) throws(RunError) {
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
        let page = try ReportDocument.render(dashboard: Array(dashboard), toolVersion: Analysis.toolVersion)
        try OutputDirectory(path: folder).publish([OutputDirectory.File(name: PathParts.name(out), bytes: page)])
    }
}
