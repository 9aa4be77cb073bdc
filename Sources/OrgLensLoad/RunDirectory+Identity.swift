import Foundation
public import OrgLensModel
import OrgLensSystem

/// Which runs belong to an outputs directory. Each directory has an identity of its own (a random id in
/// `.orglens-id`, stamped into each run's manifest and snapshot); a run is compared with, trended and pruned only
/// by its own directory, and only once it was published (`latest` was switched to it: the `.published` marker).
extension RunDirectory {
    static let identityName = ".orglens-id"
    static let publishedMarker = ".published"

    /// The directory's identity, made on its first run.
    public func identity() throws(RunError) -> String {
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
    public func checkFoldersAreOwn() throws(RunError) {
        for folder in ["runs", "history", "blocked"] {
            let path = root + "/" + folder
            guard POSIX.kind(of: path, followingLinks: false) == .symbolicLink else { continue }
            throw RunError(
                .cannotWriteOutput,
                "\(path) is a symlink; an outputs directory's \(folder)/ must be its own folder (a shared one mixes two directories' nights and prunes the other's runs). Replace it with a plain folder, or give each pipeline its own outputs.directory."
            )
        }
    }

    /// The identity a run's manifest names, "" for a run made before directories had one, nil when the
    /// manifest cannot be read.
    static func runIdentity(_ run: String) -> String? {
        guard let bytes = POSIX.readRegularFile(run + "/manifest.json", limit: 1 << 24) else { return nil }
        let key = Array(#""outputs_id": ""#.utf8)
        guard let start = firstIndex(of: key, in: bytes) else { return "" }
        let from = start + key.count
        guard let end = bytes[from...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: bytes[from..<end], as: UTF8.self)
    }

    /// A run of this directory that was published: made here (or before identities), and `latest` was switched
    /// to it at some point (its marker, or `latest` pointing at it now).
    func isPublishedRun(_ name: String, identity: String) -> Bool {
        let path = root + "/runs/" + name
        guard let owner = Self.runIdentity(path), owner == identity || owner.isEmpty else { return false }
        if owner.isEmpty { return true }
        return FileManager.default.fileExists(atPath: path + "/" + Self.publishedMarker)
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

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<index + needle.count].elementsEqual(needle) { return index }
        }
        return nil
    }
}
