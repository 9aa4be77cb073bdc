import Dispatch
import Synchronization

extension TextColumn {
    /// Appends `tails[i]` to `columns[i]` for every column, the columns side by side on `workers` Dispatch workers.
    ///
    /// Merging the chunks of a parallel parse copies hundreds of megabytes, and each column is a copy of its own.
    /// Each column is moved into a slot for the copy, so it stays the only owner of its arrays and grows in place.
    package static func append(_ tails: [TextColumn], to columns: inout [TextColumn], workers: Int) {
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
