/// One column of a source, stored as a single UTF-8 byte arena with record boundaries.
///
/// A million field values cost two allocations instead of a million `String`s; a stage turns
/// only the values it needs into strings. The hot methods are inlinable so readers in other
/// modules append without generic dispatch.
package struct TextColumn: Sendable {
    @usableFromInline var storage: [UInt8] = []
    /// `ends[i]` is one past the last byte of value `i`; value `i` starts at `ends[i - 1]` (or 0).
    /// 32-bit: half the memory and bandwidth of `Int` offsets for the columns with millions of values, which
    /// limits a column to `maxBytes` of text (readers refuse a source past it before appending).
    @usableFromInline var ends: [UInt32] = []

    /// The most text one column holds.
    package static let maxBytes = Int(UInt32.max)

    package init() {}

    package var bytes: [UInt8] { storage }
    package var count: Int { ends.count }
    /// Bytes of text held, all values together.
    package var byteCount: Int { storage.count }

    package mutating func reserveCapacity(values: Int, bytes byteCount: Int) {
        ends.reserveCapacity(values)
        storage.reserveCapacity(byteCount)
    }

    @inlinable
    package mutating func append<Bytes: Collection<UInt8>>(_ value: Bytes) {
        storage.append(contentsOf: value)
        ends.append(UInt32(storage.count))
    }

    /// Appends raw bytes; `bytes` must be UTF-8.
    @inlinable
    package mutating func append(_ bytes: UnsafeRawBufferPointer) {
        storage.append(contentsOf: bytes)
        ends.append(UInt32(storage.count))
    }

    package mutating func appendEmpty() {
        ends.append(UInt32(storage.count))
    }

    /// Drops values from the end until `count` remain (a reader rolling back a rejected row).
    package mutating func truncate(toCount count: Int) {
        guard count < ends.count else { return }
        storage.removeSubrange((count == 0 ? 0 : Int(ends[count - 1]))...)
        ends.removeSubrange(count...)
    }

    /// Appends every value of `other`, in order.
    package mutating func append(contentsOf other: TextColumn) {
        precondition(storage.count + other.storage.count <= Self.maxBytes, "readers refuse a column past maxBytes")
        let shift = UInt32(storage.count)
        storage.append(contentsOf: other.storage)
        ends.append(contentsOf: other.ends.lazy.map { $0 + shift })
    }

    /// The byte range of value `index` inside `bytes`.
    @inlinable
    package func range(at index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
    }

    /// The byte range of value `index` without ASCII spaces and tabs at either end.
    @inlinable
    package func trimmedRange(at index: Int) -> Range<Int> {
        var lower = index == 0 ? 0 : Int(ends[index - 1])
        var upper = Int(ends[index])
        while lower < upper, storage[lower] == 0x20 || storage[lower] == 0x09 { lower += 1 }
        while upper > lower, storage[upper - 1] == 0x20 || storage[upper - 1] == 0x09 { upper -= 1 }
        return lower..<upper
    }

    /// Value `index` with ASCII spaces and tabs trimmed from both ends.
    package func trimmedString(at index: Int) -> String {
        String(decoding: storage[trimmedRange(at: index)], as: UTF8.self)
    }

    package func string(at index: Int) -> String {
        String(decoding: storage[range(at: index)], as: UTF8.self)
    }

    /// Byte-wise order of values `lhs` and `rhs`: the order ids are published in.
    package func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
        storage.withUnsafeBufferPointer { Self.compare($0, range(at: lhs), range(at: rhs)) < 0 }
    }
}
