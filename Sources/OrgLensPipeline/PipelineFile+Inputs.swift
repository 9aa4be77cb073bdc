package import OrgLensModel
package import OrgLensSettings
import OrgLensSystem

extension PipelineFile {
    /// Every source must be a regular file, checked before the run takes its lock and without opening
    /// anything: a FIFO would block the read, and the lock with it, for every later cron run.
    package func checkInputs() throws(RunError) {
        for source in allSources {
            let kind: POSIX.FileKind
            do { kind = try POSIX.status(of: source.path) } catch {
                throw RunError(
                    .cannotOpenInput,
                    "cannot open '\(source.path)' (\(source.key ?? "a source").path in \(path)): \(error.reason). Check the path and that the file is readable."
                )
            }
            guard kind == .regular else {
                throw RunError(
                    .cannotOpenInput,
                    "'\(source.path)' (\(source.key ?? "a source").path in \(path)) is not a regular file (a directory, pipe, socket or device); point the source at an exported file."
                )
            }
        }
    }
}
