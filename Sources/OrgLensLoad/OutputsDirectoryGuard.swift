package import OrgLensModel
import OrgLensSystem

/// `diff`, `report` and `analyze` write where they are told; never inside an outputs directory of `orglens run`,
/// whose runs, `latest` and history only `run` may change (a `--out out/latest` once turned the link into a folder
/// and stopped every later night).
package enum OutputsDirectoryGuard {
    /// What marks an outputs directory: its lock or identity file, or `runs/` beside `latest` (directories of
    /// versions before either file). A folder merely holding something called `latest` is not one.
    static func marker(of folder: String) -> String? {
        for name in [".orglens.lock", ".orglens-id"]
        where POSIX.kind(of: folder + "/" + name, followingLinks: false) != nil {
            return name
        }
        if POSIX.kind(of: folder + "/runs", followingLinks: false) == .directory,
            POSIX.kind(of: folder + "/latest", followingLinks: false) == .symbolicLink
        {
            return "runs/ and latest"
        }
        return nil
    }

    /// Refuses (exit 64, before anything is written) an `--out` that is, or is inside, an outputs directory —
    /// as written and with its symlinks resolved.
    /// `shown`: the path as the user gave it, when `out` is the folder a file of theirs goes into.
    package static func refuseInside(_ out: String, shown: String? = nil) throws(RunError) {
        for spelling in [PathParts.absolute(out), PathParts.resolved(out)] {
            var folder = spelling
            while true {
                if let marker = marker(of: folder) {
                    throw RunError(
                        .usage,
                        "--out \(shown ?? out) is inside the outputs directory \(folder) (it holds \(marker)): only orglens run writes there. Choose a folder outside it."
                    )
                }
                if folder == "/" { break }
                folder = PathParts.parent(folder)
            }
        }
    }
}
