import Dispatch
import Synchronization

extension TextColumn {
    /// Appends `tails[i]` to `columns[i]` for every column, the columns side by side on `workers` Dispatch workers.
    ///
    /// Merging the chunks of a parallel parse copies hundreds of megabytes, and each column is a copy of its own.
    /// Each column is moved into a slot for the copy, so it stays the only owner of its arrays and grows in place.
    public static func append(_ tails: [TextColumn], to columns: inout [TextColumn], workers: Int) {
        precondition(tails.count == columns.count, "one tail per column")
        guard workers > 1, columns.count > 1 else {
            for index in columns.indices { columns[index].append(contentsOf: tails[index]) }
            return
        }
        let slots = columns.map { ColumnSlot($0) }
        columns = []
        DispatchQueue.concurrentPerform(iterations: slots.count) { index in slots[index].append(tails[index]) }
        columns = slots.map { $0.take() }
    }
}

/// One column handed to a worker, which appends to it under the lock it alone takes.
private final class ColumnSlot: Sendable {
    private let column: Mutex<TextColumn>

    init(_ column: consuming TextColumn) { self.column = Mutex(column) }

    func append(_ tail: TextColumn) { column.withLock { $0.append(contentsOf: tail) } }

    func take() -> TextColumn {
        column.withLock { stored in
            let taken = stored
            stored = TextColumn()
            return taken
        }
    }
}

extension RunError {
    /// A source column past `limit` bytes of text (`TextColumn.maxBytes`): the run is refused, the column never
    /// cut short. `line` is the first record that did not fit.
    public static func columnTooLarge(source: String, field: String, line: Int, limit: Int) -> RunError {
        let size = limit == TextColumn.maxBytes ? "4 GiB" : "\(limit) bytes"
        return RunError(
            .badData,
            "\(source):\(line): the \(field) column holds more than \(size) of text from here on, the most one column can hold. Split the export into smaller files (or map only the columns the run needs) and run again."
        )
    }
}
