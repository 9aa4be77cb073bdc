import OrgLensHistory
import OrgLensMetrics
import OrgLensModel
import Testing

/// `snapshot.bin` is read as untrusted input: its checksum, every count against the bytes there, its tree's
/// consistency, its directory and its date are checked before anything is sized by it.
@Suite struct SnapshotFileTests {
    /// A four-person tree: A over B and C, C over D.
    static func sample(asOf day: Int = 20_000, outputsID: String = "0123456789abcdef0123456789abcdef") -> Snapshot {
        var ids = TextColumn()
        var teamIDs = TextColumn()
        for id in ["A", "B", "C", "D"] { ids.append(id.utf8) }
        teamIDs.append("T1".utf8)
        var snapshot = Snapshot(
            asOf: CivilDate(daysSinceEpoch: day), keyFingerprint: "", ids: ids, manager: [-1, 0, 0, 2],
            team: [0, 0, -1, 0], teamIDs: teamIDs, layer: [1, 2, 2, 3],
            flags: [[.manages, .root], [], [.manages], []],
            orgHead: [-1, 1, 2, 2], findings: [Snapshot.FindingKey(rule: "span.narrow", subject: "C")])
        snapshot.outputsID = outputsID
        snapshot.flags[0].insert([.subtreePublished, .subtreeSharePublished])
        snapshot.layerPublished = [0, 1, 3, 0]
        snapshot.teamPublished = [1]
        snapshot.dottedReports = [1, 0, 0, 0]
        snapshot.positions = [
            Snapshot.PositionMark(id: "P1", open: true, orgHead: "B", team: ""),
            Snapshot.PositionMark(id: "P2", open: false, orgHead: "", team: "T1"),
        ]
        return snapshot
    }

    @Test func roundTrips() throws {
        let snapshot = Self.sample()
        let decoded = try SnapshotFile.decode(SnapshotFile.encode(snapshot), path: "s")
        #expect(decoded == snapshot)
        #expect(decoded.publishedGroups.subtree == [true, false, false, false])
        #expect(decoded.publishedGroups.layerShare == [false, false, true, false])
        #expect(decoded.plannedCostMembers(byTeam: false) == ["B": ["P1"]])
        #expect(decoded.plannedCostMembers(byTeam: true) == ["T1": ["P2"]])
    }

    /// A night's positions: an open flag other than 0 or 1, or a count past the bytes there, is refused.
    @Test func damagedPositionsAreRefused() throws {
        // The payload ends with the positions: a u32 count, then P1 (id 2+2, open 1, org head 2+1, team 2+0: 10
        // bytes) and P2 (id 2+2, open 1, org head 2+0, team 2+2: 11 bytes).
        var payload = Self.payload(Self.sample())
        payload[payload.count - 11 + 4] = 7
        #expect(throws: RunError.self) { try SnapshotFile.decode(SnapshotFile.seal(payload), path: "s") }
        var counted = Self.payload(Self.sample())
        let count = counted.count - 10 - 11 - 4
        counted.replaceSubrange(count..<(count + 4), with: [0xFF, 0xFF, 0xFF, 0x0F])
        #expect(throws: RunError.self) { try SnapshotFile.decode(SnapshotFile.seal(counted), path: "s") }
    }

    /// The payload of `snapshot`, to be altered and sealed again with a checksum that holds.
    static func payload(_ snapshot: Snapshot) -> [UInt8] { Array(SnapshotFile.encode(snapshot).dropFirst(52)) }

    @Test func aHugeFindingsCountIsRefusedBeforeAllocating() throws {
        var payload = Self.payload(Self.sample())
        for offset in 12..<16 { payload[offset] = 0xFF }
        #expect(throws: RunError.self) { try SnapshotFile.decode(SnapshotFile.seal(payload), path: "s") }
    }

    @Test func aHugePeopleCountIsRefused() throws {
        var payload = Self.payload(Self.sample())
        for offset in 4..<8 { payload[offset] = 0xFF }
        #expect(throws: RunError.self) { try SnapshotFile.decode(SnapshotFile.seal(payload), path: "s") }
    }

    /// A layer of 60000 written with a checksum that holds: the tree says D is at layer 3.
    @Test func aLayerThatDoesNotFollowTheTreeIsRefused() throws {
        var snapshot = Self.sample()
        snapshot.layer[3] = 60_000
        #expect(throws: RunError.self) { try SnapshotFile.decode(SnapshotFile.encode(snapshot), path: "s") }
    }

    @Test func aFlippedByteFailsTheChecksum() throws {
        var bytes = SnapshotFile.encode(Self.sample())
        bytes[bytes.count - 3] ^= 1
        let error = try #require(throws: RunError.self) { try SnapshotFile.decode(bytes, path: "s") }
        #expect(error.message.contains("checksum"))
    }

    @Test func everyCutIsRefused() throws {
        let bytes = SnapshotFile.encode(Self.sample())
        for length in 0..<bytes.count {
            #expect(throws: RunError.self) { try SnapshotFile.decode(Array(bytes.prefix(length)), path: "s") }
        }
    }
}
