/// Finds where each CSV record ends, tracking quotes the way RFC 4180 defines them.
///
/// libcsv cannot resume after a parse error and does not report line numbers, so record boundaries
/// are found here first: a record with bad quoting is then isolated (quarantined) and reading goes on
/// at the next one, and every record knows the line it starts on. The scan also flags NUL bytes and
/// over-long fields before any of their bytes are buffered.
struct RecordScanner {
    enum Flaw: Equatable {
        case strayQuote
        case nulByte
        case fieldTooLong
    }

    enum Step {
        /// The record ends before `end`; the next one starts at `next` (after the terminator).
        case recordEnd(end: Int, next: Int)
        /// The block began with the LF of a CRLF split across blocks; the next record starts at `next`.
        case terminatorRemainder(next: Int)
        /// The block ended inside the record.
        case needMore
    }

    /// `afterQuote`: spaces after a closing quote, which libcsv accepts before a delimiter.
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterQuote }

    private let delimiter: UInt8
    private let maxFieldBytes: Int
    private var state: State = .fieldStart
    /// The previous block ended on a CR terminator; a leading LF in the next block belongs to it.
    private var swallowLF = false
    /// Absolute offset (in the decoded stream) where the current field began.
    private var fieldStart = 0
    /// Line the scan position is on, 1-based.
    private(set) var line = 1
    /// Line the current record starts on.
    private(set) var recordLine = 1
    private(set) var flaw: Flaw?

    /// True when the stream ended inside a quoted field.
    var isInsideQuotes: Bool { state == .quoted }

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    init(delimiter: UInt8, maxFieldBytes: Int) {
        self.delimiter = delimiter
        self.maxFieldBytes = maxFieldBytes
    }

    /// Starts a new record at absolute offset `offset`.
    mutating func beginRecord(at offset: Int) {
        state = .fieldStart
        fieldStart = offset
        recordLine = line
        flaw = nil
    }

    /// Scans `block` (which starts at absolute offset `base`) from `position`.
    mutating func scan(_ block: UnsafeBufferPointer<UInt8>, base: Int, from position: Int) -> Step {
        var index = position
        let end = block.count
        if swallowLF, index < end {
            swallowLF = false
            if block[index] == Self.lineFeed { return .terminatorRemainder(next: index + 1) }
        }
        while index < end {
            let byte = block[index]
            switch state {
            case .fieldStart:
                if byte == Self.quote {
                    state = .quoted
                    index += 1
                    continue
                }
                // libcsv skips spaces before a field, so a quote after them still opens a quoted field.
                if Self.isSpace(byte), byte != delimiter {
                    index += 1
                    continue
                }
                state = .unquoted
                continue
            case .unquoted:
                // Tight loop over ordinary bytes: most of a file is unquoted text.
                while index < end, !Self.isSpecial(block[index], delimiter) { index += 1 }
                guard index < end else { break }
                let special = block[index]
                if special == delimiter {
                    endField(at: base + index)
                    index += 1
                } else if special == Self.lineFeed || special == Self.carriageReturn {
                    return finishRecord(block, base: base, at: index)
                } else if special == Self.quote {
                    mark(.strayQuote)
                    index += 1
                } else {
                    mark(.nulByte)
                    index += 1
                }
            case .quoted:
                if byte == Self.quote {
                    state = .quoteInQuoted
                } else if byte == Self.lineFeed {
                    line += 1
                } else if byte == 0 {
                    mark(.nulByte)
                }
                index += 1
            case .quoteInQuoted, .afterQuote:
                if byte == Self.quote, state == .quoteInQuoted {
                    state = .quoted
                    index += 1
                } else if Self.isSpace(byte), byte != delimiter {
                    state = .afterQuote
                    index += 1
                } else if byte == delimiter {
                    endField(at: base + index)
                    index += 1
                } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                    return finishRecord(block, base: base, at: index)
                } else {
                    mark(.strayQuote)
                    state = .unquoted
                }
            }
        }
        if base + end - fieldStart > maxFieldBytes { mark(.fieldTooLong) }
        return .needMore
    }

    /// Called at end of input for a record that has no terminator.
    mutating func finishAtEndOfInput(at offset: Int) {
        endField(at: offset)
    }

    private mutating func finishRecord(_ block: UnsafeBufferPointer<UInt8>, base: Int, at index: Int) -> Step {
        endField(at: base + index)
        line += 1
        if block[index] == Self.carriageReturn {
            if index + 1 < block.count {
                if block[index + 1] == Self.lineFeed { return .recordEnd(end: index, next: index + 2) }
            } else {
                swallowLF = true
            }
        }
        return .recordEnd(end: index, next: index + 1)
    }

    private mutating func endField(at offset: Int) {
        if offset - fieldStart > maxFieldBytes { mark(.fieldTooLong) }
        fieldStart = offset + 1
        state = .fieldStart
    }

    private mutating func mark(_ newFlaw: Flaw) {
        if flaw == nil { flaw = newFlaw }
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    @inline(__always)
    private static func isSpecial(_ byte: UInt8, _ delimiter: UInt8) -> Bool {
        byte == delimiter || byte == lineFeed || byte == carriageReturn || byte == quote || byte == 0
    }
}
