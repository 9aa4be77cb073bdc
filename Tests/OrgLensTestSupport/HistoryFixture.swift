package import Foundation

/// The three-night fixture org (`Fixtures/history`, written by scripts/make-history.py).
package enum HistoryFixture {
    package static let url = TestPaths.fixtures.appendingPathComponent("history")

    /// Night `number`'s people export.
    package static func export(_ number: Int) throws -> String {
        try String(contentsOf: url.appendingPathComponent("night-\(number).csv"), encoding: .utf8)
    }

    /// A fresh folder holding the fixture's pipeline and teams: an outputs directory waiting for its nights.
    package static func folder() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        for name in ["pipeline.yml", "teams.csv"] {
            directory.write(name, try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8))
        }
        return directory
    }
}
