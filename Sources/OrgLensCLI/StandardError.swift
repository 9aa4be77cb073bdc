import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import OrgLensModel

/// Error text for people goes to file descriptor 2 (C's `stderr` global is not concurrency-safe in Swift 6).
enum StandardError {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress! + offset, $0.count - offset) }
            guard count > 0 else { return }
            offset += count
        }
    }

    /// Reports a run error the way every command does and gives the exit code to throw.
    static func failure(_ error: RunError) -> ExitCode {
        write("orglens: error: \(error.message)\n")
        return ExitCode(error.status.rawValue)
    }
}
