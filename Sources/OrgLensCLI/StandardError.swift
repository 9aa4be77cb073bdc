import ArgumentParser
import OrgLensModel

#if canImport(Glibc)
import Glibc
#endif

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

    /// Reports a run error the way every command does and gives the exit code to throw; with JSON logs,
    /// as one JSON line like the others, so a collector sees why a cron run failed.
    static func failure(_ error: RunError, format: Logging.Format = .text) -> ExitCode {
        switch format {
        case .text: write("orglens: error: \(error.message)\n")
        case .json:
            JSONLogHandler.write(
                level: "error", message: error.message, fields: [("exit_code", .number(Double(error.status.rawValue)))])
        }
        return ExitCode(error.status.rawValue)
    }
}
