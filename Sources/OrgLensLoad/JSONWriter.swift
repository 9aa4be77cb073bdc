import OrgLensModel

/// A streaming JSON writer into a byte buffer, with one fixed layout so output is byte-stable:
/// containers opened `multiline` put each element on its own indented line; others stay on one line.
/// Tables are multiline arrays of one-line records, which keeps diffs of golden files readable.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var frames: [(multiline: Bool, count: Int)] = []
    private var afterKey = false

    public init() {}

    public mutating func beginObject(multiline: Bool = false) { open(UInt8(ascii: "{"), multiline: multiline) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray(multiline: Bool = false) { open(UInt8(ascii: "["), multiline: multiline) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func key(_ name: String) {
        separate()
        appendString(name)
        bytes.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
        afterKey = true
    }

    public mutating func string(_ value: String?) {
        separate()
        guard let value else { return appendLiteral("null") }
        appendString(value)
    }

    public mutating func int(_ value: Int?) {
        separate()
        guard let value else { return appendLiteral("null") }
        appendDigits(value)
    }

    public mutating func bool(_ value: Bool) {
        separate()
        appendLiteral(value ? "true" : "false")
    }

    /// A number rounded half away from zero to 4 decimals, without trailing zeros (`2.5`, `5.3333`, `4`).
    public mutating func decimal(_ value: Double?) {
        separate()
        guard let value, value.isFinite else { return appendLiteral("null") }
        appendLiteral(Self.format(value))
    }

    public mutating func null() {
        separate()
        appendLiteral("null")
    }

    /// Renders `rows` as one-line elements, a chunk of rows per Dispatch worker, and places them in
    /// order: the bytes are the same as writing them one by one, for any worker count. Each chunk is
    /// one buffer with its separators already in it, so a million rows cost a handful of allocations.
    public mutating func elements<Row: Sendable>(
        _ rows: [Row], workers: Int, _ write: @escaping @Sendable (Row, inout JSONWriter) -> Void
    ) {
        guard !rows.isEmpty else { return }
        guard let frame = frames.last else { preconditionFailure("elements need an open array") }
        let indentation = [UInt8](repeating: UInt8(ascii: " "), count: 2 * frames.count)
        let between: [UInt8] = frame.multiline ? [UInt8(ascii: ","), UInt8(ascii: "\n")] + indentation : Array(", ".utf8)
        let leading: [UInt8] = frame.count > 0 ? between : (frame.multiline ? [UInt8(ascii: "\n")] + indentation : [])
        // More chunks than workers, so one slow chunk does not leave a core idle.
        let chunks = parallelChunks(count: rows.count, workers: workers > 1 ? workers * 4 : 1, serialThreshold: 4096) { range in
            var chunk = JSONWriter()
            for index in range {
                chunk.bytes.append(contentsOf: index == 0 ? leading : between)
                write(rows[index], &chunk)
            }
            return chunk.bytes
        }
        reserve(chunks.reduce(0) { $0 + $1.count })
        for chunk in chunks { chunk.withUnsafeBufferPointer { bytes.append(contentsOf: $0) } }
        frames[frames.count - 1].count += rows.count
    }

    /// Room for `extra` more bytes, growing geometrically so repeated reservations stay linear.
    private mutating func reserve(_ extra: Int) {
        let needed = bytes.count + extra
        if bytes.capacity < needed { bytes.reserveCapacity(max(needed, bytes.capacity * 2)) }
    }

    /// Convenience for `key` followed by a value.
    public mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Int?) { key(name); int(value) }
    public mutating func field(_ name: String, decimal value: Double?) { key(name); decimal(value) }
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }

    /// The document, with a final newline (moved out, not copied: documents reach tens of MB).
    public consuming func finished() -> [UInt8] {
        precondition(frames.isEmpty, "unbalanced JSON containers")
        var document = bytes
        bytes = []
        document.append(UInt8(ascii: "\n"))
        return document
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e15 else { return String(value) }
        let units = Int64(scaled)
        let negative = units < 0
        let magnitude = units.magnitude
        var text = (negative ? "-" : "") + String(magnitude / 10_000)
        var fraction = magnitude % 10_000
        if fraction != 0 {
            var digits = 4
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }

    private mutating func open(_ bracket: UInt8, multiline: Bool) {
        separate()
        bytes.append(bracket)
        frames.append((multiline, 0))
    }

    private mutating func close(_ bracket: UInt8) {
        let frame = frames.removeLast()
        if frame.multiline, frame.count > 0 { newline() }
        bytes.append(bracket)
    }

    /// Writes what must precede a value or key: a comma, and a newline with indentation in multiline containers.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let frame = frames.last else { return }
        if frame.count > 0 { bytes.append(UInt8(ascii: ",")) }
        if frame.multiline {
            newline()
        } else if frame.count > 0 {
            bytes.append(UInt8(ascii: " "))
        }
        frames[frames.count - 1].count += 1
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * frames.count))
    }

    private mutating func appendLiteral(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Decimal digits straight into the buffer: a `String` per number is the writer's main cost otherwise.
    private mutating func appendDigits(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    private mutating func appendString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        let needsEscaping = text.withUTF8 { utf8 in
            utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        if !needsEscaping {
            text.withUTF8 { bytes.append(contentsOf: $0) }
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(contentsOf: (hex.count == 1 ? "0" + hex : hex).utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
