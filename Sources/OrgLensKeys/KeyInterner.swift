package import OrgLensModel

/// Gives each distinct id a dense `Int32` key, once, straight from the bytes of a column: no `String`
/// is made per row.
///
/// Open addressing over `KeySlot`s: ids of up to 8 bytes (most HR ids) resolve inside one cache line
/// without touching the byte arena (`names`) where the full ids live. Not copyable: a copy would share the slot table but not
/// `names`, and the two would disagree.
package struct KeyInterner: ~Copyable {
    package private(set) var names = TextColumn()
    package private(set) var states: [KeyState] = []
    /// An all-zero slot is empty.
    private var table: HugePageBuffer<KeySlot>
    private var mask: Int

    package init(capacity: Int) {
        var size = 16
        while size * 5 < capacity * 8 { size <<= 1 }
        table = HugePageBuffer(count: size)
        mask = size - 1
        names.reserveCapacity(values: capacity, bytes: capacity * 8)
        states.reserveCapacity(capacity)
    }

    package var count: Int { states.count }

    /// The key of `text`, adding it if new.
    package mutating func key(for text: String) -> Int32 {
        var text = text
        return text.withUTF8 { key(for: $0) }
    }

    package mutating func key(for bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        key(for: bytes, hash: Self.hash(bytes))
    }

    /// `key(for:)` with the hash already computed (`KeyInterner.hash`), e.g. by a parallel pass.
    package mutating func key(for bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let probe = find(bytes, hash: hash)
        if let key = probe.key { return key }
        let key = states.count
        names.append(UnsafeRawBufferPointer(bytes))
        states.append(.unknown)
        table.buffer[probe.slot] = probe.probe.slot(key: key)
        // At most 5/8 full: probes stay within a cache line or two, and a million ids fit 2M slots (32 MB).
        if states.count * 8 > table.buffer.count * 5 { grow() }
        return Int32(key)
    }

    /// The key of `bytes` if it was interned, without adding it.
    package func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        find(bytes, hash: Self.hash(bytes)).key
    }

    /// Asks the CPU for the slot where a key with `hash` is probed first, so that a later
    /// `key(for:hash:)` finds it in cache. A hint only: no effect on results.
    package func prefetch(hash: UInt64) {
        table.prefetchForWrite(Int(truncatingIfNeeded: hash) & mask)
    }

    /// Probes for `bytes`: its key if present, else the empty slot where it would go.
    private func find(
        _ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64
    ) -> (key: Int32?, slot: Int, probe: KeySlot.Probe) {
        let probe = KeySlot.Probe(bytes, hash: hash)
        var index = Int(truncatingIfNeeded: hash) & mask
        let slots = table.buffer
        while true {
            let slot = slots[index]
            if slot.isEmpty { return (nil, index, probe) }
            if probe.matches(slot), bytes.count <= 8 || tailEquals(slot.key, bytes) {
                return (Int32(slot.key), index, probe)
            }
            index = (index + 1) & mask
        }
    }

    /// A read-only, `Sendable` copy for later stages (team and service ids: small tables).
    package func frozen() -> KeyIndex {
        KeyIndex(names: names)
    }

    package mutating func setState(_ state: KeyState, for key: Int32) {
        states[Int(key)] = state
    }

    private func tailEquals(_ key: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = names.range(at: key)
        guard range.count == bytes.count else { return false }
        return names.bytes.withUnsafeBufferPointer { stored in
            for offset in 8..<bytes.count where stored[range.lowerBound + offset] != bytes[offset] { return false }
            return true
        }
    }

    private mutating func grow() {
        let bigger = HugePageBuffer<KeySlot>(count: table.buffer.count * 2)
        let newMask = bigger.buffer.count - 1
        let arena = names.bytes
        arena.withUnsafeBufferPointer { stored in
            for slot in table.buffer where !slot.isEmpty {
                let hash = Self.hash(UnsafeBufferPointer(rebasing: stored[names.range(at: slot.key)]))
                var index = Int(truncatingIfNeeded: hash) & newMask
                while !bigger.buffer[index].isEmpty { index = (index + 1) & newMask }
                bigger.buffer[index] = slot
            }
        }
        table = bigger
        mask = newMask
    }

    /// FNV-1a, then a final mix so both ends (slot index and tag) are well spread.
    @inline(__always)
    package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }
}

/// What is known of an interned id.
package enum KeyState: UInt8, Sendable {
    /// Only ever seen as a manager reference.
    case unknown
    case inOrg
    /// A row with this id exists but was left out by policy.
    case excluded
}
