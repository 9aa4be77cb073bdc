import Foundation
import OrgLensTestSupport
import Testing

/// A long run shows progress on a terminal (a pseudo-terminal through `script`), and none when piped.
@Suite struct ProgressTests {
    @Test func progressOnATerminalOnly() throws {
        let directory = TemporaryDirectory()
        let people = directory.write("people.csv", "employee_id,manager_id\nA,\nB,A\nC,A\n")
        // The run is held three seconds after reading, long enough for a progress line.
        let pause = ["ORGLENS_TEST_READ_PAUSE_US": "3000000"]
        let text = try RunResult.orglensOnTerminal(
            ["analyze", "--people", people, "--out", directory.path + "/t"], environment: pause)
        #expect(text.contains("orglens: reading, 2 s"), "\(text)")
        let piped = try RunResult.orglens(
            ["analyze", "--people", people, "--out", directory.path + "/p"], environment: pause)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("orglens: reading,"), "\(piped.stderr)")
    }
}
