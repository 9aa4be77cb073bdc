/// One column of a source, stored as a single UTF-8 byte arena with record boundaries.
///
/// A million field values cost two allocations instead of a million `String`s; a stage turns
/// only the values it needs into strings.
public struct TextColumn: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// `ends[i]` is one past the last byte of value `i`; value `i` starts at `ends[i - 1]` (or 0).
    public private(set) var ends: [Int] = []

    public init() {}

    public var count: Int { ends.count }

    public mutating func reserveCapacity(values: Int, bytes byteCount: Int) {
        ends.reserveCapacity(values)
        bytes.reserveCapacity(byteCount)
    }

    public mutating func append<Bytes: Collection<UInt8>>(_ value: Bytes) {
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
    }

    public mutating func appendEmpty() {
        ends.append(bytes.count)
    }

    /// The byte range of value `index` inside `bytes`.
    public func range(at index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// Value `index` with ASCII spaces and tabs trimmed from both ends.
    public func trimmedString(at index: Int) -> String {
        var range = range(at: index)
        while let first = range.first, bytes[first] == 0x20 || bytes[first] == 0x09 { range = range.dropFirst() }
        while let last = range.last, bytes[last] == 0x20 || bytes[last] == 0x09 { range = range.dropLast() }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    public func string(at index: Int) -> String {
        String(decoding: bytes[range(at: index)], as: UTF8.self)
    }
}
