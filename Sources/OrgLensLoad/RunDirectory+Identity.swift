import Foundation
import OrgLensContract
package import OrgLensModel
import OrgLensSystem

/// Which runs belong to an outputs directory. Each directory has an identity of its own (a random id in
/// `.orglens-id`, stamped into each run's manifest and snapshot); a run is compared with, trended and pruned only
/// by its own directory, and only once it was published (`latest` was switched to it: the `.published` marker).
extension RunDirectory {
    static let identityName = ".orglens-id"
    static let publishedMarker = ".published"

    /// The directory's identity, made on its first run.
    package func identity() throws(RunError) -> String {
        let path = root + "/" + Self.identityName
        if let bytes = POSIX.readRegularFile(path, limit: 256) {
            let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.utf8.count == 32, text.utf8.allSatisfy({ Self.isHexDigit($0) }) else {
                throw RunError(
                    .cannotWriteOutput,
                    "\(path) is damaged (it must hold the directory's 32-hex-digit identity). Restore it from a backup, or remove it: earlier runs are then no longer compared with or pruned."
                )
            }
            return text
        }
        if POSIX.kind(of: path, followingLinks: false) != nil {
            throw RunError(.cannotWriteOutput, "\(path) is not a regular file; remove it and run again.")
        }
        var generator = SystemRandomNumberGenerator()
        let id = (0..<16).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
        try OutputDirectory(path: root).publish([
            OutputDirectory.File(name: Self.identityName, bytes: Array((id + "\n").utf8))
        ])
        return id
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    /// `runs/`, `history/` and `blocked/` must be this directory's own folders: one shared with another outputs
    /// directory through a symlink would mix two orgs' nights (exit 73).
    package func checkFoldersAreOwn() throws(RunError) {
        for folder in ["runs", "days", "history", "blocked"] {
            let path = root + "/" + folder
            guard POSIX.kind(of: path, followingLinks: false) == .symbolicLink else { continue }
            throw RunError(
                .cannotWriteOutput,
                "\(path) is a symlink; an outputs directory's \(folder)/ must be its own folder (a shared one mixes two directories' nights and prunes the other's runs). Replace it with a plain folder, or give each pipeline its own outputs.directory."
            )
        }
    }

    /// The identity a run's manifest names, "" for a run made before directories had one, nil when the
    /// manifest cannot be read or is not a JSON object (what an earlier run left is parsed, not searched).
    static func runIdentity(_ run: String) -> String? {
        guard let bytes = POSIX.readRegularFile(run + "/manifest.json", limit: 1 << 24),
            case .object(let members) = SchemaValue.parse(bytes)
        else { return nil }
        guard let value = members.first(where: { $0.0 == "outputs_id" })?.1 else { return "" }
        if case .string(let identity) = value { return identity }
        return nil
    }

    /// Where a run in `runs/` stands: made by this directory (or before identities) and published — `latest`
    /// was switched to it at some point (its marker, or `latest` pointing at it now) — or made here and never
    /// published (killed before the switch), or another directory's.
    enum Standing { case published, unpublished, foreign }

    func standing(of name: String) -> Standing {
        let path = root + "/runs/" + name
        guard let owner = Self.runIdentity(path), owner == outputsID || owner.isEmpty else { return .foreign }
        if owner.isEmpty { return .published }
        return isMarkedPublished(name) ? .published : .unpublished
    }

    /// `latest` was switched to the run at some point: its marker, or `latest` pointing at it now.
    func isMarkedPublished(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: root + "/runs/" + name + "/" + Self.publishedMarker)
            || latestRunName == name
    }

    /// The run folder `latest` points at, if any.
    var latestRunName: String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: latest) else { return nil }
        return target.hasPrefix("runs/") ? String(target.dropFirst(5)) : nil
    }

    /// Marks a run as published (after `latest` was switched to it), fsynced.
    func markPublished(_ name: String) {
        let path = root + "/runs/" + name
        // Written once: rewriting it would make an old run look newly made to pruning.
        guard !FileManager.default.fileExists(atPath: path + "/" + Self.publishedMarker) else { return }
        try? OutputDirectory(path: path).publish([OutputDirectory.File(name: Self.publishedMarker, bytes: [])])
    }
}
