public import OrgLensModel

/// A failed system call: which operation, on which path, and the `errno` it set.
public struct SystemError: Error, Sendable, CustomStringConvertible {
    public let operation: String
    public let path: String
    public let code: Int32

    /// The C library's words for `code` ("No space left on device").
    public var reason: String { POSIX.describe(code) }

    /// `cannot <operation> <path>: <reason>`.
    public var description: String { "cannot \(operation) \(path): \(reason)" }

    /// The file system or kernel cannot do this at all (as opposed to this path failing).
    public var isUnsupported: Bool { POSIX.isUnsupported(code) }
}

extension RunError {
    /// A run error with the system error's one-line description, then `advice`.
    public init(_ status: ExitStatus, _ error: SystemError, advice: String = "") {
        self.init(status, "\(error.description)\(advice.isEmpty ? "." : "; " + advice)")
    }
}
