package import OrgLensModel

/// A streaming JSON writer into a byte buffer, with one fixed layout so output is byte-stable:
/// containers opened `multiline` put each element on its own indented line; others stay on one line.
/// Tables are multiline arrays of one-line records, which keeps diffs of golden files readable.
package struct JSONWriter: Sendable {
    /// Finished pieces of the document, in order, followed by `tail`. Large tables arrive as whole
    /// rendered chunks and are kept as pieces, so a 150 MB document is never copied into one buffer.
    private var segments: [[UInt8]] = []
    private var tail: [UInt8] = []
    /// The innermost open container, kept out of `enclosing` because every value touches it.
    private var top: Frame?
    private var enclosing: [Frame] = []

    private struct Frame {
        let multiline: Bool
        var count = 0
    }

    /// Open containers, the innermost included.
    private var depth: Int { enclosing.count + (top == nil ? 0 : 1) }
    private var afterKey = false

    package init() {}

    package mutating func beginObject(multiline: Bool = false) { open(UInt8(ascii: "{"), multiline: multiline) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    package mutating func beginArray(multiline: Bool = false) { open(UInt8(ascii: "["), multiline: multiline) }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// `name` is one of the program's own keys: plain ASCII, never escaped.
    package mutating func key(_ name: String) {
        separate()
        assert(
            !name.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") },
            "keys need no escaping")
        tail.append(UInt8(ascii: "\""))
        if name.utf8.withContiguousStorageIfAvailable({ tail.append(contentsOf: $0) }) == nil {
            tail.append(contentsOf: name.utf8)
        }
        tail.append(UInt8(ascii: "\""))
        tail.append(UInt8(ascii: ":"))
        tail.append(UInt8(ascii: " "))
        afterKey = true
    }

    package mutating func string(_ value: String?) {
        separate()
        guard let value else { return appendLiteral("null") }
        appendString(value)
    }

    package mutating func int(_ value: Int?) {
        separate()
        guard let value else { return appendLiteral("null") }
        appendDigits(value)
    }

    package mutating func bool(_ value: Bool) {
        separate()
        appendLiteral(value ? "true" : "false")
    }

    /// A number rounded half away from zero to 4 decimals, without trailing zeros (`2.5`, `5.3333`, `4`).
    package mutating func decimal(_ value: Double?) {
        separate()
        guard let value, value.isFinite else { return appendLiteral("null") }
        appendDecimal(value)
    }

    /// A decimal written as its exact digits (`1.3`, `0.012`): rates and multipliers never pass through `Double`.
    package mutating func field(_ name: String, exactly value: ExactDecimal) {
        key(name)
        separate()
        appendLiteral(value.description)
    }

    /// An amount of money given in cents, written exactly: `1234.5`, `812500`, `0.07`.
    package mutating func cents(_ value: Int64?) {
        separate()
        guard let value else { return appendLiteral("null") }
        appendLiteral(Self.centsText(value))
    }

    /// An amount in cents as the documents write it (`1234.5`, `0.07`): exact, never through `Double`.
    package static func centsText(_ value: Int64) -> String {
        var text = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        text += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return text
    }

    package mutating func null() {
        separate()
        appendLiteral("null")
    }

    /// Renders `rows` as one-line elements, a chunk of rows per Dispatch worker, and places them in
    /// order: the bytes are the same as writing them one by one, for any worker count. Each chunk is
    /// one buffer with its separators already in it, so a million rows cost a handful of allocations.
    ///
    /// With `emit`, rows are rendered a window at a time and every finished piece goes to `emit` at
    /// once, so a table of any length holds only one window of rendered bytes in memory.
    package mutating func elements<Row: Sendable>(
        _ rows: [Row], workers: Int, _ write: @escaping @Sendable (Row, inout JSONWriter) -> Void
    ) {
        renderElements(rows, workers: workers, emit: nil, write)
    }

    package mutating func elements<Row: Sendable>(
        _ rows: [Row], workers: Int, emit: ([UInt8]) -> Void,
        _ write: @escaping @Sendable (Row, inout JSONWriter) -> Void
    ) {
        withoutActuallyEscaping(emit) { emit in renderElements(rows, workers: workers, emit: emit, write) }
    }

    private mutating func renderElements<Row: Sendable>(
        _ rows: [Row], workers: Int, emit: (([UInt8]) -> Void)?,
        _ write: @escaping @Sendable (Row, inout JSONWriter) -> Void
    ) {
        guard !rows.isEmpty else { return }
        guard let frame = top else { preconditionFailure("elements need an open array") }
        let indentation = [UInt8](repeating: UInt8(ascii: " "), count: 2 * depth)
        let between: [UInt8] =
            frame.multiline ? [UInt8(ascii: ","), UInt8(ascii: "\n")] + indentation : Array(", ".utf8)
        let leading: [UInt8] = frame.count > 0 ? between : (frame.multiline ? [UInt8(ascii: "\n")] + indentation : [])
        let window = emit == nil ? rows.count : Self.streamingWindow
        for start in stride(from: 0, to: rows.count, by: window) {
            let end = min(rows.count, start + window)
            // More chunks than workers, so one slow chunk does not leave a core idle.
            let chunks = parallelChunks(
                count: end - start, workers: workers > 1 ? workers * 4 : 1, serialThreshold: 4096
            ) { range in
                var chunk = JSONWriter()
                for index in range {
                    chunk.tail.append(contentsOf: start + index == 0 ? leading : between)
                    write(rows[start + index], &chunk)
                }
                return chunk.tail
            }
            segments.append(tail)
            segments.append(contentsOf: chunks)
            tail = []
            if let emit { drainSegments().forEach(emit) }
        }
        top?.count += rows.count
    }

    /// Rows per window when streaming: a few MB of output, enough to keep every worker busy.
    static let streamingWindow = 32_768

    /// Convenience for `key` followed by a value.
    package mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }
    package mutating func field(_ name: String, _ value: Int?) {
        key(name)
        int(value)
    }
    package mutating func field(_ name: String, decimal value: Double?) {
        key(name)
        decimal(value)
    }
    package mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// Everything written so far, as one buffer (for small documents and tests).
    package var bytes: [UInt8] { segments.flatMap { $0 } + tail }

    /// Takes the finished pieces written so far (whole table chunks and what preceded them), leaving
    /// only the open tail: a streaming caller writes them out and lets them go.
    package mutating func drainSegments() -> [[UInt8]] {
        let pieces = segments.filter { !$0.isEmpty }
        segments = []
        return pieces
    }

    /// The document, with a final newline, as one buffer.
    package consuming func finished() -> [UInt8] {
        finishedSegments().flatMap { $0 }
    }

    /// The document, with a final newline, as the pieces it was written in (moved out, not copied:
    /// documents reach hundreds of MB).
    package consuming func finishedSegments() -> [[UInt8]] {
        precondition(top == nil, "unbalanced JSON containers")
        tail.append(UInt8(ascii: "\n"))
        var pieces = segments
        pieces.append(tail)
        segments = []
        tail = []
        return pieces.filter { !$0.isEmpty }
    }

    /// Digits straight into the buffer: a `String` per number cost more than the rest of a row.
    private mutating func appendDecimal(_ value: Double) {
        let scaled = (value * 10_000).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e15 else { return appendLiteral(String(value)) }
        let units = Int64(scaled)
        if units < 0 { tail.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        appendDigits(Int(magnitude / 10_000))
        var fraction = Int(magnitude % 10_000)
        guard fraction != 0 else { return }
        var digits = 4
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        tail.append(UInt8(ascii: "."))
        var divisor = digits == 4 ? 1000 : digits == 3 ? 100 : digits == 2 ? 10 : 1
        while divisor > 0 {
            tail.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    private mutating func open(_ bracket: UInt8, multiline: Bool) {
        separate()
        tail.append(bracket)
        if let top { enclosing.append(top) }
        top = Frame(multiline: multiline)
    }

    private mutating func close(_ bracket: UInt8) {
        guard let frame = top else { preconditionFailure("close without open") }
        top = enclosing.popLast()
        if frame.multiline, frame.count > 0 { newline() }
        tail.append(bracket)
    }

    /// Writes what must precede a value or key: a comma, and a newline with indentation in multiline containers.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let frame = top else { return }
        if frame.count > 0 { tail.append(UInt8(ascii: ",")) }
        if frame.multiline {
            newline()
        } else if frame.count > 0 {
            tail.append(UInt8(ascii: " "))
        }
        top!.count += 1
    }

    private mutating func newline() {
        tail.append(UInt8(ascii: "\n"))
        tail.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private mutating func appendLiteral(_ text: String) { tail.append(contentsOf: text.utf8) }

    /// Decimal digits straight into the buffer: a `String` per number is the writer's main cost otherwise.
    private mutating func appendDigits(_ value: Int) {
        if value < 0 { tail.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            tail.append(contentsOf: buffer[(20 - count)...])
        }
    }

    private mutating func appendString(_ text: String) {
        tail.append(UInt8(ascii: "\""))
        var text = text
        let needsEscaping = text.withUTF8 { utf8 in
            utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        if !needsEscaping {
            text.withUTF8 { tail.append(contentsOf: $0) }
            tail.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): tail.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): tail.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): tail.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): tail.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): tail.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                tail.append(contentsOf: "\\u00".utf8)
                tail.append(contentsOf: (hex.count == 1 ? "0" + hex : hex).utf8)
            default: tail.append(byte)
            }
        }
        tail.append(UInt8(ascii: "\""))
    }
}
