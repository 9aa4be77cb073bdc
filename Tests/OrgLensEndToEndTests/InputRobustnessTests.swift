import Foundation
import OrgLensTestSupport
import Testing

/// What an unattended run does with inputs and limits nobody planned for.
@Suite struct InputRobustnessTests {
    /// A FIFO as input is refused at once (exit 66), before the lock: it would otherwise block forever and keep
    /// every later cron run out.
    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let directory = TemporaryDirectory()
        #expect(mkfifo(directory.path + "/people.csv", 0o600) == 0)
        let path = directory.write("p.yml", "sources: {people: {path: people.csv}}\noutputs: {directory: out}\n")
        let started = Date()
        let run = try RunResult.orglens(["run", path, "--quiet"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("not a regular file"))
        #expect(
            !FileManager.default.fileExists(atPath: directory.path + "/out/.orglens.lock"), "refused before the lock")
        let analyze = try RunResult.orglens([
            "analyze", "--people", directory.path + "/people.csv", "--out", directory.path + "/o",
        ])
        #expect(analyze.status == 66)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    /// Past a file-size limit the run fails with 73 instead of being killed by SIGXFSZ.
    @Test func aFileSizeLimitIsExit73() throws {
        let directory = TemporaryDirectory()
        let people = directory.write(
            "people.csv",
            "employee_id,manager_id\n"
                + (0..<3000).map { "E\($0),\($0 == 0 ? "" : "E\($0 / 5)")" }.joined(separator: "\n") + "\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "ulimit -f 64; exec \"$0\" analyze --people \"$1\" --as-of 2026-11-01 --out \"$2\" --quiet",
            TestPaths.orglensBinary.path, people, directory.path + "/out",
        ]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 73)
    }

    @Test func aUTF16FileWithoutBOMSaysSo() throws {
        let directory = TemporaryDirectory()
        let data = Array("employee_id,manager_id\nA,\nB,A\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = directory.write("people.csv", data)
        let result = try RunResult.orglens(["analyze", "--people", path, "--out", directory.path + "/o"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("UTF-16 without a byte-order mark"))
    }

    @Test func anEmptyXMLFileSaysItIsEmpty() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("people.xml", "\n")
        let result = try RunResult.orglens([
            "analyze", "--people", path, "--preset", "workday-report", "--out", directory.path + "/o",
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("the file is empty"))
    }

    /// libxml2's own messages can quote the document; ours do not.
    @Test func xmlErrorsDoNotQuoteTheDocument() throws {
        let directory = TemporaryDirectory()
        let path = directory.write(
            "people.xml", "<report><employee id=\"1\"><field id=\"name\">&Quarkfeather;</field></employee></report>\n")
        let result = try RunResult.orglens([
            "analyze", "--people", path, "--preset", "bamboohr-directory", "--out", directory.path + "/o",
        ])
        #expect(result.status == 65)
        #expect(!result.stderr.contains("Quarkfeather"), "\(result.stderr)")
    }

    /// An unknown field in a pipeline's map is a configuration error with its position, like every other key.
    @Test func unknownMapFieldsHaveAPosition() throws {
        let directory = TemporaryDirectory()
        let path = directory.write(
            "p.yml", "sources:\n  people: {path: x.csv, map: {employe_id: ID}}\noutputs: {directory: out}\n")
        let result = try RunResult.orglens(["run", path])
        #expect(result.status == 78)
        #expect(result.stderr.contains("p.yml:2:"), "\(result.stderr)")
        #expect(result.stderr.contains("unknown field 'employe_id' in sources.people.map"))
    }

    /// Mounted secrets are symlinks to a 0600 file: the target's mode counts.
    @Test func aKeyFileBehindASymlinkIsAccepted() throws {
        let directory = TemporaryDirectory()
        let key = directory.write("secret/key", "0123456789abcdef0123456789abcdef\n")
        #expect(chmod(key, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/key-link", withDestinationPath: key)
        let people = directory.write("people.csv", "employee_id,manager_id\nA,\nB,A\n")
        let result = try RunResult.orglens([
            "analyze", "--people", people, "--pseudonymize", "--pseudonym-key-file", directory.path + "/key-link",
            "--as-of", "2026-11-01", "--out", directory.path + "/o", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Cells a spreadsheet would run as formulas get a quote, including those `Double` reads as numbers.
    @Test func quarantineCellsCannotBecomeFormulas() throws {
        let directory = TemporaryDirectory()
        let people = directory.write(
            "people.csv", [UInt8]("employee_id,manager_id\nA,\n-nan,A\n+inf,A\n-0x1p3,A\n-nan,A\n".utf8))
        let result = try RunResult.orglens([
            "analyze", "--people", people, "--as-of", "2026-11-01", "--out", directory.path + "/o", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let quarantine = try #require(directory.read("o/quarantine.csv"))
        #expect(quarantine.contains(",'-nan,"))
        #expect(!quarantine.contains(",-nan,"))
    }

    @Test func nulBytesDoNotReachTheQuarantineRaw() throws {
        let directory = TemporaryDirectory()
        let people = directory.write(
            "people.csv", [UInt8]("employee_id,manager_id\nA,\nB,A\n".utf8) + [UInt8]("C\u{0}x,A\n".utf8))
        let result = try RunResult.orglens([
            "analyze", "--people", people, "--as-of", "2026-11-01", "--out", directory.path + "/o", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let quarantine = try #require(FileManager.default.contents(atPath: directory.path + "/o/quarantine.csv"))
        #expect(!quarantine.contains(0))
        #expect(String(decoding: quarantine, as: UTF8.self).contains("\u{FFFD}"))
    }
}

/// Quarantine past its caps: rows are counted, not kept, and the manifest says how many were not written.
@Suite struct QuarantineCapTests {
    @Test func rowsPastTheCapAreCountedNotKept() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "people.csv", "employee_id,manager_id\nA,\nB,A\nC,A\nD,A\n" + String(repeating: "x,y,z\n", count: 20_000))
        let path = directory.write(
            "p.yml",
            """
            as_of: 2026-11-01
            sources: {people: {path: people.csv}}
            outputs: {directory: out, quarantine_max_rows: 500}
            gates: {max_quarantined_share: null}
            """)
        let result = try RunResult.orglens(["run", path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try #require(directory.read("out/latest/manifest.json"))
        #expect(manifest.contains("\"quarantine\": {\"written\": 500, \"not_written\": 19500}"))
        #expect(directory.read("out/latest/quarantine.csv")?.split(separator: "\n").count == 501)
        let dashboard = try #require(directory.read("out/latest/dashboard.json"))
        #expect(dashboard.contains("\"quarantined\": 20000,"))
    }

    @Test func theByteCapStopsTheFileWhole() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "people.csv", "employee_id,manager_id\nA,\nB,A\nC,A\nD,A\n" + String(repeating: "x,y,z\n", count: 100))
        let path = directory.write(
            "p.yml",
            """
            as_of: 2026-11-01
            sources: {people: {path: people.csv}}
            outputs: {directory: out, quarantine_max_bytes: 1000}
            gates: {max_quarantined_share: null}
            """)
        #expect(try RunResult.orglens(["run", path, "--quiet"]).status == 0)
        let quarantine = try #require(directory.read("out/latest/quarantine.csv"))
        #expect(quarantine.utf8.count <= 1000 && quarantine.hasSuffix("\n"))
        #expect(directory.read("out/latest/manifest.json")?.contains("\"not_written\": 0}") == false)
    }
}

/// `analyze --out` switches its whole set of files at once and keeps what else is in the folder.
@Suite struct AnalyzeOutputTests {
    @Test func theUsersFilesStayAndLeftoversGo() throws {
        let directory = TemporaryDirectory()
        let people = directory.write("people.csv", "employee_id,manager_id\nA,\nB,A\n")
        directory.write("out/notes.txt", "mine\n")
        directory.write("out/archive/old.json", "mine too\n")
        directory.write("out/.dashboard.json.tmp-999999", "left by a killed run\n")
        directory.write(".out.incoming-999999/dashboard.json", "left by a killed run\n")
        directory.write(".out.superseded-1000-1/dashboard.json", "superseded long ago\n")
        let result = try RunResult.orglens([
            "analyze", "--people", people, "--as-of", "2026-11-01", "--out", directory.path + "/out", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(directory.read("out/notes.txt") == "mine\n")
        #expect(directory.read("out/archive/old.json") == "mine too\n")
        #expect(directory.read("out/dashboard.json")?.contains("\"schema_version\"") == true)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out/.dashboard.json.tmp-999999"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/.out.incoming-999999"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/.out.superseded-1000-1"))
        // The set it replaced stays a few minutes, for readers that opened the folder before the switch.
        let siblingsNow = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(siblingsNow.contains { $0.hasPrefix(".out.superseded-") })
        let siblings = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(!siblings.contains { $0.contains("incoming") })
    }
}
