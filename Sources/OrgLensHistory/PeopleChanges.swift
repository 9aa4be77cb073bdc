import OrgLensKeys
import OrgLensMetrics
import OrgLensModel

/// Changes of the people in the org both nights: manager, org head, team, managing, span band.
struct PeopleChanges {
    var counts = Changes.Counts()
    var movers: [Changes.PersonChange] = []

    init(
        _ before: Snapshot, _ after: Snapshot, match: Match, structure: (before: Structure, after: Structure),
        spanPolicy: SpanPolicy, withMovers: Bool
    ) {
        let (structureBefore, structureAfter) = structure
        // Teams are few: each earlier team once to this night's index (or -2: gone), then people compare integers.
        let teamIndex = KeyIndex(names: after.teamIDs)
        let teamNow = (0..<before.teamIDs.count).map { team in
            before.teamIDs.bytes.withUnsafeBufferPointer { bytes in
                teamIndex.key(of: UnsafeBufferPointer(rebasing: bytes[before.teamIDs.range(at: team)])) ?? -2
            }
        }
        for person in 0..<after.count {
            let earlier = match.afterToBefore[person]
            let id = { after.id(person) }
            guard earlier >= 0 else {
                if withMovers {
                    movers.append(
                        .init(id: id(), change: .joiner, before: nil, after: Self.name(after.manager[person], after)))
                }
                continue
            }
            let was = Int(earlier)
            // Managers and org heads are people: compared in the shared index space, named by their ids.
            let (managerThen, managerNow) = (before.manager[was], after.manager[person])
            if match.unified(before: managerThen) != managerNow {
                counts.managerChanges += 1
                if withMovers {
                    movers.append(Self.moved(id(), .managerChange, managerThen, managerNow, before, after))
                }
            }
            let (headThen, headNow) = (before.orgHead[was], after.orgHead[person])
            if match.unified(before: headThen) != headNow {
                counts.orgHeadChanges += 1
                if withMovers { movers.append(Self.moved(id(), .orgHeadChange, headThen, headNow, before, after)) }
            }
            let teamBefore = before.team[was] >= 0 ? teamNow[Int(before.team[was])] : -1
            if teamBefore != after.team[person] {
                counts.teamChanges += 1
                if withMovers {
                    movers.append(
                        .init(
                            id: id(), change: .teamChange, before: Self.team(before.team[was], before),
                            after: Self.team(after.team[person], after)))
                }
            }
            let managed = before.flags[was].contains(.manages)
            let manages = after.flags[person].contains(.manages)
            if !managed, manages {
                counts.becameManagers += 1
                if withMovers { movers.append(.init(id: id(), change: .becameManager, before: nil, after: nil)) }
            } else if managed, !manages {
                counts.stoppedManaging += 1
                if withMovers { movers.append(.init(id: id(), change: .stoppedManaging, before: nil, after: nil)) }
            } else if managed,
                structureBefore.band(was, before, policy: spanPolicy)
                    != structureAfter.band(person, after, policy: spanPolicy)
            {
                counts.spanBandChanges += 1
            }
        }
        if withMovers {
            for person in 0..<before.count where match.beforeToAfter[person] < 0 {
                movers.append(
                    .init(
                        id: before.id(person), change: .leaver, before: Self.name(before.manager[person], before),
                        after: nil))
            }
        }
    }

    private static func moved(
        _ id: String, _ kind: Changes.PersonChange.Kind, _ then: Int32, _ now: Int32, _ before: Snapshot,
        _ after: Snapshot
    ) -> Changes.PersonChange {
        .init(id: id, change: kind, before: name(then, before), after: name(now, after))
    }

    private static func name(_ person: Int32, _ snapshot: Snapshot) -> String? {
        person >= 0 ? snapshot.id(Int(person)) : nil
    }

    private static func team(_ team: Int32, _ snapshot: Snapshot) -> String? {
        team >= 0 ? snapshot.teamIDs.string(at: Int(team)) : nil
    }
}
