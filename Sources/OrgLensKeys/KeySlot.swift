import OrgLensSystem

/// One slot of the open-addressing tables over id bytes (`KeyInterner`, `KeyIndex`).
///
/// It holds the id's first 8 bytes, its length and a hash tag beside the key, so that ids of up to 8 bytes
/// (most HR, team and service ids) resolve inside one cache line, and a miss is told without touching the byte
/// arena where the full ids live. An all-zero slot is empty.
struct KeySlot: BitwiseCopyable, Sendable {
    /// First 8 bytes of the id, zero-padded, little-endian.
    var prefix: UInt64
    /// key + 1 (0 = empty) in the low 32 bits, length in the next 16, hash tag in the top 16.
    var meta: UInt64

    var isEmpty: Bool { meta == 0 }
    var key: Int { Int(meta & 0xFFFF_FFFF) - 1 }

    /// What a slot holding `bytes` with `hash` carries besides its key.
    struct Probe {
        let prefix: UInt64
        let signature: UInt64

        @inline(__always)
        init(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) {
            var value: UInt64 = 0
            for (offset, byte) in bytes.prefix(8).enumerated() { value |= UInt64(byte) << (8 * UInt64(offset)) }
            prefix = value
            signature = (hash >> 48) << 48 | UInt64(min(bytes.count, 0xFFFF)) << 32
        }

        /// Whether `slot` may hold these bytes: the same first 8 bytes, length and tag. Ids of up to 8 bytes need
        /// no further comparison.
        @inline(__always)
        func matches(_ slot: KeySlot) -> Bool {
            slot.prefix == prefix && slot.meta & 0xFFFF_FFFF_0000_0000 == signature
        }

        func slot(key: Int) -> KeySlot { KeySlot(prefix: prefix, meta: signature | UInt64(key + 1)) }
    }
}

extension KeySlot {
    /// `count` empty slots in memory the kernel is asked to back with 2 MiB pages: tables probed at random miss
    /// the TLB on almost every probe with 4 KiB pages, and huge pages remove most of those misses.
    static func emptyTable(count: Int) -> [KeySlot] {
        [KeySlot](unsafeUninitializedCapacity: count) { buffer, initialized in
            POSIX.adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            buffer.initialize(repeating: KeySlot(prefix: 0, meta: 0))
            initialized = count
        }
    }
}
