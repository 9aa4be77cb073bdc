/// Why a run cannot go on, mapped one-to-one onto the documented process exit codes.
public enum ExitStatus: Int32, Sendable, CaseIterable {
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
    case configuration = 78
}

/// A fatal problem: the run stops and nothing is published. Row-level problems are `Rejection`s instead.
///
/// The message says what went wrong, where (file, line, column when known) and how to fix it.
/// It never quotes a field value of a row, because values may be personal data.
public struct RunError: Error, Sendable, CustomStringConvertible {
    public let status: ExitStatus
    public let message: String

    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }
}
