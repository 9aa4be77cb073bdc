public import OrgLensModel

/// A frozen id → key table for the small catalogs (teams, services), shared between stages.
///
/// Open addressing over the ids' bytes (the interner's hash), so a lookup makes no `String` and runs
/// no `Hasher`: team ids are looked up once per distinct spelling in every chunk of a million rows.
public struct KeyIndex: Sendable {
    /// Value `k` is the id of key `k`; the ids are distinct.
    public let names: TextColumn
    /// key + 1 per slot; 0 is empty.
    private let slots: [Int32]
    private let mask: Int

    /// `names` must be distinct.
    public init(names: TextColumn) {
        var size = 16
        while size < names.count * 2 { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        names.bytes.withUnsafeBufferPointer { bytes in
            for key in 0..<names.count {
                var index =
                    Int(
                        truncatingIfNeeded: KeyInterner.hash(UnsafeBufferPointer(rebasing: bytes[names.range(at: key)]))
                    ) & (size - 1)
                while slots[index] != 0 { index = (index + 1) & (size - 1) }
                slots[index] = Int32(key + 1)
            }
        }
        self.names = names
        self.slots = slots
        mask = size - 1
    }

    public var count: Int { names.count }

    public func key(of id: String) -> Int32? {
        var id = id
        return id.withUTF8 { key(of: $0) }
    }

    /// The key of the id spelled by `bytes`, if it is one.
    public func key(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        names.bytes.withUnsafeBufferPointer { stored in
            var index = Int(truncatingIfNeeded: KeyInterner.hash(bytes)) & mask
            while true {
                let slot = slots[index]
                guard slot != 0 else { return nil }
                let range = names.range(at: Int(slot - 1))
                if range.count == bytes.count,
                    Self.equal(bytes, UnsafeBufferPointer(rebasing: stored[range]))
                {
                    return slot - 1
                }
                index = (index + 1) & mask
            }
        }
    }

    public func id(_ key: Int32) -> String { names.string(at: Int(key)) }

    /// Equal bytes, compared a word at a time (`elementsEqual` goes byte by byte through generic code).
    @inlinable
    public static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
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
