package import OrgLensModel

/// A failed system call: which operation, on which path, and the `errno` it set.
package struct SystemError: Error, Sendable, CustomStringConvertible {
    package let operation: String
    package let path: String
    package let code: Int32

    /// The C library's words for `code` ("No space left on device").
    package var reason: String { POSIX.describe(code) }

    /// `cannot <operation> <path>: <reason>`.
    package var description: String { "cannot \(operation) \(path): \(reason)" }

    /// The file system or kernel cannot do this at all (as opposed to this path failing).
    package var isUnsupported: Bool { POSIX.isUnsupported(code) }
}

extension RunError {
    /// A run error with the system error's one-line description, then `advice`.
    package init(_ status: ExitStatus, _ error: SystemError, advice: String = "") {
        self.init(status, "\(error.description)\(advice.isEmpty ? "." : "; " + advice)")
    }
}
