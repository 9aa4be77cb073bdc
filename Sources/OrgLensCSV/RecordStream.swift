import OrgLensInput
import OrgLensModel

/// One record as cut out of the decoded stream, without its line terminator. `bytes` is valid only
/// during the callback that receives it.
struct ScannedRecord {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Line the record starts on, counted from the stream's first line.
    let line: Int
    let flaw: RecordFlaw?
    /// The input ended inside this record's quoted field.
    let endsInsideQuotes: Bool
    let format: StreamFormat
}

/// What the stream learned from the file's first block.
struct StreamFormat: Sendable {
    let delimiter: UInt8
    /// The bytes are the file's own UTF-8 (not transcoded), so they still need validating.
    let needsUTF8Validation: Bool
}

/// Problems found before a record is split into fields.
enum RecordFlaw: Equatable {
    case strayQuote, nulByte, fieldTooLong, recordTooLong
}

/// File → decoded UTF-8 blocks → records with line numbers. Reads either the whole file (hashing it,
/// detecting encoding and delimiter) or one byte range of a UTF-8 file for a parallel worker.
struct RecordStream: ~Copyable {
    /// Where a range stream stopped: the offset of the first record it did not read, and how many
    /// lines it consumed up to there.
    struct Stop {
        let offset: Int
        let linesConsumed: Int
    }

    private let reader: ByteBlockReader
    private var decoder: SourceDecoder
    private let requestedDelimiter: UInt8?
    private let knownFormat: StreamFormat?
    private let limits: CSVLimits
    private let startOffset: Int
    private let stopAfter: Int?
    /// Reading only the header: a first record past the record limit ends the run at once, instead of
    /// scanning a file with no line break (or gigabytes of zeros) to its end.
    var headerOnly = false
    /// The source's name for that message.
    var sourceName = ""

    /// The whole file, from its first byte.
    init(path: String, dialect: CSVDialect, limits: CSVLimits) throws(RunError) {
        reader = try ByteBlockReader(path: path)
        decoder = SourceDecoder(encoding: dialect.encoding)
        requestedDelimiter = dialect.delimiter
        knownFormat = nil
        self.limits = limits
        startOffset = 0
        stopAfter = nil
    }

    /// UTF-8 bytes from `start` (a record start), stopping before the first record that starts at or
    /// after `stopAfter`. Not hashed: a separate pass hashes the file.
    init(path: String, format: StreamFormat, limits: CSVLimits, start: Int, stopAfter: Int) throws(RunError) {
        reader = try ByteBlockReader(path: path, offset: start, hashing: false)
        decoder = SourceDecoder(passthrough: ())
        requestedDelimiter = format.delimiter
        knownFormat = format
        self.limits = limits
        startOffset = start
        self.stopAfter = stopAfter
    }

    func fileInfo(displayPath: String) -> SourceFileInfo { reader.info(displayPath: displayPath) }

    /// Bytes before the decoded stream's first byte (a UTF-8 byte-order mark).
    var skippedPrefix: Int { decoder.skippedPrefix }

    var fileSize: Int { reader.fileSize }

    /// Calls `body` for every non-blank record, in file order, until it returns false; returns where
    /// it stopped (offsets count decoded bytes; for a UTF-8 file, file bytes after any byte-order mark).
    @discardableResult
    mutating func forEachRecord(_ body: (ScannedRecord) throws(RunError) -> Bool) throws(RunError) -> Stop {
        if let stopAfter, startOffset >= stopAfter { return Stop(offset: startOffset, linesConsumed: 0) }
        guard var block = try nextDecodedBlock() else { return Stop(offset: startOffset, linesConsumed: 0) }
        let format =
            knownFormat
            ?? StreamFormat(
                delimiter: requestedDelimiter ?? Self.detectDelimiter(in: block),
                needsUTF8Validation: decoder.isUTF8Source)
        var scanner = RecordScanner(delimiter: format.delimiter, maxFieldBytes: limits.maxFieldBytes)
        var carry: [UInt8] = []
        var carryOverflowed = false
        var base = startOffset
        scanner.beginRecord(at: base)
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
                    var wantsMore = true
                    if carry.isEmpty {
                        if end > recordStart {
                            let flaw = Self.flaw(scanner.flaw, overflowed: false)
                            wantsMore = try block.withUnsafeBufferPointer { buffer throws(RunError) in
                                let record = UnsafeBufferPointer(rebasing: buffer[recordStart..<end])
                                return try body(
                                    ScannedRecord(
                                        bytes: record, line: scanner.recordLine, flaw: flaw, endsInsideQuotes: false,
                                        format: format))
                            }
                        }
                    } else {
                        append(block[recordStart..<end], to: &carry, overflowed: &carryOverflowed)
                        let flaw = Self.flaw(scanner.flaw, overflowed: carryOverflowed)
                        wantsMore = try carry.withUnsafeBufferPointer { buffer throws(RunError) in
                            try body(
                                ScannedRecord(
                                    bytes: buffer, line: scanner.recordLine, flaw: flaw, endsInsideQuotes: false,
                                    format: format))
                        }
                        carry.removeAll(keepingCapacity: carry.capacity <= 1 << 20)
                    }
                    carryOverflowed = false
                    recordStart = next
                    position = next
                    scanner.beginRecord(at: base + next)
                    if !wantsMore || stopAfter.map({ base + next >= $0 }) == true {
                        return Stop(offset: base + next, linesConsumed: scanner.line - 1)
                    }
                case .needMore:
                    append(block[recordStart...], to: &carry, overflowed: &carryOverflowed)
                    if headerOnly, carryOverflowed {
                        throw RunError(
                            .badData,
                            "\(sourceName): the first line is longer than \(limits.maxRecordBytes) bytes without a line break; this is not a CSV export (or it is in another encoding)."
                        )
                    }
                    finishedBlock = true
                }
            }
            base += block.count
            guard let next = try nextDecodedBlock(reusing: consume block) else {
                block = []
                break
            }
            block = next
        }
        if scanner.isInsideQuotes || !carry.isEmpty {
            let insideQuotes = scanner.isInsideQuotes
            scanner.finishAtEndOfInput(at: base)
            let flaw = Self.flaw(scanner.flaw, overflowed: carryOverflowed)
            _ = try carry.withUnsafeBufferPointer { buffer throws(RunError) in
                try body(
                    ScannedRecord(
                        bytes: buffer, line: scanner.recordLine, flaw: flaw, endsInsideQuotes: insideQuotes,
                        format: format))
            }
        }
        return Stop(offset: base, linesConsumed: scanner.line - 1)
    }

    /// The next decoded block. UTF-8 blocks are the read buffer itself, reused once the caller is done with it.
    private mutating func nextDecodedBlock(reusing previous: [UInt8]? = nil) throws(RunError) -> [UInt8]? {
        var raw = previous ?? []
        while try reader.read(into: &raw) {
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
