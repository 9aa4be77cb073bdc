import Foundation
import OrgLensTestSupport
import Testing

@Suite struct XMLEndToEndTests {
    @Test func xmlExportsOfTheFixtureOrgGiveTheCSVDashboardByteForByte() throws {
        let csv = try String(
            contentsOf: TestPaths.cases.appendingPathComponent("engineering-org/expected/dashboard.json"),
            encoding: .utf8)
        for variant in ["engineering-org-workday", "engineering-org-bamboohr"] {
            let xml = try String(
                contentsOf: TestPaths.cases.appendingPathComponent("\(variant)/expected/dashboard.json"),
                encoding: .utf8)
            #expect(xml == csv, "\(variant) differs from the CSV dashboard")
        }
    }

    /// The reader streams: a file four times larger, with the same people, needs about the same memory,
    /// and far less than the file itself (a tree would need several times the file).
    @Test func peakMemoryDoesNotGrowWithFileSize() throws {
        let directory = TemporaryDirectory()
        func export(padding: Int) -> String {
            var text = #"<?xml version="1.0"?><wd:Report_Data xmlns:wd="urn:com.workday.report/Big">"# + "\n"
            let notes = String(repeating: "Notes that no field selects. ", count: padding)
            for index in 0..<20_000 {
                let manager =
                    index == 0 ? "" : "<wd:Manager><wd:ID wd:type=\"Employee_ID\">P\(index / 8)</wd:ID></wd:Manager>"
                text +=
                    "<wd:Report_Entry><wd:Employee_ID>P\(index)</wd:Employee_ID>\(manager)<wd:Notes>\(notes)</wd:Notes></wd:Report_Entry>\n"
            }
            return text + "</wd:Report_Data>\n"
        }
        // Large enough that the binary's own memory (its libraries, the database client with the Database trait)
        // is not what the comparison with the file's size measures.
        let small = directory.write("small.xml", export(padding: 25))
        let large = directory.write("large.xml", export(padding: 100))
        let largeBytes = try FileManager.default.attributesOfItem(atPath: large)[.size] as! Int
        #expect(largeBytes > 40_000_000)
        let binary = TestPaths.orglensBinary.path
        func peak(_ path: String) throws -> Int {
            let result = try PeakMemory.run(
                binary,
                [
                    "analyze", "--people", path, "--preset", "workday-report", "--as-of", "2026-11-01", "--out",
                    directory.path + "/out", "--quiet",
                ])
            #expect(result.status == 0)
            return result.peakKiB
        }
        let smallPeak = try peak(small)
        let largePeak = try peak(large)
        #expect(Double(largePeak) < Double(smallPeak) * 1.3 + 8_192, "small \(smallPeak) KiB, large \(largePeak) KiB")
        #expect(largePeak * 1024 < largeBytes, "peak \(largePeak) KiB for a \(largeBytes)-byte file")
    }
}
