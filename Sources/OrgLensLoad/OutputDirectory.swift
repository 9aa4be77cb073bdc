import Foundation
public import OrgLensModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Publishes a set of files into one directory so that a reader never sees a half-written file and a
/// failed run replaces nothing: every file is first written and fsynced under a temporary name in the
/// same directory, and only when all of them are complete are they renamed over the old ones.
public struct OutputDirectory: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// Writes every file or, on failure, none: temporary files are removed and old files stay as they were.
    public typealias File = OutputFile

    public func publish(_ files: [File]) throws(RunError) {
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
                let temporary = String(final[...slash]) + "." + final[final.index(after: slash)...] + ".tmp-\(getpid())"
                written.append((temporary, final))
                try Self.write(file, to: temporary)
            }
        } catch {
            for entry in written { unlink(entry.temporary) }
            throw error
        }
        for entry in written where rename(entry.temporary, entry.final) != 0 {
            let reason = String(cString: strerror(errno))
            for pending in written { unlink(pending.temporary) }
            throw RunError(
                .cannotWriteOutput, "cannot move \(entry.temporary) into place as \(entry.final): \(reason).")
        }
        syncDirectory()
    }

    /// `mkdir -p`: fails with exit 73 when a part of the path is a file.
    static func createDirectory(_ path: String) throws(RunError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw RunError(
                    .cannotWriteOutput, "cannot create output directory \(prefix): \(String(cString: strerror(errno)))."
                )
            }
        }
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            throw RunError(
                .cannotWriteOutput, "output path \(path) exists and is not a directory; choose another --out.")
        }
    }

    /// Writes `file`'s content under `path` and flushes it to disk. A streamed file is written piece by
    /// piece as it is rendered; after a failed write the rest is rendered but not written.
    static func write(_ file: File, to path: String) throws(RunError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(file.mode))
        guard descriptor >= 0 else {
            throw RunError(.cannotWriteOutput, "cannot create \(path): \(String(cString: strerror(errno))).")
        }
        defer { close(descriptor) }
        // The umask must not widen or narrow what the file promises (0600 for personal data).
        fchmod(descriptor, mode_t(file.mode))
        var failure: Int32?
        file.produce { bytes in
            var offset = 0
            while failure == nil, offset < bytes.count {
                let count = bytes.withUnsafeBytes { buffer in
                    Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { failure = errno } else { offset += count }
            }
        }
        if let failure {
            throw RunError(.cannotWriteOutput, "cannot write \(path): \(String(cString: strerror(failure))).")
        }
        guard fsync(descriptor) == 0 else {
            throw RunError(.cannotWriteOutput, "cannot flush \(path) to disk: \(String(cString: strerror(errno))).")
        }
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
    func syncDirectory() {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
