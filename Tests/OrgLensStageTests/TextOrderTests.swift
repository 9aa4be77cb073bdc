import OrgLensModel
import Testing

/// The keyed id sort must give exactly the byte order `precedes` defines, with groups first.
@Suite struct TextOrderTests {
    @Test func keyedSortEqualsByteOrder() {
        var random = SplitMix64(seed: 5)
        let alphabet: [UInt8] = Array("AB0\u{0}é-".utf8)
        var column = TextColumn()
        for _ in 0..<4_000 {
            let length = Int(random.next() % 24)
            column.append((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        }
        for _ in 0..<200 { column.append(Array("EMPLOYEE-0000000\(random.next() % 50)".utf8)) }
        let items = (0..<column.count).shuffled(using: &random)
        let group = { (item: Int) -> Int32 in Int32(item % 3) }
        let expected = items.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if group(a) != group(b) { return group(a) < group(b) }
            if column.precedes(a, b) { return true }
            if column.precedes(b, a) { return false }
            return a < b
        }.map(\.element)
        #expect(column.sorted(items, group: group) == expected)
    }
}
