package import OrgLensModel

/// `quarantine.csv`: one row per rejected source row, with where it was, why, and its original text,
/// so an operator can fix the export. It holds raw personal data: it is written with mode 0600.
package enum QuarantineFile {
    package static let header = ["source", "line", "rule", "message", "employee_id", "raw"]

    package static func render(_ rejections: [Rejection]) -> [UInt8] {
        var out: [UInt8] = []
        _ = render(rejections, maxRows: .max, maxBytes: .max) { out += $0 }
        return out
    }

    /// Streams the file a megabyte at a time, at most `maxRows` rows and `maxBytes` bytes (the header
    /// included); returns how many rows were written. The rest are counted in the manifest, not kept.
    package static func render(_ rejections: [Rejection], maxRows: Int, maxBytes: Int, emit: ([UInt8]) -> Void) -> Int {
        var out: [UInt8] = []
        appendRow(header, to: &out)
        var total = out.count
        var written = 0
        // Indices sorted, not a sorted copy of a million rejections.
        for index in rejections.indices.sorted(by: { Rejection.fileOrder(rejections[$0], rejections[$1]) })
        where written < maxRows {
            let rejection = rejections[index]
            var row: [UInt8] = []
            appendRow(
                [
                    rejection.source, String(rejection.line), rejection.rule.rawValue,
                    rejection.message, rejection.employeeID, rejection.raw,
                ], to: &row)
            guard total + row.count <= maxBytes else { break }
            total += row.count
            written += 1
            out += row
            if out.count >= 1 << 20 {
                emit(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        emit(out)
        return written
    }

    private static func appendRow(_ fields: [String], to out: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendField(neutralized(field), to: &out)
        }
        out.append(UInt8(ascii: "\n"))
    }

    /// Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, tab or CR as a formula; a quote in
    /// front makes it text. Plain signed decimal numbers (`-5`, `+3.2`) are left as they are (`=1` and `@1` are not); `-nan`, `+inf` and
    /// `-0x1p3`, which `Double` would also read, are not numbers to a spreadsheet and get the quote. A NUL byte
    /// (which spreadsheets and some CSV readers stop at) is shown as U+FFFD.
    static func neutralized(_ field: String) -> String {
        let field = field.contains("\u{0}") ? String(field.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }) : field
        guard let first = field.utf8.first,
            [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
        else { return field }
        // Only a sign makes a number: `=1` and `@1` are formulas to a spreadsheet.
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-"), isPlainNumber(field) { return field }
        return "'" + field
    }

    /// `[+-]digits[.digits]`, nothing else.
    private static func isPlainNumber(_ text: String) -> Bool {
        let body = text.utf8.dropFirst()
        guard let head = body.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(head) else { return false }
        var points = 0
        for byte in body {
            if byte == UInt8(ascii: ".") {
                points += 1
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
        }
        return points <= 1 && body.last != UInt8(ascii: ".")
    }

    /// RFC 4180: quote when the field holds a delimiter, quote, line break or edge space.
    private static func appendField(_ field: String, to out: inout [UInt8]) {
        let bytes = Array(field.utf8)
        let needsQuotes =
            bytes.contains {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
                    || $0 == UInt8(ascii: "\r")
            }
            || bytes.first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ")
        guard needsQuotes else { return out.append(contentsOf: bytes) }
        out.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }
}
