import OrgLensKeys
import OrgLensModel
import Testing

/// Ids become dense keys in first-seen order, each id once, whatever its length and however far the table grows.
@Suite struct KeyInternerTests {
    static let ids = (0..<50_000).map { $0 % 3 == 0 ? "E\($0)" : "employee-with-a-long-id-\($0)" }

    @Test func eachIdGetsOneKeyInFirstSeenOrderAcrossGrowth() {
        var interner = KeyInterner(capacity: 16)
        for (position, id) in Self.ids.enumerated() { #expect(interner.key(for: id) == Int32(position)) }
        for (position, id) in Self.ids.enumerated().reversed() { #expect(interner.key(for: id) == Int32(position)) }
        #expect(interner.count == Self.ids.count)
        #expect(interner.states.allSatisfy { $0 == .unknown })
        var missing = "nobody"
        #expect(missing.withUTF8 { interner.lookup($0) } == nil)
    }

    @Test func theFrozenIndexFindsWhatTheInternerHeld() {
        var interner = KeyInterner(capacity: Self.ids.count)
        for id in Self.ids { _ = interner.key(for: id) }
        interner.setState(.inOrg, for: 7)
        #expect(interner.states[7] == .inOrg)
        let index = interner.frozen()
        #expect(index.count == Self.ids.count)
        #expect(index.keys(of: ["E0", "employee-with-a-long-id-1", "", "E1"]) == [0, 1, nil, nil])
        #expect(index.id(1) == "employee-with-a-long-id-1")
        // Ids that share their first 8 bytes and length differ only in the tail.
        #expect(index.key(of: "employee-with-a-long-id-49999") == 49_999)
        #expect(index.key(of: "employee-with-a-long-id-49990") == 49_990)
    }
}
