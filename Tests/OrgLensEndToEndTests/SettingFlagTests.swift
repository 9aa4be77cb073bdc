import OrgLensModel
import OrgLensTestSupport
import Testing

@Suite struct SettingFlagTests {
    /// One declaration bounds the setting: the flag is refused as a usage error (64), the file's key as a
    /// configuration error (78), each naming what the user wrote.
    @Test func minimumGroupBelowThreeIsRefusedFromTheFlagAndTheFile() throws {
        let directory = TemporaryDirectory()
        directory.write("people.csv", "employee_id,manager_id,salary\nA,,100\nB,A,100\n")
        directory.write("c.yml", "privacy:\n  min_group_size: 2\n")
        let flag = try RunResult.orglens([
            "analyze", "--people", directory.path + "/people.csv", "--min-group-size", "2", "--out",
            directory.path + "/out",
        ])
        #expect(flag.status == 64)
        #expect(
            flag.stderr.contains(
                "--min-group-size must be at least 3, not 2 (smaller groups would reveal individual salaries)"),
            "\(flag.stderr)")
        let file = try RunResult.orglens([
            "analyze", "--people", directory.path + "/people.csv", "--config", directory.path + "/c.yml", "--out",
            directory.path + "/out",
        ])
        #expect(file.status == 78)
        #expect(file.stderr.contains("c.yml:2:19: privacy.min_group_size must be at least 3, not 2"), "\(file.stderr)")
        #expect(directory.read("out/dashboard.json") == nil)
    }

    @Test func commandLineBeatsTheFile() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "people.csv",
            "employee_id,manager_id,salary,currency\n"
                + (0..<6).map { "P\($0),\($0 == 0 ? "" : "P0"),1000,EUR" }.joined(separator: "\n") + "\n")
        directory.write("c.yml", "costs:\n  rates: {EUR: 2}\n  all_in_multiplier: 1\n")
        let result = try RunResult.orglens([
            "analyze", "--people", directory.path + "/people.csv", "--config", directory.path + "/c.yml",
            "--rate", "EUR=3", "--as-of", "2026-11-01", "--out", directory.path + "/out", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // 6 people × 1000 EUR × 3 (the flag's rate, not the file's 2) × 1.
        #expect(directory.read("out/dashboard.json")?.contains("\"cost\": 18000,") == true)
    }

    @Test func contractorsCanBeLeftOutOfSpans() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "people.csv",
            "employee_id,manager_id,employment_type\nM,,full-time\na,M,full-time\nb,M,Contractor\nc,M,temp\nd,M,full-time\n"
        )
        for (flag, span) in [("true", 4), ("false", 2)] {
            let result = try RunResult.orglens([
                "analyze", "--people", directory.path + "/people.csv", "--contractors-in-spans", flag,
                "--as-of", "2026-11-01", "--out", directory.path + "/\(flag)", "--quiet",
            ])
            #expect(result.status == 0)
            #expect(directory.read("\(flag)/dashboard.json")?.contains("\"direct_reports\": \(span),") == true)
        }
    }
}
