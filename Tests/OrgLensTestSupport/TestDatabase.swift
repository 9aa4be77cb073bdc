import Foundation

/// The PostgreSQL server the database tests use (`scripts/test-database.sh start` exports where it is), queried
/// with `psql` the way an analyst would.
package enum TestDatabase {
    package static var url: String { ProcessInfo.processInfo.environment["ORGLENS_TEST_DATABASE_URL"] ?? "" }

    /// `HOST:PORT/` of the server's URL (to swap into a pipeline's).
    package static var hostPortPath: String {
        String(url.split(separator: "@").last?.split(separator: "/").first ?? "") + "/"
    }

    /// A server is there and the binary was built with the Database trait.
    package static var available: Bool {
        #if Database
        return !url.isEmpty
        #else
        return false
        #endif
    }

    package static var skipReason: String {
        #if Database
        return "no test database: run `eval \"$(scripts/test-database.sh start)\"` first (CI starts one)"
        #else
        return "built without the Database trait (ORGLENS_DATABASE=1 make test builds it)"
        #endif
    }

    /// A schema name no other test uses.
    package static func freshSchema() -> String {
        "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    }

    /// Runs SQL; its output as psql prints it unaligned (rows on lines, no header).
    @discardableResult
    package static func run(_ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-f", "-"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(sql.utf8))
        try input.fileHandleForWriting.close()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw QueryError(message: String(decoding: problem, as: UTF8.self))
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// One query's result, trimmed.
    package static func value(_ sql: String) throws -> String {
        try run(sql).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    package struct QueryError: Error, CustomStringConvertible {
        package let message: String
        package var description: String { message }
    }
}
