#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
public import OrgLensModel

/// Reads an input file front to back in large blocks, hashing every byte once on the way, so the
/// manifest's checksum costs no second pass over the input. The one owner of the file descriptor.
public final class ByteBlockReader {
    public static let blockSize = 1 << 20

    public let path: String
    private let descriptor: Int32
    private var hasher = SHA256()
    public private(set) var bytesRead = 0

    public init(path: String) throws(RunError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw RunError(.cannotOpenInput, "cannot open '\(path)': \(String(cString: strerror(errno))). Check the path and that the file is readable.")
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw RunError(.cannotOpenInput, "cannot open '\(path)': it is a directory, not a file.")
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The next block, or nil at end of file.
    public func next() throws(RunError) -> [UInt8]? {
        var block = [UInt8](repeating: 0, count: Self.blockSize)
        var filled = 0
        while filled < Self.blockSize {
            let count = block.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, Self.blockSize - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw RunError(.readError, "error reading '\(path)' after \(bytesRead + filled) bytes: \(String(cString: strerror(errno))).")
            }
            if count == 0 { break }
            filled += count
        }
        guard filled > 0 else { return nil }
        block.removeSubrange(filled...)
        hasher.update(data: block)
        bytesRead += filled
        return block
    }

    /// Identity of what was read; call after the last block.
    public func info(displayPath: String) -> SourceFileInfo {
        let digest = hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
        return SourceFileInfo(path: displayPath, bytes: bytesRead, sha256: digest)
    }
}
