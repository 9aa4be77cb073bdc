internal import CLibCSV
import Glibc
import OrgLensModel

/// The one owner of a libcsv parser: splits a single record (already cut out by `RecordScanner`)
/// in strict mode, copying only the selected fields straight into their output columns. A record without a
/// quote inside a field or a line break is split without it, as it would split it (`CSVPlainRecordTests` holds
/// the two alike).
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
        if let count = splitSimple(record) { return .fields(count: count) }
        let consumed = csv_parse(parser, record.baseAddress, record.count, Self.onField, nil, sink)
        if consumed != record.count || csv_error(parser) != CSV_SUCCESS {
            return fail(.badQuoting(offset: consumed, reason: Self.reason(csv_error(parser))))
        }
        if csv_fini(parser, Self.onField, nil, sink) != 0 {
            return fail(.unterminatedQuote)
        }
        return .fields(count: sink.pointee.fieldIndex)
    }

    /// A record split as libcsv splits it, when its fields are simple: unquoted fields (spaces and tabs trimmed from
    /// both ends) and quoted ones without a quote inside (kept verbatim; spaces after the closing quote dropped).
    /// A record of nothing but spaces and tabs has no field at all. Anything else (an escaped quote, a line break,
    /// what strict mode rejects) is nil and left to libcsv. Most records are simple, and splitting them here
    /// spares libcsv's byte-at-a-time copy of every field and a call back per field.
    private func splitSimple(_ record: UnsafeBufferPointer<UInt8>) -> Int? {
        withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: Self.simpleFieldLimit) { fields in
            guard let count = Self.simpleFields(record, delimiter: delimiter, into: fields) else { return nil }
            for field in fields.prefix(count) {
                Self.deliver(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: record[field])), to: sink)
            }
            return count
        }
    }

    /// More fields than this go to libcsv (the field ranges are noted on the stack first).
    private static let simpleFieldLimit = 256

    /// The ranges of a simple record's values, written to `fields`, and how many; nil when libcsv must judge.
    private static func simpleFields(
        _ record: UnsafeBufferPointer<UInt8>, delimiter: UInt8, into fields: UnsafeMutableBufferPointer<Range<Int>>
    ) -> Int? {
        let count = record.count
        guard let base = record.baseAddress else { return 0 }
        // A line break is inside a quoted field (the scanner ends records at the others): libcsv's. Without a quote
        // anywhere, the scan for the next delimiter needs to look for nothing else.
        if memchr(base, 0x0A, count) != nil || memchr(base, 0x0D, count) != nil { return nil }
        let hasQuote = memchr(base, Int32(quote), count) != nil
        var position = 0
        var found = 0
        while true {
            while position < count, isSpace(record[position], delimiter) { position += 1 }
            var end = position
            let field: Range<Int>
            if position < count, record[position] == quote {
                var closing = position + 1
                while closing < count, record[closing] != quote { closing += 1 }
                end = closing + 1
                while end < count, isSpace(record[end], delimiter) { end += 1 }
                // Unclosed, an escaped quote, or text after the closing quote: libcsv's to judge.
                guard closing < count, end >= count || record[end] == delimiter else { return nil }
                field = (position + 1)..<closing
            } else {
                if hasQuote {
                    while end < count, record[end] != delimiter {
                        if record[end] == quote { return nil }
                        end += 1
                    }
                } else {
                    while end < count, record[end] != delimiter { end += 1 }
                }
                var upper = end
                while upper > position, isSpace(record[upper - 1], delimiter) { upper -= 1 }
                // Nothing but spaces and tabs, and no delimiter: libcsv sees no field at all.
                if found == 0, end >= count, upper == position { return 0 }
                field = position..<upper
            }
            guard found < fields.count else { return nil }
            fields[found] = field
            found += 1
            guard end < count else { return found }
            position = end + 1
        }
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8, _ delimiter: UInt8) -> Bool {
        (byte == 0x20 || byte == 0x09) && byte != delimiter
    }

    private static let quote = UInt8(ascii: "\"")

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
