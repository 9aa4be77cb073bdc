import OrgLensContract
import OrgLensDatabase
import Testing

@Suite struct CopyRowsTests {
    static let services = DatabaseSchema.tables.first { $0.name == "services" }!

    /// Text that would break COPY's format (tabs, newlines, backslashes, quotes in an array) goes in escaped;
    /// null is \N; numbers keep their exact text.
    @Test func escapesTextArraysAndNulls() throws {
        let line =
            #"{"as_of":"2026-11-01","id":"svc\tone","name":"a\\b\nc","owners":["t\"1","t,2"],"live_owners":2,"ownership":"shared","dependencies":3}"#
        let rows = try CopyRows(table: Self.services, ndjson: Array((line + "\n").utf8))
        #expect(rows.rows == 1)
        #expect(rows.columns.first == "as_of")
        let text = String(decoding: rows.text, as: UTF8.self)
        #expect(text.contains(#"svc\tone"#))
        #expect(text.contains(#"a\\b\nc"#))
        #expect(text.contains("\tshared\t3\n"))
        let heads = DatabaseSchema.tables.first { $0.name == "changes_by_org_head" }!
        let gone =
            #"{"as_of":"2026-11-02","id":"E7","headcount_before":12,"headcount_after":null,"layers_before":2,"layers_after":null,"joiners":0,"leavers":12,"moved_in":0,"moved_out":0}"#
        let nulls = try CopyRows(table: heads, ndjson: Array(gone.utf8))
        #expect(String(decoding: nulls.text, as: UTF8.self) == "2026-11-02\tE7\t12\t\\N\t2\t\\N\t0\t12\t0\t0\n")
        #expect(text.contains(#"{"t\\"1","t,2"}"#))
        #expect(text.hasSuffix("\n"))
    }

    /// A line the contract does not admit, or keys that differ from the first line's, make the night unloadable.
    @Test func refusesLinesOutsideTheContract() {
        let good =
            #"{"as_of":"2026-11-01","id":"s","name":"n","owners":[],"live_owners":0,"ownership":"orphan"}"#
        let otherKeys =
            #"{"as_of":"2026-11-01","id":"t","name":"n","owners":[],"live_owners":0,"ownership":"orphan","dependencies":1}"#
        for bad in [
            #"{"as_of":"2026-11-01","id":"s","salary":1}"#, "not json", #"{"as_of":"2026-11-01","id":"s"}"#, otherKeys,
        ] {
            #expect(throws: CopyRows.Problem.self) {
                try CopyRows(table: Self.services, ndjson: Array((good + "\n" + bad + "\n").utf8))
            }
        }
    }

    /// Money and shares exact, counts bigint, dates date; people's own tables never in the database.
    @Test func columnTypesComeFromTheContract() {
        let script = DatabaseSchema.script(schema: "bi")
        #expect(script.contains(#""as_of" date NOT NULL"#))
        #expect(script.contains(#""cost" numeric"#))
        #expect(script.contains(#""direct_reports" bigint"#))
        #expect(script.contains(#""owners" text[]"#))
        #expect(script.contains(#"CREATE OR REPLACE VIEW "bi"."latest_managers""#))
        #expect(!DatabaseSchema.tables.contains { ["people", "people_changes"].contains($0.name) })
        #expect(DatabaseSchema.tables.contains { $0.name == "summary" && $0.file == "trend-record.ndjson" })
    }
}
