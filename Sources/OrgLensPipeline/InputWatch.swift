import OrgLensModel
import OrgLensSystem

/// Each input's stamp (device, inode, size, change times) taken before it is read and compared after: a file an
/// export job is still writing, or truncates or replaces meanwhile, is refused (exit 75, "run again"), so the
/// manifest's size and checksum describe exactly the bytes the figures come from.
struct InputWatch {
    private let stamps: [(path: String, stamp: POSIX.FileStamp?)]

    init(paths: [String]) {
        stamps = paths.map { ($0, POSIX.stamp(of: $0)) }
    }

    func checkUnchanged() throws(RunError) {
        for (path, before) in stamps where POSIX.stamp(of: path) != before {
            throw RunError(
                .locked,
                "\(PathParts.name(path)) changed while it was read (\(path)): its size, inode or modification time moved. Nothing was published; run again once the export has finished writing."
            )
        }
    }
}

extension AnalysisRequest {
    /// Every input file the run reads, people first.
    package var inputPaths: [String] {
        [people.path] + [teams?.path, services?.path, dependencies?.path, positions?.source.path].compactMap { $0 }
    }
}
