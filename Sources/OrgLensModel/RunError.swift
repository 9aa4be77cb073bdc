/// Why a run cannot go on, mapped one-to-one onto the documented process exit codes.
package enum ExitStatus: Int32, Sendable, CaseIterable {
    case ok = 0
    /// The run published, but a rule configured to fail the run was tripped.
    case ruleTripped = 1
    case usage = 64
    case badData = 65
    case cannotOpenInput = 66
    case cannotWriteOutput = 73
    case readError = 74
    /// Another run holds the output directory's lock.
    case locked = 75
    /// The run published its files, but the BI database (`outputs.database`) could not be loaded; the next run
    /// loads every night it lacks.
    case databaseNotLoaded = 76
    case configuration = 78
}

/// A fatal problem: the run stops and nothing is published. Row-level problems are `Rejection`s instead.
///
/// The message says what went wrong, where (file, line, column when known) and how to fix it.
/// It never quotes a field value of a row, because values may be personal data.
package struct RunError: Error, Sendable, CustomStringConvertible {
    package let status: ExitStatus
    package let message: String

    package init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    package var description: String { message }
}

extension RunError {
    /// A source column past `limit` bytes of text (`TextColumn.maxBytes`): the run is refused, the column never
    /// cut short. `line` is the first record that did not fit.
    package static func columnTooLarge(source: String, field: String, line: Int, limit: Int) -> RunError {
        let size = limit == TextColumn.maxBytes ? "4 GiB" : "\(limit) bytes"
        return RunError(
            .badData,
            "\(source):\(line): the \(field) column holds more than \(size) of text from here on, the most one column can hold. Split the export into smaller files (or map only the columns the run needs) and run again."
        )
    }
}
