import OrgLensInput
import OrgLensModel

/// One record as cut out of the decoded stream, without its line terminator. `bytes` is valid only
/// during the callback that receives it.
struct ScannedRecord {
    let bytes: UnsafeBufferPointer<UInt8>
    let line: Int
    let flaw: RecordFlaw?
    /// The input ended inside this record's quoted field.
    let endsInsideQuotes: Bool
    let format: StreamFormat
}

/// What the stream learned from the file's first block.
struct StreamFormat {
    let delimiter: UInt8
    /// The bytes are the file's own UTF-8 (not transcoded), so they still need validating.
    let needsUTF8Validation: Bool
}

/// Problems found before a record is split into fields.
enum RecordFlaw: Equatable {
    case strayQuote, nulByte, fieldTooLong, recordTooLong
}

/// File → decoded UTF-8 blocks → records with line numbers. Shared by the reading pass and the
/// pass that fetches the raw text of rows rejected by later stages.
struct RecordStream: ~Copyable {
    private let reader: ByteBlockReader
    private var decoder: SourceDecoder
    private let requestedDelimiter: UInt8?
    private let limits: CSVLimits

    init(path: String, dialect: CSVDialect, limits: CSVLimits) throws(RunError) {
        reader = try ByteBlockReader(path: path)
        decoder = SourceDecoder(encoding: dialect.encoding)
        requestedDelimiter = dialect.delimiter
        self.limits = limits
    }

    func fileInfo(displayPath: String) -> SourceFileInfo { reader.info(displayPath: displayPath) }

    /// Calls `body` for every non-blank record, in file order.
    mutating func forEachRecord(_ body: (ScannedRecord) throws(RunError) -> Void) throws(RunError) {
        guard var block = try nextDecodedBlock() else { return }
        let format = StreamFormat(
            delimiter: requestedDelimiter ?? Self.detectDelimiter(in: block),
            needsUTF8Validation: decoder.isUTF8Source)
        let delimiter = format.delimiter
        var scanner = RecordScanner(delimiter: delimiter, maxFieldBytes: limits.maxFieldBytes)
        var carry: [UInt8] = []
        var carryOverflowed = false
        var base = 0
        scanner.beginRecord(at: 0)
        while true {
            var recordStart = 0
            var position = 0
            var finishedBlock = false
            while !finishedBlock {
                let step = block.withUnsafeBufferPointer { scanner.scan($0, base: base, from: position) }
                switch step {
                case .terminatorRemainder(let next):
                    recordStart = next
                    position = next
                    scanner.beginRecord(at: base + next)
                case .recordEnd(let end, let next):
                    if carry.isEmpty {
                        if end > recordStart {
                            let flaw = Self.flaw(scanner.flaw, overflowed: false)
                            try block.withUnsafeBufferPointer { buffer throws(RunError) in
                                let record = UnsafeBufferPointer(rebasing: buffer[recordStart..<end])
                                try body(ScannedRecord(bytes: record, line: scanner.recordLine, flaw: flaw, endsInsideQuotes: false, format: format))
                            }
                        }
                    } else {
                        append(block[recordStart..<end], to: &carry, overflowed: &carryOverflowed)
                        let flaw = Self.flaw(scanner.flaw, overflowed: carryOverflowed)
                        try carry.withUnsafeBufferPointer { buffer throws(RunError) in
                            try body(ScannedRecord(bytes: buffer, line: scanner.recordLine, flaw: flaw, endsInsideQuotes: false, format: format))
                        }
                        carry.removeAll(keepingCapacity: carry.capacity <= 1 << 20)
                    }
                    carryOverflowed = false
                    recordStart = next
                    position = next
                    scanner.beginRecord(at: base + next)
                case .needMore:
                    append(block[recordStart...], to: &carry, overflowed: &carryOverflowed)
                    finishedBlock = true
                }
            }
            base += block.count
            guard let next = try nextDecodedBlock() else { break }
            block = next
        }
        if scanner.isInsideQuotes || !carry.isEmpty {
            let insideQuotes = scanner.isInsideQuotes
            scanner.finishAtEndOfInput(at: base)
            let flaw = Self.flaw(scanner.flaw, overflowed: carryOverflowed)
            try carry.withUnsafeBufferPointer { buffer throws(RunError) in
                try body(ScannedRecord(bytes: buffer, line: scanner.recordLine, flaw: flaw, endsInsideQuotes: insideQuotes, format: format))
            }
        }
    }

    private mutating func nextDecodedBlock() throws(RunError) -> [UInt8]? {
        while let raw = try reader.next() {
            let decoded = try decoder.decode(raw)
            if !decoded.isEmpty { return decoded }
        }
        return nil
    }

    /// Buffers a record that spans blocks, but never more than the record limit: past it, only the
    /// first bytes are kept (for the quarantine's `raw`) and the record is marked too long.
    private func append(_ bytes: ArraySlice<UInt8>, to carry: inout [UInt8], overflowed: inout Bool) {
        if overflowed {
            return
        }
        if carry.count + bytes.count > limits.maxRecordBytes {
            overflowed = true
            let room = max(0, limits.maxRawBytes - carry.count)
            if carry.count > limits.maxRawBytes { carry.removeSubrange(limits.maxRawBytes...) }
            carry.append(contentsOf: bytes.prefix(room))
            return
        }
        carry.append(contentsOf: bytes)
    }

    private static func flaw(_ scanned: RecordScanner.Flaw?, overflowed: Bool) -> RecordFlaw? {
        if overflowed { return .recordTooLong }
        switch scanned {
        case .none: return nil
        case .strayQuote: return .strayQuote
        case .nulByte: return .nulByte
        case .fieldTooLong: return .fieldTooLong
        }
    }

    /// The candidate that occurs most often outside quotes on the first line; comma on a tie.
    static func detectDelimiter(in block: [UInt8]) -> UInt8 {
        var counts = [Int](repeating: 0, count: CSVDialect.candidateDelimiters.count)
        var insideQuotes = false
        for byte in block {
            if byte == UInt8(ascii: "\"") {
                insideQuotes.toggle()
            } else if !insideQuotes {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                if let index = CSVDialect.candidateDelimiters.firstIndex(of: byte) { counts[index] += 1 }
            }
        }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        return CSVDialect.candidateDelimiters[best]
    }
}
