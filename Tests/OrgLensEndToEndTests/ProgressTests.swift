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
        let command = [TestPaths.orglensBinary.path, "analyze", "--people", people, "--out", directory.path + "/t"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command.joined(separator: " "), "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.merging(pause) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("orglens: reading, 2 s"), "\(text)")
        let piped = try RunResult.orglens(
            ["analyze", "--people", people, "--out", directory.path + "/p"], environment: pause)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("orglens: reading,"), "\(piped.stderr)")
    }
}
