import Foundation
import OrgLensContract

/// One table's rows of one night as COPY's text format, from the run's NDJSON file: every line must be a record
/// of the table's contract with the same keys as the first, or the night is not loaded at all.
package struct CopyRows: Sendable {
    package let table: String
    /// The columns the rows fill, in the file's key order (optional keys absent that night stay null).
    package let columns: [String]
    package let rows: Int
    /// Tab-separated, `\N` for null, backslash escapes: what `COPY … FROM STDIN (FORMAT text)` reads.
    package let text: [UInt8]

    /// What is wrong with a line (its number in the file).
    package struct Problem: Error, Sendable {
        package let message: String
    }

    package init(table: DatabaseSchema.Table, ndjson bytes: [UInt8]) throws(Problem) {
        self.table = table.name
        var columns: [String]?
        var rows = 0
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard !line.isEmpty else { continue }
            guard let value = SchemaValue.parse(Array(line)), table.record.admits(value),
                case .object(let members) = value
            else {
                throw Problem(
                    message: "\(table.file) line \(lineNumber) is not a \(table.name) record of this contract")
            }
            let keys = members.map(\.0)
            if let columns, columns != keys {
                throw Problem(message: "\(table.file) line \(lineNumber) has other keys than line 1")
            }
            columns = keys
            for (index, member) in members.enumerated() {
                if index > 0 { text.append(UInt8(ascii: "\t")) }
                Self.append(member.1, to: &text)
            }
            text.append(UInt8(ascii: "\n"))
            rows += 1
        }
        self.columns = columns ?? []
        self.rows = rows
        self.text = text
    }

    private static func append(_ value: SchemaValue, to text: inout [UInt8]) {
        switch value {
        case .null: text += Array(#"\N"#.utf8)
        case .number(let number): text += Array(number.utf8)
        case .boolean(let flag): text += Array((flag ? "true" : "false").utf8)
        case .string(let string): escape(string.utf8, to: &text)
        case .array(let elements):
            // An array literal ({"a","b"}), then escaped for COPY like any text.
            var literal = "{"
            for (index, element) in elements.enumerated() {
                if index > 0 { literal += "," }
                switch element {
                case .string(let string):
                    literal +=
                        "\""
                        + string.replacingOccurrences(of: "\\", with: "\\\\")
                        .replacingOccurrences(of: "\"", with: "\\\"") + "\""
                case .null: literal += "NULL"
                default: literal += element.rendered()
                }
            }
            escape((literal + "}").utf8, to: &text)
        case .object: escape(value.rendered().utf8, to: &text)
        }
    }

    private static func escape(_ bytes: some Sequence<UInt8>, to text: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"): text += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): text += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): text += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): text += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            default: text.append(byte)
            }
        }
    }
}
