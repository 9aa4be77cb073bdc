import Foundation
package import OrgLensModel

/// A file holding a secret (the pseudonym key, the database password): read only when nobody but its owner can
/// read it. Mounted secrets are symlinks to the real file, so the mode that counts is the target's.
package enum SecretFile {
    /// The file's bytes; `what` names the secret in messages ("the pseudonym key file").
    package static func read(_ path: String, what: String) throws(RunError) -> [UInt8] {
        let target = (path as NSString).resolvingSymlinksInPath
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target),
            let data = FileManager.default.contents(atPath: target)
        else {
            throw RunError(.configuration, "cannot read \(what) \(path).")
        }
        let mode = (attributes[.posixPermissions] as? Int) ?? 0o777
        guard mode & 0o077 == 0 else {
            throw RunError(
                .configuration,
                "\(what) \(path) is readable by group or others (mode \(String(mode, radix: 8))); run chmod 600 on it."
            )
        }
        return Array(data)
    }
}
