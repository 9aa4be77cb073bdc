package import OrgLensKeys
package import OrgLensModel
package import OrgLensStage

/// The positions export joined to the frozen graph: each position's hiring manager (a graph person) and team,
/// whether it counts as planned and whether it is overdue, and per person the open and planned positions
/// reporting to them. Positions never change the tree: they are counted beside it.
package struct OpenPositions: Sendable {
    /// Per position (staged order): the hiring manager's graph index, or -1 for no one in the org.
    package let manager: [Int32]
    /// Per position: the team (catalog index), or -1 without one.
    package let team: [Int32]
    /// Per position: open or offer, and planned to start by the horizon (or with no start, or overdue).
    package let planned: [Bool]
    package let overdue: [Bool]
    /// Per graph person: open and offer positions reporting to them, whatever their start.
    package let openReports: [Int32]
    /// Per graph person: planned positions reporting to them.
    package let plannedReports: [Int32]
    /// Per graph person: planned positions anywhere in their org (below them).
    package let plannedBelow: [Int32]
    package let counts: Counts
    package let findings: [Finding]

    /// The summary's figures.
    package struct Counts: Sendable, Hashable {
        package var positions = 0
        package var open = 0
        package var offer = 0
        package var filled = 0
        package var closed = 0
        package var planned = 0
        /// Planned positions whose hire will manage people.
        package var plannedManagers = 0
        package var overdue = 0
        package var unknownManager = 0
    }

    /// `asOf` decides what is overdue, `horizon` what is planned. `keys` are the people's published ids
    /// (pseudonyms when outputs are): the positions' managers were resolved and pseudonymised the same way.
    package static func resolve(
        _ positions: StagedPositions, built: OrgGraphBuilder.Result, keys: TextColumn, teamIndex: KeyIndex?,
        asOf: CivilDate, horizon: CivilDate
    ) -> OpenPositions {
        let graph = built.graph
        let managerOf = managerPeople(positions.managers, keys: keys, personOfKey: built.personOfKey)
        var counts = Counts()
        var findings: [Finding] = []
        var manager = [Int32](repeating: -1, count: positions.count)
        var team = [Int32](repeating: -1, count: positions.count)
        var planned = [Bool](repeating: false, count: positions.count)
        var overdue = [Bool](repeating: false, count: positions.count)
        var openReports = [Int32](repeating: 0, count: graph.count)
        var plannedReports = [Int32](repeating: 0, count: graph.count)
        for position in 0..<positions.count {
            let status = positions.status[position]
            counts.positions += 1
            switch status {
            case .open: counts.open += 1
            case .offer: counts.offer += 1
            case .filled: counts.filled += 1
            case .closed: counts.closed += 1
            }
            let reference = positions.managers[position]
            let person = reference.isEmpty ? -1 : managerOf[reference] ?? -1
            manager[position] = person
            if !positions.teamIDs[position].isEmpty, let index = teamIndex?.key(of: positions.teamIDs[position]) {
                team[position] = index
            }
            guard status.isOpen else { continue }
            let start = positions.plannedStart[position]
            let isPlanned = start.map { $0 <= horizon } ?? true
            planned[position] = isPlanned
            let id = positions.ids[position]
            if status == .open, let start, start < asOf {
                overdue[position] = true
                counts.overdue += 1
                findings.append(
                    Finding(
                        rule: .positionOverdue, severity: .info, subject: id,
                        value: Double(asOf.daysSinceEpoch - start.daysSinceEpoch), message: .positionOverdue,
                        numbers: [asOf.daysSinceEpoch - start.daysSinceEpoch]))
            }
            if isPlanned {
                counts.planned += 1
                if positions.role[position] == .manager { counts.plannedManagers += 1 }
            }
            guard person >= 0 else {
                counts.unknownManager += 1
                findings.append(
                    Finding(
                        rule: .positionUnknownManager, severity: .warning, subject: id, value: nil,
                        message: reference.isEmpty ? .positionNoManager : .positionUnknownManager))
                continue
            }
            openReports[Int(person)] += 1
            if isPlanned { plannedReports[Int(person)] += 1 }
        }
        // Children before parents: graph order reversed is bottom-up.
        var plannedBelow = [Int32](repeating: 0, count: graph.count)
        for person in graph.order.reversed() {
            let parent = graph.parent[Int(person)]
            guard parent >= 0 else { continue }
            plannedBelow[Int(parent)] += plannedBelow[Int(person)] + plannedReports[Int(person)]
        }
        for person in 0..<graph.count { plannedBelow[person] += plannedReports[person] }
        return OpenPositions(
            manager: manager, team: team, planned: planned, overdue: overdue, openReports: openReports,
            plannedReports: plannedReports, plannedBelow: plannedBelow, counts: counts, findings: findings)
    }
}

extension OpenPositions {
    /// The graph person of each distinct hiring-manager id. A few thousand ids against a million people: the ids are
    /// indexed, not the people, and the people's keys are read once in order (sequential memory, an index that
    /// fits in cache) instead of building an index of everyone.
    static func managerPeople(_ references: [String], keys: TextColumn, personOfKey: [Int32]) -> [String: Int32] {
        var distinct = Set(references)
        distinct.remove("")
        var wanted = TextColumn()
        let names = distinct.sorted()
        for name in names { wanted.append(Array(name.utf8)) }
        let index = KeyIndex(names: wanted)
        var found: [String: Int32] = [:]
        keys.bytes.withUnsafeBufferPointer { bytes in
            for key in 0..<keys.count {
                guard let hit = index.key(of: UnsafeBufferPointer(rebasing: bytes[keys.range(at: key)])) else {
                    continue
                }
                found[names[Int(hit)]] = personOfKey[key]
            }
        }
        return found
    }
}

extension RuleMessage {
    static let positionOverdue: RuleMessage =
        "position \(.subject) was planned to start \(.number(0)) days ago and is still open"
    // The reference is not repeated: with emails or names it is personal data.
    static let positionUnknownManager: RuleMessage =
        "the hiring manager of position \(.subject) is no one in the org (or several people); it counts in no manager's plan"
    static let positionNoManager: RuleMessage =
        "position \(.subject) names no hiring manager; it counts in no manager's plan"
}
