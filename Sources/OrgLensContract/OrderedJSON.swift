/// Parses JSON keeping each object's key order and each number's text: tests check writers' key order against the
/// contract with it, and the report shows published numbers (costs among them) exactly as written, never through
/// `Double`.
struct OrderedJSON {
    /// Deeper nesting than any OrgLens document has: a crafted file nested further is refused, not recursed into
    /// until the stack runs out.
    static let maxDepth = 64

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    static func parse(_ bytes: [UInt8]) -> SchemaValue? {
        var parser = OrderedJSON(bytes: bytes)
        guard let value = parser.value() else { return nil }
        parser.skipSpace()
        return parser.index == parser.bytes.count ? value : nil
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    private mutating func value() -> SchemaValue? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < Self.maxDepth else { return nil }
            depth += 1
            defer { depth -= 1 }
            return bytes[index] == UInt8(ascii: "{") ? object() : array()
        case UInt8(ascii: "\""): return string().map(SchemaValue.string)
        case UInt8(ascii: "t"): return literal("true", .boolean(true))
        case UInt8(ascii: "f"): return literal("false", .boolean(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    private mutating func literal(_ word: String, _ value: SchemaValue) -> SchemaValue? {
        let end = index + word.utf8.count
        guard end <= bytes.count, Array(bytes[index..<end]) == Array(word.utf8) else { return nil }
        index = end
        return value
    }

    private mutating func number() -> SchemaValue? {
        let start = index
        while index < bytes.count, "-+.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
        return index > start ? .number(String(decoding: bytes[start..<index], as: UTF8.self)) : nil
    }

    private mutating func string() -> String? {
        index += 1
        var scalars: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return String(decoding: scalars, as: UTF8.self) }
            if byte == UInt8(ascii: "\\"), index < bytes.count {
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count,
                        let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                    else { return nil }
                    index += 4
                    scalars += Array(String(Unicode.Scalar(code).map(Character.init) ?? "?").utf8)
                default: scalars.append(escaped)
                }
            } else {
                scalars.append(byte)
            }
        }
        return nil
    }

    private mutating func object() -> SchemaValue? {
        index += 1
        var members: [(String, SchemaValue)] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            guard let member = value() else { return nil }
            members.append((key, member))
            skipSpace()
            guard index < bytes.count else { return nil }
            index += 1
            if bytes[index - 1] == UInt8(ascii: "}") { return .object(members) }
            guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
        }
    }

    private mutating func array() -> SchemaValue? {
        index += 1
        var elements: [SchemaValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            guard let element = value() else { return nil }
            elements.append(element)
            skipSpace()
            guard index < bytes.count else { return nil }
            index += 1
            if bytes[index - 1] == UInt8(ascii: "]") { return .array(elements) }
            guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
        }
    }
}

extension SchemaValue {
    /// The deepest nesting `parse` accepts.
    package static let maxDepth = OrderedJSON.maxDepth

    /// `bytes` parsed, or nil when they are not one JSON value.
    package static func parse(_ bytes: [UInt8]) -> SchemaValue? { OrderedJSON.parse(bytes) }

    /// `text` parsed, or nil when it is not one JSON value.
    package static func parse(_ text: String) -> SchemaValue? { OrderedJSON.parse(Array(text.utf8)) }
}
