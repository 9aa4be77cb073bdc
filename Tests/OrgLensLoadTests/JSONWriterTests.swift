import OrgLensLoad
import Testing

@Suite struct JSONWriterTests {
    @Test(arguments: [
        (2.0, "2"), (2.5, "2.5"), (5.333333, "5.3333"), (0.00005, "0.0001"), (-0.00005, "-0.0001"),
        (1.23456, "1.2346"), (10.0 / 4.0, "2.5"), (0.1, "0.1"), (1e6, "1000000"), (0.0, "0"),
        (0.05, "0.05"), (1.0203, "1.0203"), (0.001, "0.001"), (-12.5, "-12.5"), (-0.00004, "0"), (1e20, "1e+20"),
    ])
    func decimalsAreRoundedToFourPlacesWithoutTrailingZeros(value: Double, text: String) {
        var json = JSONWriter()
        json.decimal(value)
        #expect(String(decoding: json.bytes, as: UTF8.self) == text)
    }

    @Test func stringsAreEscaped() {
        var json = JSONWriter()
        json.string("a\"b\\c\nd\te\u{01}é")
        #expect(String(decoding: json.bytes, as: UTF8.self) == #""a\"b\\c\nd\te\u0001é""#)
    }

    @Test func layoutPutsRecordsOnOneLineInsideMultilineContainers() {
        var json = JSONWriter()
        json.beginObject(multiline: true)
        json.field("n", 1)
        json.key("rows")
        json.beginArray(multiline: true)
        for index in 0..<2 {
            json.beginObject()
            json.field("i", index)
            json.field("x", nil as String?)
            json.endObject()
        }
        json.endArray()
        json.key("empty")
        json.beginArray(multiline: true)
        json.endArray()
        json.endObject()
        let expected = """
            {
              "n": 1,
              "rows": [
                {"i": 0, "x": null},
                {"i": 1, "x": null}
              ],
              "empty": []
            }

            """
        #expect(String(decoding: json.finished(), as: UTF8.self) == expected)
    }

    /// Tables rendered in parallel chunks, whole or streamed a window at a time, give the bytes of
    /// writing each row in turn.
    @Test(arguments: [1, 3])
    func parallelAndStreamedTablesMatchRowByRowWriting(workers: Int) {
        let rows = Array(0..<100_000)
        func document(_ table: (inout JSONWriter) -> Void) -> [UInt8] {
            var json = JSONWriter()
            json.beginObject(multiline: true)
            json.key("rows")
            json.beginArray(multiline: true)
            table(&json)
            json.endArray()
            json.endObject()
            return json.finished()
        }
        let writeRow: @Sendable (Int, inout JSONWriter) -> Void = { row, json in
            json.beginObject()
            json.field("i", row)
            json.field("half", decimal: Double(row) / 2)
            json.endObject()
        }
        let oneByOne = document { json in
            for row in rows { writeRow(row, &json) }
        }
        let whole = document { json in json.elements(rows, workers: workers, writeRow) }
        var streamed: [UInt8] = []
        let tail = document { json in
            json.elements(rows, workers: workers, emit: { streamed += $0 }, writeRow)
        }
        #expect(whole == oneByOne)
        #expect(streamed + tail == oneByOne)
        #expect(streamed.count > oneByOne.count / 2, "the table itself went out through emit")
    }
}
