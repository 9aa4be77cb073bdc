import CLinux
import Glibc

/// The one boundary between OrgLens and the operating system's file calls: every `open`, `read`, `write`,
/// `rename`, `fsync`, `mkdir` and `flock` goes through here. Interrupted calls (EINTR) are retried, partial
/// writes are finished, and every failure is a `SystemError` naming the operation, the path and `errno`.
/// OrgLens runs on Linux (it swaps folders with `renameat2` and asks for huge pages).
package enum POSIX {
    package enum FileKind: Sendable, Equatable {
        case regular
        case directory
        case symbolicLink
        /// A pipe, socket or device.
        case other
    }

    /// An open file and what it was when opened.
    package struct OpenedFile: Sendable {
        package let descriptor: Int32
        package let kind: FileKind
        package let size: Int
    }

    // MARK: Opening and closing

    /// Opens `path` for reading without blocking on a FIFO (a cron run must not hang waiting for a writer).
    package static func openForReading(_ path: String) throws(SystemError) -> OpenedFile {
        let descriptor = try retrying("open", path) { Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let error = SystemError(operation: "read", path: path, code: errno)
            Glibc.close(descriptor)
            throw error
        }
        return OpenedFile(descriptor: descriptor, kind: kind(of: status.st_mode), size: Int(status.st_size))
    }

    /// The bytes of the regular file at `path`, read without following a symlink at its last component; nil when
    /// it is missing, a link or anything but a regular file, or larger than `limit` bytes.
    package static func readRegularFile(_ path: String, limit: Int) -> [UInt8]? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { Glibc.close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, kind(of: status.st_mode) == .regular, Int(status.st_size) <= limit
        else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(filled))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return filled == bytes.count ? bytes : nil
    }

    /// Creates (or truncates) `path` for writing with exactly `mode`, whatever the umask.
    package static func createFile(_ path: String, mode: UInt32) throws(SystemError) -> Int32 {
        let descriptor = try retrying("create", path) {
            Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
        }
        fchmod(descriptor, mode_t(mode))
        return descriptor
    }

    /// Opens (creating) a lock file.
    package static func openLockFile(_ path: String) throws(SystemError) -> Int32 {
        try retrying("create the lock file", path) { Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644) }
    }

    /// Closes `descriptor`. Not retried on EINTR: on Linux the descriptor is closed either way.
    package static func close(_ descriptor: Int32) { Glibc.close(descriptor) }

    /// An exclusive lock that does not wait: false when another process holds it.
    package static func tryLockExclusive(_ descriptor: Int32, path: String) throws(SystemError) -> Bool {
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return false }
            throw SystemError(operation: "lock", path: path, code: errno)
        }
        return true
    }

    // MARK: Reading and writing

    /// Reads up to `buffer.count` bytes at `offset`; 0 at end of file.
    package static func read(
        _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int, path: String
    ) throws(SystemError) -> Int {
        try retrying("read", path) { pread(descriptor, buffer.baseAddress!, buffer.count, off_t(offset)) }
    }

    /// Writes all of `bytes`, finishing partial writes.
    package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError)
    {
        var offset = 0
        while offset < bytes.count {
            let count = try retrying("write", path) {
                Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            }
            guard count > 0 else { throw SystemError(operation: "write", path: path, code: EIO) }
            offset += count
        }
    }

    /// Writes all of `bytes`, finishing partial writes.
    package static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(SystemError) {
        // withUnsafeBytes rethrows untyped errors: carry the typed one out as a value.
        let outcome = bytes.withUnsafeBytes { buffer in
            Result { () throws(SystemError) in try writeAll(descriptor, buffer, path: path) }
        }
        try outcome.get()
    }

    /// Flushes `descriptor`'s data to disk.
    package static func fsync(_ descriptor: Int32, path: String) throws(SystemError) {
        _ = try retrying("flush to disk", path) { Glibc.fsync(descriptor) }
    }

    /// Makes renames inside `path` durable. A failure here loses nothing already visible, so it is not reported.
    package static func syncDirectory(_ path: String) {
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        Glibc.fsync(descriptor)
        Glibc.close(descriptor)
    }

    // MARK: Names

    /// Renames `from` to `to`, replacing what `to` named.
    package static func rename(_ from: String, to: String) throws(SystemError) {
        _ = try retrying("move \(from) to", to) { Glibc.rename(from, to) }
    }

    /// Swaps two existing paths in one step (`renameat2(RENAME_EXCHANGE)`).
    package static func exchange(_ first: String, _ second: String) throws(SystemError) {
        _ = try retrying("switch \(second) to", first) { orglens_rename_exchange(first, second) }
    }

    /// Creates one directory; one already there is fine.
    package static func makeDirectory(_ path: String, mode: UInt32 = 0o755) throws(SystemError) {
        guard Glibc.mkdir(path, mode_t(mode)) != 0, errno != EEXIST else { return }
        throw SystemError(operation: "create", path: path, code: errno)
    }

    /// Creates a symbolic link at `path` pointing to `destination`.
    package static func symlink(_ destination: String, at path: String) throws(SystemError) {
        _ = try retrying("create the symlink", path) { Glibc.symlink(destination, path) }
    }

    /// A second name for a file; false when it cannot be made (a folder, another device).
    package static func link(_ existing: String, as path: String) -> Bool { Glibc.link(existing, path) == 0 }

    /// Removes a name if it is there; cleanup only, so failure is not reported.
    package static func unlink(_ path: String) { Glibc.unlink(path) }

    /// What `path` is, without following a final symlink when `followingLinks` is false; nil if nothing is there.
    package static func kind(of path: String, followingLinks: Bool = true) -> FileKind? {
        var status = stat()
        let result = followingLinks ? stat(path, &status) : lstat(path, &status)
        return result == 0 ? kind(of: status.st_mode) : nil
    }

    /// What identifies a file's content without reading it: device, inode, size and change times. Equal stamps
    /// before and after a read mean nothing wrote to or replaced the file meanwhile.
    package struct FileStamp: Sendable, Equatable {
        package let device: UInt64
        package let inode: UInt64
        package let size: Int64
        package let modified: Int64
        package let changed: Int64
    }

    /// The stamp of the file at `path` (following links), or nil if nothing is there.
    package static func stamp(of path: String) -> FileStamp? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return FileStamp(
            device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
            modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
            changed: Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec))
    }

    /// Like `kind(of:)`, but says why nothing could be looked at.
    package static func status(of path: String) throws(SystemError) -> FileKind {
        var status = stat()
        guard stat(path, &status) == 0 else { throw SystemError(operation: "open", path: path, code: errno) }
        return kind(of: status.st_mode)
    }

    // MARK: Process

    package static var processID: Int32 { getpid() }

    /// Whether file descriptor `descriptor` is a terminal.
    package static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    package static func sleep(microseconds: UInt32) { usleep(microseconds) }

    /// A full disk or a file-size limit must be an error to report, not a signal that kills the run mid-write.
    package static func ignoreFileSizeSignal() { signal(SIGXFSZ, SIG_IGN) }

    /// Seconds since the epoch, and the millisecond within the second.
    package static func now() -> (seconds: Int, milliseconds: Int) {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return (time.tv_sec, time.tv_nsec / 1_000_000)
    }

    // MARK: Helpers

    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    static func isUnsupported(_ code: Int32) -> Bool { code == EINVAL || code == ENOSYS || code == EXDEV }

    private static func kind(of mode: mode_t) -> FileKind {
        switch mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFLNK: .symbolicLink
        default: .other
        }
    }

    /// Runs `call` until it is not interrupted; a negative result is a `SystemError`.
    private static func retrying<Result: BinaryInteger>(
        _ operation: String, _ path: String, _ call: () -> Result
    ) throws(SystemError) -> Result {
        while true {
            let result = call()
            if result >= 0 { return result }
            if errno == EINTR { continue }
            throw SystemError(operation: operation, path: path, code: errno)
        }
    }
}

extension POSIX {
    /// Zero-filled private memory of `bytes` bytes, backed by 2 MiB pages when `hugePages` is asked for and the
    /// kernel agrees; nil when the address space is exhausted.
    package static func mapZeroed(bytes: Int, hugePages: Bool) -> UnsafeMutableRawPointer? {
        let mapped = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let mapped, mapped != MAP_FAILED else { return nil }
        if hugePages { madvise(mapped, bytes, MADV_HUGEPAGE) }
        return mapped
    }

    /// Returns memory from `mapZeroed`.
    package static func unmap(_ base: UnsafeMutableRawPointer, bytes: Int) { munmap(base, bytes) }

    /// Asks the kernel to back the whole 2 MiB pages inside `buffer` with huge pages when they are first touched
    /// (a hint: the contents are unchanged, and a kernel that declines changes nothing).
    package static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        let hugePage = 2 << 20
        guard let base = buffer.baseAddress, buffer.count >= hugePage else { return }
        let start = (Int(bitPattern: base) + hugePage - 1) / hugePage * hugePage
        let end = (Int(bitPattern: base) + buffer.count) / hugePage * hugePage
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        madvise(aligned, end - start, MADV_HUGEPAGE)
    }
}
