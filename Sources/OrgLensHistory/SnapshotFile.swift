import Crypto
import Foundation
package import OrgLensModel

/// `snapshot.bin`: a snapshot as compact little-endian binary, versioned by its header.
///
/// Layout (version 4): `ORGLSNAP`, version u32, payload length u64, SHA-256 of the payload (32 bytes); then the
/// payload: as_of (days since 1970) i32, people u32, teams u32, findings u32, fingerprint and outputs id (each u16
/// length + bytes); the ids and the team ids (u32 end offset per value, then the bytes); per person manager i32,
/// team i32, org head i32, layer u16, flags u8 (manages, root, subtree cost published, its share published, paid); the
/// published flags per layer (u32 count, then u8 each) and per team (u8 each); per finding the rule (u8 length +
/// bytes) and subject (u16 length + bytes); then the dotted reports (u32 count, 0 or people, then u32 each). About
/// 23 bytes per person besides the id itself (27 with dotted lines); then the positions (u32 count; per position
/// its id, u8 open, and the org head and team whose published planned cost counted it, each u16 length + bytes).
/// Versions 2 (without the dotted reports) and 3 (without the positions) are read too: the first night after
/// upgrading still compares.
///
/// What the previous night left is input like any other: the checksum, every count against the bytes that are
/// really there (before anything is allocated) and the tree's own consistency are checked before it is trusted.
package enum SnapshotFile {
    static let magic = Array("ORGLSNAP".utf8)
    package static let version: UInt32 = 4
    /// Fixed bytes per person: end offset 4, manager 4, team 4, org head 4, layer 2, flags 1.
    package static let fixedBytesPerPerson = 19
    /// Magic, version, payload length, checksum.
    static let headerBytes = 8 + 4 + 8 + 32

    package static func encode(_ snapshot: Snapshot) -> [UInt8] {
        var payload: [UInt8] = []
        payload.reserveCapacity(64 + snapshot.ids.bytes.count + snapshot.count * fixedBytesPerPerson)
        append(&payload, UInt32(bitPattern: Int32(snapshot.asOf.daysSinceEpoch)))
        append(&payload, UInt32(snapshot.count))
        append(&payload, UInt32(snapshot.teamIDs.count))
        append(&payload, UInt32(snapshot.findings.count))
        for text in [snapshot.keyFingerprint, snapshot.outputsID] {
            let bytes = Array(text.utf8.prefix(65_535))
            append(&payload, UInt16(bytes.count))
            payload += bytes
        }
        appendColumn(&payload, snapshot.ids)
        appendColumn(&payload, snapshot.teamIDs)
        appendAll(&payload, snapshot.manager)
        appendAll(&payload, snapshot.team)
        appendAll(&payload, snapshot.orgHead)
        appendAll(&payload, snapshot.layer)
        payload += snapshot.flags.map(\.rawValue)
        append(&payload, UInt32(snapshot.layerPublished.count))
        payload += snapshot.layerPublished
        payload +=
            snapshot.teamPublished.count == snapshot.teamIDs.count
            ? snapshot.teamPublished : [UInt8](repeating: 0, count: snapshot.teamIDs.count)
        for finding in snapshot.findings {
            let rule = Array(finding.rule.utf8.prefix(255))
            payload.append(UInt8(rule.count))
            payload += rule
            let subject = Array(finding.subject.utf8.prefix(65_535))
            append(&payload, UInt16(subject.count))
            payload += subject
        }
        let dotted = snapshot.dottedReports.count == snapshot.count ? snapshot.dottedReports : []
        append(&payload, UInt32(dotted.count))
        appendAll(&payload, dotted)
        append(&payload, UInt32(snapshot.positions.count))
        for position in snapshot.positions {
            appendText(&payload, position.id)
            payload.append(position.open ? 1 : 0)
            appendText(&payload, position.orgHead)
            appendText(&payload, position.team)
        }
        return seal(payload)
    }

    /// `payload` behind the header that makes it a snapshot file: magic, version, length, checksum.
    package static func seal(_ payload: [UInt8]) -> [UInt8] {
        var out = magic
        out.reserveCapacity(headerBytes + payload.count)
        append(&out, version)
        append(&out, UInt64(payload.count))
        out += Array(SHA256.hash(data: payload))
        return out + payload
    }

    /// The snapshot in the file at `path`.
    package static func read(_ path: String) throws(RunError) -> Snapshot {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunError(
                .cannotOpenInput,
                "cannot read \(path); compare with a run directory made by orglens run (0.4 or later).")
        }
        return try decode(Array(data), path: path)
    }

    /// The snapshot at `path` if it can be the baseline of a run on `day` in the outputs directory `outputsID`:
    /// whole, of this format, of that directory, and older than `day`. The error says why not.
    package static func read(_ path: String, outputsID: String, before day: CivilDate) throws(RunError) -> Snapshot {
        let snapshot = try read(path)
        guard snapshot.outputsID == outputsID else {
            throw RunError(
                .badData,
                "\(path) belongs to another outputs directory (its identity is not this directory's .orglens-id)")
        }
        guard snapshot.asOf < day else {
            throw RunError(.badData, "\(path) is dated \(snapshot.asOf), not before this run's \(day)")
        }
        return snapshot
    }

    /// The snapshot in `bytes`; a clear error naming `path` when the file is not one this version reads.
    package static func decode(_ bytes: [UInt8], path: String) throws(RunError) -> Snapshot {
        var header = Reader(bytes: bytes)
        guard header.take(magic.count) == magic[...] else {
            throw RunError(.badData, "\(path) is not an OrgLens snapshot; point --compare-to at a run directory.")
        }
        guard let version = header.u32(), (2...Self.version).contains(version) else {
            throw RunError(
                .badData, "\(path) is a snapshot of another format version; compare runs made by this version.")
        }
        guard let length = header.u64(), let checksum = header.take(32), length == UInt64(bytes.count - headerBytes)
        else { throw truncated(path) }
        let payload = bytes[headerBytes...]
        guard Array(SHA256.hash(data: payload)) == Array(checksum) else {
            throw RunError(
                .badData, "\(path) does not match its checksum: it was damaged or edited after the run wrote it.")
        }
        return try decodePayload(Array(payload), version: version, path: path)
    }

    private static func decodePayload(_ bytes: [UInt8], version: UInt32, path: String) throws(RunError) -> Snapshot {
        var reader = Reader(bytes: bytes)
        guard let day = reader.u32(), let people = reader.u32().map(Int.init), let teams = reader.u32().map(Int.init),
            let findingCount = reader.u32().map(Int.init),
            // Every count is held against the bytes left before anything is sized by it.
            people * fixedBytesPerPerson + teams * 4 + findingCount * 3 <= reader.remaining,
            let fingerprintLength = reader.u16(), let fingerprint = reader.take(Int(fingerprintLength)),
            let outputsLength = reader.u16(), let outputsID = reader.take(Int(outputsLength)),
            let ids = reader.column(people), let teamIDs = reader.column(teams),
            let manager = reader.i32s(people), let team = reader.i32s(people), let orgHead = reader.i32s(people),
            let layer = reader.u16s(people), let flags = reader.take(people),
            let layerCount = reader.u32().map(Int.init), let layerPublished = reader.take(layerCount),
            let teamPublished = reader.take(teams)
        else { throw truncated(path) }
        var findings: [Snapshot.FindingKey] = []
        findings.reserveCapacity(findingCount)
        for _ in 0..<findingCount {
            guard let ruleLength = reader.take(1)?.first, let rule = reader.take(Int(ruleLength)),
                let subjectLength = reader.u16(), let subject = reader.take(Int(subjectLength))
            else { throw truncated(path) }
            findings.append(
                Snapshot.FindingKey(
                    rule: String(decoding: rule, as: UTF8.self), subject: String(decoding: subject, as: UTF8.self)))
        }
        var dotted: [UInt32] = []
        if version >= 3 {
            guard let count = reader.u32().map(Int.init), count == 0 || count == people, count * 4 <= reader.remaining,
                let values = reader.u32s(count)
            else { throw truncated(path) }
            dotted = values
        }
        var positions: [Snapshot.PositionMark] = []
        if version >= 4 {
            // Each position takes at least 7 bytes: three lengths and its flag.
            guard let count = reader.u32().map(Int.init), count * 7 <= reader.remaining else { throw truncated(path) }
            positions.reserveCapacity(count)
            for _ in 0..<count {
                guard let id = reader.text(), let open = reader.take(1)?.first, open <= 1,
                    let orgHead = reader.text(), let team = reader.text()
                else { throw truncated(path) }
                positions.append(Snapshot.PositionMark(id: id, open: open == 1, orgHead: orgHead, team: team))
            }
        }
        guard reader.isAtEnd, dotted.allSatisfy({ $0 <= people }),
            manager.allSatisfy({ $0 >= -1 && $0 < people }), orgHead.allSatisfy({ $0 >= -1 && $0 < people }),
            team.allSatisfy({ $0 >= -1 && $0 < teams }), flags.allSatisfy({ $0 & ~31 == 0 }),
            (layerPublished + teamPublished).allSatisfy({ $0 & ~3 == 0 }),
            layersFollowManagers(manager: manager, layer: layer)
        else { throw truncated(path) }
        var snapshot = Snapshot(
            asOf: CivilDate(daysSinceEpoch: Int(Int32(bitPattern: day))),
            keyFingerprint: String(decoding: fingerprint, as: UTF8.self), ids: ids, manager: manager, team: team,
            teamIDs: teamIDs, layer: layer, flags: flags.map { Snapshot.Flags(rawValue: $0) }, orgHead: orgHead,
            findings: findings)
        snapshot.outputsID = String(decoding: outputsID, as: UTF8.self)
        snapshot.layerPublished = Array(layerPublished)
        snapshot.teamPublished = Array(teamPublished)
        snapshot.dottedReports = dotted
        snapshot.positions = positions
        return snapshot
    }

    /// Each person one layer below their manager, and the top of each tree at layer 1 (or 0 for people outside
    /// every tree): a layer edited by hand cannot pass.
    private static func layersFollowManagers(manager: [Int32], layer: [UInt16]) -> Bool {
        for person in manager.indices {
            let boss = Int(manager[person])
            if boss < 0 {
                guard layer[person] <= 1 else { return false }
            } else if layer[boss] == 0 {
                guard layer[person] == 0 else { return false }
            } else {
                guard Int(layer[person]) == Int(layer[boss]) + 1 else { return false }
            }
        }
        return true
    }

    private static func truncated(_ path: String) -> RunError {
        RunError(.badData, "\(path) is damaged or cut short; compare with another run (or run again to replace it).")
    }

    private static func append<Value: FixedWidthInteger>(_ out: inout [UInt8], _ value: Value) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }

    /// Whole arrays at once, little-endian as the format says (and as every machine OrgLens runs on is).
    private static func appendAll<Value: FixedWidthInteger>(_ out: inout [UInt8], _ values: [Value]) {
        if 1.littleEndian == 1 {
            values.withUnsafeBytes { out += $0 }
        } else {
            for value in values { append(&out, value) }
        }
    }

    /// A short text: its UTF-8 length (u16) and bytes.
    private static func appendText(_ out: inout [UInt8], _ text: String) {
        let bytes = Array(text.utf8.prefix(65_535))
        append(&out, UInt16(bytes.count))
        out += bytes
    }

    private static func appendColumn(_ out: inout [UInt8], _ column: TextColumn) {
        appendAll(&out, (0..<column.count).map { UInt32(column.range(at: $0).upperBound) })
        out += column.bytes
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var isAtEnd: Bool { offset == bytes.count }
        var remaining: Int { bytes.count - offset }

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, offset + count <= bytes.count else { return nil }
            defer { offset += count }
            return bytes[offset..<offset + count]
        }

        mutating func integer<Value: FixedWidthInteger>(_: Value.Type) -> Value? {
            guard let slice = take(MemoryLayout<Value>.size) else { return nil }
            var value = Value.zero
            for (shift, byte) in slice.enumerated() { value |= Value(byte) << (8 * shift) }
            return value
        }

        mutating func u32() -> UInt32? { integer(UInt32.self) }
        mutating func text() -> String? {
            guard let length = u16(), let bytes = take(Int(length)) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        mutating func u16() -> UInt16? { integer(UInt16.self) }
        mutating func u64() -> UInt64? { integer(UInt64.self) }

        mutating func i32s(_ count: Int) -> [Int32]? { values(count) }
        mutating func u32s(_ count: Int) -> [UInt32]? { values(count) }

        mutating func u16s(_ count: Int) -> [UInt16]? { values(count) }

        /// `count` little-endian integers, copied whole.
        mutating func values<Value: FixedWidthInteger>(_ count: Int) -> [Value]? {
            guard let slice = take(count * MemoryLayout<Value>.size) else { return nil }
            var values = [Value](repeating: 0, count: count)
            values.withUnsafeMutableBytes { target in slice.withUnsafeBytes { target.copyMemory(from: $0) } }
            return 1.littleEndian == 1 ? values : values.map { Value(littleEndian: $0) }
        }

        mutating func column(_ count: Int) -> TextColumn? {
            guard let ends: [UInt32] = values(count) else { return nil }
            let total = Int(ends.last ?? 0)
            guard let text = take(total) else { return nil }
            var column = TextColumn()
            column.reserveCapacity(values: count, bytes: total)
            text.withUnsafeBytes { raw in
                var start = 0
                for end in ends {
                    let stop = Int(end)
                    guard stop >= start, stop <= total else {
                        start = -1
                        break
                    }
                    column.append(UnsafeRawBufferPointer(rebasing: raw[start..<stop]))
                    start = stop
                }
            }
            guard column.count == count else { return nil }
            return column
        }
    }
}
