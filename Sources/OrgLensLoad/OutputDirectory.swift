import Foundation
package import OrgLensModel
import OrgLensSystem

/// Publishes a set of files into one directory so that a reader never sees a half-written file and a
/// failed run replaces nothing: every file is first written and fsynced under a temporary name in the
/// same directory, and only when all of them are complete are they renamed over the old ones.
package struct OutputDirectory: Sendable {
    package let path: String

    package init(path: String) { self.path = path }

    /// Writes every file or, on failure, none: temporary files are removed and old files stay as they were.
    package typealias File = OutputFile

    package func publish(_ files: [File]) throws(RunError) {
        try Self.createDirectory(path)
        for folder in Set(
            files.compactMap { $0.name.contains("/") ? String($0.name[..<$0.name.lastIndex(of: "/")!]) : nil })
        {
            try Self.createDirectory(path + "/" + folder)
        }
        var written: [(temporary: String, final: String)] = []
        do throws(RunError) {
            for file in files {
                let final = path + "/" + file.name
                let slash = final.lastIndex(of: "/")!
                let temporary =
                    String(final[...slash]) + "." + final[final.index(after: slash)...] + ".tmp-\(POSIX.processID)"
                written.append((temporary, final))
                try Self.write(file, to: temporary)
            }
        } catch {
            for entry in written { POSIX.unlink(entry.temporary) }
            throw error
        }
        for entry in written {
            do { try POSIX.rename(entry.temporary, to: entry.final) } catch {
                for pending in written { POSIX.unlink(pending.temporary) }
                throw RunError(.cannotWriteOutput, error)
            }
        }
        syncDirectory()
    }

    /// `mkdir -p`: fails with exit 73 when a part of the path is a file.
    static func createDirectory(_ path: String) throws(RunError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            do { try POSIX.makeDirectory(prefix) } catch {
                throw RunError(.cannotWriteOutput, "cannot create output directory \(prefix): \(error.reason).")
            }
        }
        guard POSIX.kind(of: path) == .directory else {
            throw RunError(
                .cannotWriteOutput, "output path \(path) exists and is not a directory; choose another --out.")
        }
    }

    /// Writes `file`'s content under `path` and flushes it to disk. A streamed file is written piece by
    /// piece as it is rendered; after a failed write the rest is rendered but not written.
    static func write(_ file: File, to path: String) throws(RunError) {
        let descriptor: Int32
        do { descriptor = try POSIX.createFile(path, mode: file.mode) } catch {
            throw RunError(.cannotWriteOutput, error)
        }
        defer { POSIX.close(descriptor) }
        var failure: SystemError?
        file.produce { bytes in
            guard failure == nil else { return }
            do throws(SystemError) { try POSIX.writeAll(descriptor, bytes, path: path) } catch { failure = error }
        }
        if let failure { throw RunError(.cannotWriteOutput, failure) }
        do { try POSIX.fsync(descriptor, path: path) } catch { throw RunError(.cannotWriteOutput, error) }
    }

    /// Writes every file into a new folder at `path` (one left there before is replaced) and flushes the files
    /// and every folder to disk: the folder is then renamed into place whole.
    static func writeFolder(_ files: [File], at path: String) throws(RunError) {
        try? FileManager.default.removeItem(atPath: path)
        try createDirectory(path)
        for file in files {
            let target = path + "/" + file.name
            if let slash = target.lastIndex(of: "/"), target[..<slash] != path {
                try createDirectory(String(target[..<slash]))
            }
            try write(file, to: target)
        }
        for folder in Set(files.map { (path + "/" + $0.name).split(separator: "/").dropLast().joined(separator: "/") })
        {
            OutputDirectory(path: (path.hasPrefix("/") ? "/" : "") + folder).syncDirectory()
        }
    }

    /// Makes the renames durable; a failure here loses nothing already visible, so it is not fatal.
    func syncDirectory() { POSIX.syncDirectory(path) }
}
