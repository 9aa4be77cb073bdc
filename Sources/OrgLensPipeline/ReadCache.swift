import OrgLensModel
import Synchronization

/// The exports as read, kept for a second analysis of the same org (a plan's after reads what its before read): each
/// table by the fields it was read with, so a read with other fields (a second read of names) reads the file.
final class ReadCache: Sendable {
    private let tables = Mutex<[String: RawTable]>([:])

    /// The table read for `key`, or `read()`'s, kept.
    func table(_ key: String, read: () throws(RunError) -> RawTable) throws(RunError) -> RawTable {
        if let kept = tables.withLock({ $0[key] }) { return kept }
        let table = try read()
        tables.withLock { $0[key] = table }
        return table
    }
}
