import Foundation
import OrgLensTestSupport
import Testing

/// Whatever bytes it is given, orglens ends with a clear error or a quarantined row: never a crash,
/// a hang or an unbounded allocation. Peak memory is checked loosely, through /usr/bin/time.
@Suite struct ResourceBoundsTests {
    let directory = TemporaryDirectory()

    func analyze(_ file: String, _ extra: [String] = []) throws -> (status: Int32, peakKiB: Int, stderr: String) {
        let arguments =
            ["analyze", "--people", file, "--as-of", "2026-11-01", "--out", directory.path + "/out", "--quiet"] + extra
        let measured = try PeakMemory.run(TestPaths.orglensBinary.path, arguments)
        let result = try RunResult.orglens(arguments)
        #expect(result.status == measured.status)
        return (result.status, measured.peakKiB, result.stderr)
    }

    @Test func aTenMegabyteFieldIsQuarantined() throws {
        let big = String(repeating: "x", count: 10 << 20)
        let path = directory.write("p.csv", "employee_id,manager_id,note\nA,,ok\nB,A,\(big)\nC,A,ok\n")
        let run = try analyze(path)
        #expect(run.status == 0)
        #expect(directory.read("out/quarantine.csv")?.contains("a field is longer than 1048576 bytes") == true)
        #expect(directory.read("out/dashboard.json")?.contains("\"people\": 2,") == true)
        #expect(run.peakKiB < 200_000, "peak \(run.peakKiB) KiB")
    }

    @Test func aHeaderOfAMillionColumns() throws {
        let header = "employee_id,manager_id," + (0..<1_000_000).map { "c\($0)" }.joined(separator: ",")
        let row = "A,," + String(repeating: "1,", count: 999_999) + "1"
        let path = directory.write("p.csv", header + "\n" + row + "\n")
        let run = try analyze(path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(directory.read("out/dashboard.json")?.contains("\"people\": 1,") == true)
        #expect(run.peakKiB < 400_000, "peak \(run.peakKiB) KiB")
    }

    @Test func aFiveGigabyteSparseFileIsRefusedInBoundedMemory() throws {
        let path = directory.path + "/sparse.csv"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 5 << 30)
        try handle.close()
        let run = try analyze(path)
        #expect(run.status == 65)
        #expect(run.stderr.contains("sparse.csv: the first line is longer than"))
        #expect(run.peakKiB < 300_000, "peak \(run.peakKiB) KiB")
    }

    @Test func aFiftyMegabyteXMLTextNodeIsRefused() throws {
        let text = String(repeating: "y", count: 50 << 20)
        let path = directory.write("p.xml", "<r><p><id>1</id><note>\(text)</note></p></r>")
        let run = try analyze(path, ["--record", "p", "--map", "employee_id=id", "--map", "manager_id=boss"])
        #expect(run.status != 0 || directory.read("out/quarantine.csv")?.contains("longer than") == true)
        #expect(run.status == 0 || run.status == 65, "\(run.stderr)")
        #expect(run.peakKiB < 600_000, "peak \(run.peakKiB) KiB")
    }

    @Test(arguments: [
        ("", 65, "the file is empty"),
        ("employee_id,manager_id\n", 65, "no one is left in the org"),
        ("employee_id,manager_id\nA,\nB,A\nC,\u{FF}\n", 0, ""),
    ])
    func degenerateFiles(content: String, status: Int32, message: String) throws {
        var bytes = Array(content.utf8)
        if content.contains("\u{FF}") { bytes = Array("employee_id,manager_id\nA,\nB,A\nC,".utf8) + [0xE9, 0x0A] }
        let path = directory.write("p.csv", bytes)
        let run = try analyze(path)
        #expect(run.status == status, "\(run.stderr)")
        if message.isEmpty {
            // Invalid UTF-8 without --encoding: the file is windows-1252 (what Excel writes), so C's manager
            // is "é", whom no one is; nothing is quarantined.
            #expect(directory.read("out/quarantine.csv")?.contains("not valid UTF-8") == false)
            #expect(directory.read("out/dashboard.json")?.contains("\"subject\": \"C\"") == true)
        } else {
            #expect(run.stderr.contains(message))
        }
    }
}
