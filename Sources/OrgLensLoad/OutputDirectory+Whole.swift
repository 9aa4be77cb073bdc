import Foundation
package import OrgLensModel
import OrgLensSystem

extension OutputDirectory {
    /// The files OrgLens writes into `analyze --out` (with or without `--report`, `--tables`): everything else in
    /// the folder is the user's. A name written by a run is never the user's either, so an earlier run's file of
    /// that name cannot come back over the new one.
    static let ownNames: Set<String> = [
        "dashboard.json", "manifest.json", "quarantine.csv", "tables", "report.html", "snapshot.bin",
        "trend-record.ndjson",
    ]

    /// Publishes every file at once (`analyze --out`): the new set is written and flushed into a folder beside
    /// the output folder, the user's own files are hard-linked into it, and the two folders are swapped with one
    /// `renameat2(RENAME_EXCHANGE)`. A reader sees the old set or the new one, never a mix — also when the
    /// process is killed. Folders of the user's in the output folder move back right after the swap. Where the
    /// file system cannot swap, the files are renamed one by one, as before.
    package func publishWhole(_ files: [File], pauseBetweenSteps: UInt32 = 0) throws(RunError) {
        let parent = PathParts.parent(path)
        let prefix = parent + "/." + PathParts.name(path) + ".incoming-"
        Self.removeLeftovers(of: path, incomingPrefix: prefix)
        try Self.createDirectory(parent)
        let incoming = prefix + "\(POSIX.processID)"
        do throws(RunError) {
            try Self.writeFolder(files, at: incoming)
            if pauseBetweenSteps > 0 { POSIX.sleep(microseconds: pauseBetweenSteps) }
            guard FileManager.default.fileExists(atPath: path) else {
                try Self.move(incoming, to: path)
                return
            }
            // The user's files in the folder come along (hard links: the same files, nothing copied).
            let written = Set(files.map { String($0.name.split(separator: "/").first ?? "") })
            let theirs = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter {
                !Self.ownNames.contains($0) && !written.contains($0)
            }
            var linked: Set<String> = []
            for name in theirs where POSIX.link(path + "/" + name, as: incoming + "/" + name) { linked.insert(name) }
            do { try POSIX.exchange(incoming, path) } catch {
                try? FileManager.default.removeItem(atPath: incoming)
                guard error.isUnsupported else {
                    throw RunError(.cannotWriteOutput, "cannot switch \(path) to the new outputs: \(error.reason).")
                }
                try publish(files)
                return
            }
            // What could not be linked (folders, files on another device) moves back from the old set.
            for name in theirs where !linked.contains(name) {
                try? Self.move(incoming + "/" + name, to: path + "/" + name)
            }
            // The old set stays ten minutes (a reader that opened the folder just before the swap finishes it);
            // a later run removes it.
            let superseded =
                String(prefix.dropLast("incoming-".count))
                + "superseded-\(Int(Date().timeIntervalSince1970))-\(POSIX.processID)"
            if (try? POSIX.rename(incoming, to: superseded)) != nil { return }
            try? FileManager.default.removeItem(atPath: incoming)
        } catch {
            try? FileManager.default.removeItem(atPath: incoming)
            throw error
        }
    }

    /// What killed runs left (their incoming folders beside the output folder, temporary files in it), and
    /// old sets superseded more than ten minutes ago.
    static func removeLeftovers(of path: String, incomingPrefix: String) {
        let folder = PathParts.parent(path)
        let prefix = PathParts.name(incomingPrefix)
        let supersededPrefix = String(prefix.dropLast("incoming-".count)) + "superseded-"
        let now = Int(Date().timeIntervalSince1970)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            if name.hasPrefix(prefix) {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            } else if name.hasPrefix(supersededPrefix),
                let when = Int(name.dropFirst(supersededPrefix.count).split(separator: "-").first ?? ""),
                now - when >= 600
            {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        where name.hasPrefix(".") && name.contains(".tmp-") {
            try? FileManager.default.removeItem(atPath: path + "/" + name)
        }
    }

    private static func move(_ from: String, to: String) throws(RunError) {
        do { try POSIX.rename(from, to: to) } catch { throw RunError(.cannotWriteOutput, error) }
    }
}
