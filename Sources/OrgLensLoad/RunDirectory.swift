#if canImport(Glibc)
import Glibc
#endif
import Foundation
public import OrgLensModel

/// The output directory of unattended runs: `runs/<name>/` per run and a `latest` symlink, replaced so
/// that a reader of `latest/` sees the whole previous run or the whole new one, never a mix.
///
/// A run is written into a temporary directory beside `runs/`, fsynced, renamed into place whole,
/// and only then is `latest` re-pointed by renaming a new symlink over the old one.
public struct RunDirectory: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    public var latest: String { root + "/latest" }

    /// Takes the directory's lock for this process, or fails at once with exit 75 if another run holds it.
    public func lock() throws(RunError) -> RunLock {
        try OutputDirectory.createDirectory(root)
        return try RunLock(path: root + "/.orglens.lock")
    }

    /// Publishes `files` as `runs/<name>/` (replacing an earlier run of that name whole), points `latest`
    /// at it, and keeps the newest `keep` runs. Returns the run's path.
    @discardableResult
    public func publish(_ files: [OutputDirectory.File], name: String, keep: Int) throws(RunError) -> String {
        try withIncoming(files) { incoming throws(RunError) in
            let runs = root + "/runs"
            try OutputDirectory.createDirectory(runs)
            let target = runs + "/" + name
            let replaced = root + "/.replaced-\(getpid())"
            let hadEarlier = FileManager.default.fileExists(atPath: target)
            if hadEarlier { try Self.rename(target, replaced) }
            try Self.rename(incoming, target)
            Self.sync(directory: runs)
            let link = root + "/.latest-\(getpid())"
            unlink(link)
            guard symlink("runs/" + name, link) == 0 else {
                throw RunError(.cannotWriteOutput, "cannot create the symlink \(link): \(String(cString: strerror(errno))).")
            }
            try Self.rename(link, latest)
            Self.sync(directory: root)
            if hadEarlier { try? FileManager.default.removeItem(atPath: replaced) }
            prune(runs: runs, keep: max(1, keep), current: name)
            return target
        }
    }

    /// Keeps a run that tripped a gate as `blocked/<name>.<n>/` (a new `n` each time), for the operator to
    /// look at; `runs/` and `latest` are not touched. Returns the folder's path.
    public func block(_ files: [OutputDirectory.File], name: String) throws(RunError) -> String {
        try withIncoming(files) { incoming throws(RunError) in
            let blocked = root + "/blocked"
            try OutputDirectory.createDirectory(blocked)
            var number = 1
            while FileManager.default.fileExists(atPath: blocked + "/\(name).\(number)") { number += 1 }
            let target = blocked + "/\(name).\(number)"
            try Self.rename(incoming, target)
            Self.sync(directory: blocked)
            return target
        }
    }

    /// Writes `files` into a fresh temporary folder beside the runs, flushed to disk, and hands it to `move`;
    /// whatever fails, the folder is gone afterwards.
    private func withIncoming(_ files: [OutputDirectory.File], move: (String) throws(RunError) -> String) throws(RunError) -> String {
        removeLeftovers()
        let incoming = root + "/.incoming-\(getpid())"
        do throws(RunError) {
            try write(files, into: incoming)
            return try move(incoming)
        } catch {
            try? FileManager.default.removeItem(atPath: incoming)
            throw error
        }
    }

    /// Writes every file into a fresh `incoming` folder and flushes it to disk.
    private func write(_ files: [OutputDirectory.File], into incoming: String) throws(RunError) {
        try? FileManager.default.removeItem(atPath: incoming)
        try OutputDirectory.createDirectory(incoming)
        for file in files {
            let path = incoming + "/" + file.name
            if let slash = path.lastIndex(of: "/"), path[..<slash] != incoming {
                try OutputDirectory.createDirectory(String(path[..<slash]))
            }
            try OutputDirectory.write(file, to: path)
        }
        for folder in Set(files.map { (incoming + "/" + $0.name).split(separator: "/").dropLast().joined(separator: "/") }) {
            Self.sync(directory: (incoming.hasPrefix("/") ? "/" : "") + folder)
        }
    }

    /// Temporary directories of runs that were killed before they finished (the lock is held, so none is live).
    private func removeLeftovers() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for name in names where name.hasPrefix(".incoming-") || name.hasPrefix(".replaced-") || name.hasPrefix(".latest-") {
            try? FileManager.default.removeItem(atPath: root + "/" + name)
        }
    }

    private func prune(runs: String, keep: Int, current: String) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: runs)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for name in names.dropLast(keep) where name != current {
            try? FileManager.default.removeItem(atPath: runs + "/" + name)
        }
    }

    private static func rename(_ from: String, _ to: String) throws(RunError) {
        guard Glibc.rename(from, to) == 0 else {
            throw RunError(.cannotWriteOutput, "cannot move \(from) to \(to): \(String(cString: strerror(errno))).")
        }
    }

    private static func sync(directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

/// An exclusive `flock` on a run directory, held until this value is released.
public final class RunLock: Sendable {
    private let descriptor: Int32

    init(path: String) throws(RunError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw RunError(.cannotWriteOutput, "cannot create the lock file \(path): \(String(cString: strerror(errno))).")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw RunError(.locked, "another orglens run holds the lock \(path); wait for it to finish (or remove a stale run's process), then run again.")
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}
