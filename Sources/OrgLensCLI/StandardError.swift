import ArgumentParser
import OrgLensModel
import OrgLensSystem

/// Error text for people goes to file descriptor 2 (C's `stderr` global is not concurrency-safe in Swift 6).
enum StandardError {
    static func write(_ text: String) {
        // Nowhere is left to report a failure to write to standard error.
        try? POSIX.writeAll(2, Array(text.utf8), path: "standard error")
    }

    /// Reports a run error the way every command does and gives the exit code to throw; with JSON logs,
    /// as one JSON line like the others, so a collector sees why a cron run failed.
    static func failure(_ error: RunError, format: LogSetup.Format = .text) -> ExitCode {
        switch format {
        case .text: write("orglens: error: \(error.message)\n")
        case .json:
            JSONLogHandler.write(
                level: "error", message: error.message, fields: [("exit_code", .number(Double(error.status.rawValue)))])
        }
        return ExitCode(error.status.rawValue)
    }
}
