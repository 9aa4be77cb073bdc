internal import CLibCSV

/// The one owner of a libcsv parser: splits a single record (already cut out by `RecordScanner`) into
/// fields, in strict mode. No libcsv type or pointer leaves this file.
final class FieldSplitter {
    enum Outcome: Equatable {
        case fields
        /// libcsv rejected the quoting; `offset` is where, counted in bytes from the record's start.
        case badQuoting(offset: Int, reason: String)
        /// The input ended inside a quoted field (only possible for the last record).
        case unterminatedQuote
    }

    /// Where libcsv's callbacks write; reached through a stable pointer so no class (and no runtime
    /// exclusivity check or retain) sits on the per-field path.
    struct Fields {
        var bytes: [UInt8] = []
        var ends: [Int] = []

        var count: Int { ends.count }

        func range(_ index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }

        mutating func reset() {
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
        }
    }

    private let parser: UnsafeMutablePointer<csv_parser>
    private let sink: UnsafeMutablePointer<Fields>
    private let delimiter: UInt8

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        parser = .allocate(capacity: 1)
        sink = .allocate(capacity: 1)
        sink.initialize(to: Fields())
        Self.start(parser, delimiter: delimiter)
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
        sink.deinitialize(count: 1)
        sink.deallocate()
    }

    /// The fields of the last record split; valid until the next call to `split`.
    var fields: Fields { sink.pointee }

    /// Splits one record given without its line terminator.
    func split(_ record: UnsafeBufferPointer<UInt8>) -> Outcome {
        sink.pointee.reset()
        let consumed = csv_parse(parser, record.baseAddress, record.count, Self.onField, nil, sink)
        if consumed != record.count || csv_error(parser) != CSV_SUCCESS {
            return fail(.badQuoting(offset: consumed, reason: Self.reason(csv_error(parser))))
        }
        if csv_fini(parser, Self.onField, nil, sink) != 0 {
            return fail(.unterminatedQuote)
        }
        return .fields
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
        // Keep spaces: ids are trimmed later, and names or titles must arrive as exported.
        csv_set_space_func(parser) { _ in 0 }
    }

    private static func reason(_ code: Int32) -> String {
        guard let text = csv_strerror(code) else { return "parse error \(code)" }
        return String(cString: text)
    }

    private static let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        field, length, context in
        let fields = context!.assumingMemoryBound(to: Fields.self)
        if let field, length > 0 {
            fields.pointee.bytes.append(contentsOf: UnsafeRawBufferPointer(start: field, count: length))
        }
        fields.pointee.ends.append(fields.pointee.bytes.count)
    }
}
