/// A table edited as a person would edit the export by hand: some records dropped, some cells replaced, new rows
/// at the end. Columns are rebuilt once, whatever the number of edits.
package struct RawTableEdit: Sendable {
    /// Records to drop.
    package var dropped: Set<Int> = []
    /// Record → field → the cell's new text.
    package var cells: [Int: [String: String]] = [:]
    /// New rows: field → text (fields the table does not have are not written).
    package var appended: [[String: String]] = []

    package init() {}

    package var isEmpty: Bool { dropped.isEmpty && cells.isEmpty && appended.isEmpty }
}

extension RawTable {
    /// The table with `edit` applied. New rows get lines after the last one (the file has none for them), and count
    /// as rows read, as rows typed into the export would.
    package func applying(_ edit: RawTableEdit) -> RawTable {
        guard !edit.isEmpty else { return self }
        var table = RawTable(
            source: source, fields: fields, columns: columns.map { $0 == nil ? nil : TextColumn() }, file: file)
        table.rejections = rejections
        table.rejectionsNotKept = rejectionsNotKept
        table.rowsRead = rowsRead - edit.dropped.count + edit.appended.count
        for record in 0..<recordCount where !edit.dropped.contains(record) {
            let replaced = edit.cells[record]
            for (index, column) in columns.enumerated() {
                guard let column else { continue }
                if let text = replaced?[fields[index]] {
                    table.columns[index]!.append(Array(text.utf8))
                } else {
                    table.columns[index]!.append(column.bytes[column.range(at: record)])
                }
            }
            table.lines.append(lines[record])
        }
        var line = max(lines.max() ?? 1, rejections.map(\.line).max() ?? 1) + 1
        for row in edit.appended {
            for index in columns.indices where columns[index] != nil {
                table.columns[index]!.append(Array((row[fields[index]] ?? "").utf8))
            }
            table.lines.append(line)
            line += 1
        }
        return table
    }
}
