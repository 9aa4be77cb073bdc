internal import CPrefetch
package import OrgLensModel

/// A frozen id → key table for the catalogs (teams, services), shared between stages.
///
/// Open addressing over `KeySlot`s (the interner's hash and slot layout), so a lookup makes no `String`, runs
/// no `Hasher`, and for ids of up to 8 bytes touches one cache line: every person's team id is looked up here,
/// and at millions of rows the lookups are bound by cache misses, not by arithmetic.
package struct KeyIndex: Sendable {
    /// Value `k` is the id of key `k`; the ids are distinct.
    package let names: TextColumn
    private let slots: [KeySlot]
    private let mask: Int

    /// `names` must be distinct.
    package init(names: TextColumn) {
        var size = 16
        while size < names.count * 2 { size <<= 1 }
        var slots = KeySlot.emptyTable(count: size)
        names.bytes.withUnsafeBufferPointer { bytes in
            for key in 0..<names.count {
                let id = UnsafeBufferPointer(rebasing: bytes[names.range(at: key)])
                let hash = KeyInterner.hash(id)
                var index = Int(truncatingIfNeeded: hash) & (size - 1)
                while !slots[index].isEmpty { index = (index + 1) & (size - 1) }
                slots[index] = KeySlot.Probe(id, hash: hash).slot(key: key)
            }
        }
        self.names = names
        self.slots = slots
        mask = size - 1
    }

    package var count: Int { names.count }

    package func key(of id: String) -> Int32? {
        var id = id
        return id.withUTF8 { key(of: $0) }
    }

    /// The key of the id spelled by `bytes`, if it is one.
    package func key(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        slots.withUnsafeBufferPointer { probe(bytes, hash: KeyInterner.hash(bytes), in: $0) }
    }

    /// The key of each of `count` ids, id `i` spelled by `bytes[range(i)]` (nil: no key; an empty id has none).
    ///
    /// Every lookup in a table larger than the cache is one cache miss; here they are made in batches, each
    /// batch's slots asked for before any of them is probed, so the misses overlap instead of following each other.
    package func keys(
        count: Int, in bytes: UnsafeBufferPointer<UInt8>, range: (Int) -> Range<Int>
    ) -> [Int32?] {
        var result = [Int32?](repeating: nil, count: count)
        var batch: [(range: Range<Int>, hash: UInt64)] = []
        batch.reserveCapacity(Self.batchSize)
        slots.withUnsafeBufferPointer { slots in
            for start in stride(from: 0, to: count, by: Self.batchSize) {
                batch.removeAll(keepingCapacity: true)
                for index in start..<min(start + Self.batchSize, count) {
                    let bounds = range(index)
                    let hash = KeyInterner.hash(UnsafeBufferPointer(rebasing: bytes[bounds]))
                    orglens_prefetch_for_read(slots.baseAddress! + (Int(truncatingIfNeeded: hash) & mask))
                    batch.append((bounds, hash))
                }
                for (offset, entry) in batch.enumerated() where !entry.range.isEmpty {
                    result[start + offset] = probe(
                        UnsafeBufferPointer(rebasing: bytes[entry.range]), hash: entry.hash, in: slots)
                }
            }
        }
        return result
    }

    /// `keys(count:in:range:)` for ids held as strings.
    package func keys(of ids: [String]) -> [Int32?] {
        var column = TextColumn()
        column.reserveCapacity(values: ids.count, bytes: ids.count * 8)
        for id in ids { column.append(id.utf8) }
        return column.bytes.withUnsafeBufferPointer { keys(count: column.count, in: $0, range: column.range(at:)) }
    }

    private static let batchSize = 16

    @inline(__always)
    private func probe(
        _ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, in slots: UnsafeBufferPointer<KeySlot>
    ) -> Int32? {
        let probe = KeySlot.Probe(bytes, hash: hash)
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.isEmpty { return nil }
            if probe.matches(slot), bytes.count <= 8 || tailEquals(slot.key, bytes) { return Int32(slot.key) }
            index = (index + 1) & mask
        }
    }

    /// Bytes past the 8 the slot holds (the length is known equal).
    private func tailEquals(_ key: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        names.bytes.withUnsafeBufferPointer { stored in
            Self.equal(bytes, UnsafeBufferPointer(rebasing: stored[names.range(at: key)]))
        }
    }

    package func id(_ key: Int32) -> String { names.string(at: Int(key)) }

    /// Equal bytes, compared a word at a time (`elementsEqual` goes byte by byte through generic code).
    @inlinable
    package static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = lhs.count
        guard count == rhs.count else { return false }
        guard count > 0 else { return true }
        let left = UnsafeRawPointer(lhs.baseAddress!)
        let right = UnsafeRawPointer(rhs.baseAddress!)
        var offset = 0
        while offset + 8 <= count {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < count {
            if left.load(fromByteOffset: offset, as: UInt8.self) != right.load(fromByteOffset: offset, as: UInt8.self) {
                return false
            }
            offset += 1
        }
        return true
    }
}
