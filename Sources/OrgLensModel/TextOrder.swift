extension TextColumn {
    /// `items` ordered by `group`, then by the bytes of value `text(item)`, then by `thenBy` (when given),
    /// then in input order.
    ///
    /// Sorted through 24-byte keys (group and the first 16 bytes, big-endian, so integer order is byte
    /// order) and compares whole values only on a tie: a comparison closure that slices the column for
    /// every step was the costliest part of ordering a million ids.
    package func sorted(
        _ items: [Int], text: (Int) -> Int = { $0 }, group: (Int) -> Int32 = { _ in 0 },
        thenBy: ((Int, Int) -> Bool)? = nil
    ) -> [Int] {
        storage.withUnsafeBufferPointer { bytes in
            var keys = items.map { item -> OrderKey in
                let range = range(at: text(item))
                return OrderKey(
                    group: group(item), high: Self.bigEndian(bytes, range, skipping: 0),
                    low: Self.bigEndian(bytes, range, skipping: 8), item: item)
            }
            keys.sort { lhs, rhs in
                if lhs.group != rhs.group { return lhs.group < rhs.group }
                if lhs.high != rhs.high { return lhs.high < rhs.high }
                if lhs.low != rhs.low { return lhs.low < rhs.low }
                let left = range(at: text(lhs.item))
                let right = range(at: text(rhs.item))
                if left.count > 16 || right.count > 16 {
                    let order = Self.compare(bytes, left, right)
                    if order != 0 { return order < 0 }
                } else if left.count != right.count {
                    // Same 16 bytes up to zero padding: the shorter one comes first.
                    return left.count < right.count
                }
                if let thenBy {
                    if thenBy(lhs.item, rhs.item) { return true }
                    if thenBy(rhs.item, lhs.item) { return false }
                }
                return lhs.item < rhs.item
            }
            return keys.map(\.item)
        }
    }

    private struct OrderKey {
        var group: Int32
        var high: UInt64
        var low: UInt64
        var item: Int
    }

    private static func bigEndian(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, skipping: Int) -> UInt64 {
        var value: UInt64 = 0
        for offset in 0..<8 {
            let position = range.lowerBound + skipping + offset
            value = value << 8 | UInt64(position < range.upperBound ? bytes[position] : 0)
        }
        return value
    }

    /// memcmp order, then shorter first.
    static func compare(_ bytes: UnsafeBufferPointer<UInt8>, _ left: Range<Int>, _ right: Range<Int>) -> Int {
        let common = min(left.count, right.count)
        for offset in 0..<common {
            let a = bytes[left.lowerBound + offset]
            let b = bytes[right.lowerBound + offset]
            if a != b { return a < b ? -1 : 1 }
        }
        return left.count - right.count
    }
}
