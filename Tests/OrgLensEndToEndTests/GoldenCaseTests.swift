import Foundation
import OrgLensTestSupport
import Testing

/// Every `Fixtures/cases/<name>` is run through the real binary from inside its folder, and its whole
/// outputs compared byte for byte with `expected/` (regenerate with `make golden`, review the diff).
@Suite struct GoldenCaseTests {
    static var caseNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.cases.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func thereAreCases() {
        #expect(Self.caseNames.count >= 15)
    }

    @Test(arguments: caseNames)
    func outputsMatchGoldenFiles(name: String) throws {
        let caseDirectory = TestPaths.cases.appendingPathComponent(name)
        let expected = caseDirectory.appendingPathComponent("expected")
        let arguments = try String(contentsOf: caseDirectory.appendingPathComponent("args"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let expectedStatus = try #require(
            Int32(
                try String(contentsOf: expected.appendingPathComponent("exit_code"), encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)))
        let output = TemporaryDirectory()
        // A previous run's file: a failing run must leave it exactly as it was.
        output.write("dashboard.json", "previous run\n")

        let result = try RunResult.orglens(
            ["analyze"] + arguments + ["--out", output.path, "--quiet"], in: caseDirectory)

        #expect(result.status == expectedStatus, "stderr: \(result.stderr)")
        if expectedStatus == 0 {
            for file in ["dashboard.json", "quarantine.csv"] {
                let golden = try String(contentsOf: expected.appendingPathComponent(file), encoding: .utf8)
                #expect(output.read(file) == golden, "\(name)/\(file) differs from its golden file")
            }
            let manifest =
                try JSONSerialization.jsonObject(with: Data((output.read("manifest.json") ?? "").utf8))
                as? [String: Any]
            let dashboard =
                try JSONSerialization.jsonObject(with: Data((output.read("dashboard.json") ?? "").utf8))
                as? [String: Any]
            #expect(manifest?["schema_version"] as? String == dashboard?["schema_version"] as? String)
            let inputs = manifest?["inputs"] as? [[String: Any]] ?? []
            let quality = dashboard?["data_quality"] as? [String: Any]
            #expect(inputs.first?["rows_read"] as? Int == quality?["rows_read"] as? Int)
            #expect(inputs.count == (quality?["inputs"] as? [Any])?.count)
            let stages = (manifest?["timings"] as? [[String: Any]] ?? []).compactMap { $0["stage"] as? String }
            #expect(stages == ["read", "stage", "graph", "metrics", "render", "write"])
            #expect(result.stdout == output.path + "/dashboard.json\n")
        } else {
            let golden = try String(contentsOf: expected.appendingPathComponent("stderr"), encoding: .utf8)
            #expect(result.stderr == golden)
            #expect(output.read("dashboard.json") == "previous run\n")
            #expect(output.read("quarantine.csv") == nil)
            #expect(result.stdout.isEmpty)
        }
    }
}
