import Foundation
import OrgLensFuzzTargets
import OrgLensTestSupport
import Testing

/// Every input the fuzzer ever crashed on stays here, replayed on each `make test`; the seed corpora
/// run too, so the fuzz targets themselves are exercised in every build.
@Suite struct FuzzReplayTests {
    static let regressions = TestPaths.repositoryRoot.appendingPathComponent("Tests/FuzzRegressions")

    static var savedInputs: [String] {
        FuzzTargets.Target.allCases.flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(
                atPath: regressions.appendingPathComponent(target.rawValue).path)) ?? [])
                .filter { !$0.hasPrefix(".") }.map { "\(target.rawValue)/\($0)" }
        }.sorted()
    }

    @Test(arguments: savedInputs)
    func savedInputReplaysWithoutCrashing(input: String) throws {
        let target = try #require(FuzzTargets.Target(rawValue: String(input.split(separator: "/")[0])))
        let data = try Data(contentsOf: Self.regressions.appendingPathComponent(input))
        FuzzTargets.run(target, Array(data))
    }

    @Test func seedCorporaRunThroughEveryTarget() throws {
        let cases = TestPaths.cases.path
        let seeds: [(FuzzTargets.Target, String)] = [
            (.csv, cases + "/dirty-bad-quoting/people.csv"), (.csv, cases + "/dirty-bom-crlf-semicolon/people.csv"),
            (.xml, cases + "/xml-dirty-workday/people.xml"), (.xml, cases + "/fatal-xml-truncated/people.xml"),
            (.pipeline, TestPaths.repositoryRoot.appendingPathComponent("Pipelines/nightly.example.yml").path),
            (.analysis, cases + "/dirty-cycle/people.csv"),
        ]
        for (target, path) in seeds {
            FuzzTargets.run(target, Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        #expect(seeds.count == 6)
    }
}
