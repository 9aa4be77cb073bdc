import Crypto
package import OrgLensModel
import OrgLensSystem

/// Reads an input file in large blocks with `pread`, from any offset, optionally hashing every byte
/// on the way so the manifest's checksum costs no extra pass. The one owner of its file descriptor.
package final class ByteBlockReader {
    package static let blockSize = 1 << 20

    package let path: String
    private let descriptor: Int32
    private var hasher: SHA256?
    private var offset: Int
    package private(set) var bytesRead = 0
    /// Size of the file when it was opened.
    package let fileSize: Int

    /// Opens `path` for reading from `offset`. Hashing only makes sense from offset 0.
    package init(path: String, offset: Int = 0, hashing: Bool = true) throws(RunError) {
        self.path = path
        let file: POSIX.OpenedFile
        do { file = try POSIX.openForReading(path) } catch {
            throw RunError(
                error.operation == "open" ? .cannotOpenInput : .readError,
                "cannot \(error.operation) '\(path)': \(error.reason). Check the path and that the file is readable.")
        }
        let descriptor = file.descriptor
        if file.kind == .directory {
            POSIX.close(descriptor)
            throw RunError(.cannotOpenInput, "cannot open '\(path)': it is a directory, not a file.")
        }
        if file.kind != .regular {
            POSIX.close(descriptor)
            throw RunError(
                .cannotOpenInput,
                "cannot read '\(path)': it is not a regular file (a pipe, socket or device); point the source at an exported file."
            )
        }
        self.descriptor = descriptor
        self.offset = offset
        fileSize = file.size
        hasher = hashing ? SHA256() : nil
    }

    deinit { POSIX.close(descriptor) }

    /// The next block, or nil at end of file.
    package func next() throws(RunError) -> [UInt8]? {
        var block: [UInt8] = []
        return try read(into: &block) ? block : nil
    }

    /// Fills `block` with the next bytes (reusing its storage: fresh 1 MiB buffers cost the kernel a
    /// page-zeroing each time); false at end of file.
    package func read(into block: inout [UInt8]) throws(RunError) -> Bool {
        // Small files get small buffers: a fresh 1 MiB per read is most of the cost of a tiny input.
        let size = min(Self.blockSize, max(64 << 10, fileSize - offset))
        if block.count != size {
            block = [UInt8](repeating: 0, count: size)
        }
        var filled = 0
        while filled < size {
            let outcome = block.withUnsafeMutableBytes { buffer in
                Result { () throws(SystemError) in
                    try POSIX.read(
                        descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<size]),
                        at: offset + filled, path: path)
                }
            }
            let count: Int
            do { count = try outcome.get() } catch {
                throw RunError(.readError, "error reading '\(path)' at byte \(offset + filled): \(error.reason).")
            }
            if count == 0 { break }
            filled += count
        }
        guard filled > 0 else { return false }
        if filled < size { block.removeSubrange(filled...) }
        hasher?.update(data: block)
        offset += filled
        bytesRead += filled
        return true
    }

    /// Identity of what was read: call after the last block of a hashing reader.
    package func info(displayPath: String) -> SourceFileInfo {
        let digest =
            (hasher?.finalize()).map { digest in
                digest.map { byte in
                    let hex = String(byte, radix: 16)
                    return byte < 16 ? "0" + hex : hex
                }.joined()
            } ?? ""
        return SourceFileInfo(path: displayPath, bytes: bytesRead, sha256: digest)
    }

    /// Reads the rest of the file only to finish the checksum (used while other workers parse it).
    package func hashToEnd(displayPath: String) throws(RunError) -> SourceFileInfo {
        var block: [UInt8] = []
        while try read(into: &block) {}
        return info(displayPath: displayPath)
    }
}
