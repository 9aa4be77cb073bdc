package import Foundation

/// Where tests find the repository's fixtures and the shared corpora beside the checkout.
package enum TestPaths {
    package static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    package static let fixtures = repositoryRoot.appendingPathComponent("Fixtures")
    package static let cases = fixtures.appendingPathComponent("cases")

    /// `../shared` beside the checkout (CI lays a copy there).
    package static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// Whether `../shared/data` is beside the checkout (CI and the developers' machines have it; a bare clone
    /// does not, and the tests that read it are skipped there).
    package static var sharedDataAvailable: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("data").path)
    }

    /// The `orglens` binary built next to the test bundle.
    package static var orglensBinary: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("orglens")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return repositoryRoot.appendingPathComponent(".build/debug/orglens")
    }
}
