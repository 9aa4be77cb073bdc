internal import CLibCSV
import Glibc
import OrgLensModel

/// The one owner of a libcsv parser: splits a single record (already cut out by `RecordScanner`)
/// in strict mode, copying only the selected fields straight into their output columns. A record without a
/// quote or a line break is split without it, as it would split it (`CSVPlainRecordTests` holds the two alike).
/// No libcsv type or pointer leaves this file.
final class FieldSplitter {
    enum Outcome: Equatable {
        /// The record had `count` fields.
        case fields(count: Int)
        /// libcsv rejected the quoting; `offset` is where, counted in bytes from the record's start.
        case badQuoting(offset: Int, reason: String)
        /// The input ended inside a quoted field (only possible for the last record).
        case unterminatedQuote
    }

    /// Where libcsv's callbacks write; reached through a stable pointer so no class (and no runtime
    /// exclusivity check or retain) sits on the per-field path.
    struct Sink {
        /// Header column → output column, or -1 for columns nobody asked for.
        var target: [Int32]
        var columns: [TextColumn]
        var fieldIndex = 0
        /// Header mode: every field goes to `all`.
        var collectAll: Bool
        var all = TextColumn()
    }

    private let parser: UnsafeMutablePointer<csv_parser>
    private let sink: UnsafeMutablePointer<Sink>
    private let delimiter: UInt8

    /// A splitter that keeps every field (for the header line).
    convenience init(delimiter: UInt8) {
        self.init(delimiter: delimiter, target: [], columnCount: 0, collectAll: true)
    }

    /// A splitter that appends header column `c` to output column `target[c]` (when ≥ 0).
    convenience init(delimiter: UInt8, target: [Int32], columnCount: Int) {
        self.init(delimiter: delimiter, target: target, columnCount: columnCount, collectAll: false)
    }

    private init(delimiter: UInt8, target: [Int32], columnCount: Int, collectAll: Bool) {
        self.delimiter = delimiter
        parser = .allocate(capacity: 1)
        sink = .allocate(capacity: 1)
        sink.initialize(
            to: Sink(
                target: target, columns: Array(repeating: TextColumn(), count: columnCount), collectAll: collectAll))
        Self.start(parser, delimiter: delimiter)
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
        sink.deinitialize(count: 1)
        sink.deallocate()
    }

    /// Every field of the last record split in collect-all mode.
    var allFields: TextColumn { sink.pointee.all }

    func reserve(values: Int, bytes: Int) {
        for index in sink.pointee.columns.indices {
            sink.pointee.columns[index].reserveCapacity(values: values, bytes: bytes)
        }
    }

    /// The first output column holding more than `bytes` bytes of text.
    func column(over bytes: Int) -> Int? {
        sink.pointee.columns.firstIndex { $0.byteCount > bytes }
    }

    /// Takes back the values a rejected record appended: every column is cut to at most `count` values.
    func truncate(toCount count: Int) {
        for index in sink.pointee.columns.indices { sink.pointee.columns[index].truncate(toCount: count) }
    }

    /// The last value appended to output column `column`, if the last record reached it.
    func lastValue(inColumn column: Int, ifCountExceeds count: Int) -> String? {
        let values = sink.pointee.columns[column]
        return values.count > count ? values.trimmedString(at: values.count - 1) : nil
    }

    /// The output columns, leaving the splitter empty.
    func takeColumns() -> [TextColumn] {
        let columns = sink.pointee.columns
        sink.pointee.columns = Array(repeating: TextColumn(), count: columns.count)
        return columns
    }

    /// Splits one record given without its line terminator.
    func split(_ record: UnsafeBufferPointer<UInt8>) -> Outcome {
        sink.pointee.fieldIndex = 0
        if sink.pointee.collectAll { sink.pointee.all = TextColumn() }
        if Self.isPlain(record) { return .fields(count: splitPlain(record)) }
        let consumed = csv_parse(parser, record.baseAddress, record.count, Self.onField, nil, sink)
        if consumed != record.count || csv_error(parser) != CSV_SUCCESS {
            return fail(.badQuoting(offset: consumed, reason: Self.reason(csv_error(parser))))
        }
        if csv_fini(parser, Self.onField, nil, sink) != 0 {
            return fail(.unterminatedQuote)
        }
        return .fields(count: sink.pointee.fieldIndex)
    }

    /// Neither a quote nor a line break: nothing libcsv could reject, and nothing its state machine is needed for.
    private static func isPlain(_ record: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = record.baseAddress else { return true }
        return memchr(base, 0x22, record.count) == nil && memchr(base, 0x0A, record.count) == nil
            && memchr(base, 0x0D, record.count) == nil
    }

    /// A plain record split as libcsv splits it: at each delimiter, spaces and tabs trimmed from both ends of each
    /// field, and a record of nothing but spaces and tabs (or nothing) has no field at all. Most records are plain,
    /// and splitting them here spares libcsv's byte-at-a-time copy of every field and a call back per field.
    private func splitPlain(_ record: UnsafeBufferPointer<UInt8>) -> Int {
        let count = record.count
        let isSpace = { (byte: UInt8) in (byte == 0x20 || byte == 0x09) && byte != self.delimiter }
        guard record.contains(where: { !isSpace($0) }) else { return 0 }
        var fieldStart = 0
        while true {
            var end = fieldStart
            while end < count, record[end] != delimiter { end += 1 }
            var lower = fieldStart
            var upper = end
            while lower < upper, isSpace(record[lower]) { lower += 1 }
            while upper > lower, isSpace(record[upper - 1]) { upper -= 1 }
            Self.deliver(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: record[lower..<upper])), to: sink)
            guard end < count else { break }
            fieldStart = end + 1
        }
        return sink.pointee.fieldIndex
    }

    /// libcsv cannot continue after an error, so a failed parser is replaced by a fresh one.
    private func fail(_ outcome: Outcome) -> Outcome {
        csv_free(parser)
        Self.start(parser, delimiter: delimiter)
        return outcome
    }

    private static func start(_ parser: UnsafeMutablePointer<csv_parser>, delimiter: UInt8) {
        // csv_init fails only for invalid options, which are constant here.
        precondition(csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)) == 0, "libcsv rejected constant options")
        csv_set_delim(parser, delimiter)
    }

    private static func reason(_ code: Int32) -> String {
        guard let text = csv_strerror(code) else { return "parse error \(code)" }
        return String(cString: text)
    }

    private static let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        field, length, context in
        deliver(
            UnsafeRawBufferPointer(start: field, count: field == nil ? 0 : length),
            to: context!.assumingMemoryBound(to: Sink.self))
    }

    /// The next field of the record: kept in its output column, if one asked for it.
    private static func deliver(_ bytes: UnsafeRawBufferPointer, to sink: UnsafeMutablePointer<Sink>) {
        let index = sink.pointee.fieldIndex
        sink.pointee.fieldIndex = index + 1
        if sink.pointee.collectAll {
            sink.pointee.all.append(bytes)
        } else if index < sink.pointee.target.count {
            let column = Int(sink.pointee.target[index])
            if column >= 0 { sink.pointee.columns[column].append(bytes) }
        }
    }
}
