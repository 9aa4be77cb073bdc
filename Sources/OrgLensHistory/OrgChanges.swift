import OrgLensMetrics
import OrgLensModel

/// Changes per manager (counting their whole org) and per org head, over the managers and org heads of either
/// night, ordered by id.
struct OrgChanges {
    let byManager: [Changes.ManagerChange]
    let byOrgHead: [Changes.OrgHeadChange]

    init(
        _ before: Snapshot, _ after: Snapshot, match: Match, structure: (before: Structure, after: Structure),
        spanPolicy: SpanPolicy
    ) {
        let unifiedCount = after.count + before.count
        let afterTopDown = Self.topDown(after)
        // Joiners below each after-night manager, leavers below each earlier-night manager.
        let joinersBelow = Self.belowCounts(after, order: afterTopDown) { match.afterToBefore[$0] < 0 }
        let leaversBelow = Self.belowCounts(before, order: Self.topDown(before)) { match.beforeToAfter[$0] < 0 }
        // People in both nights whose chain of managers changed: moved into the orgs of the managers now above
        // them and not before, out of the orgs above them before and not now.
        var movedIn = [Int32](repeating: 0, count: unifiedCount)
        var movedOut = [Int32](repeating: 0, count: unifiedCount)
        var chainSame = [Bool](repeating: true, count: after.count)
        for person in afterTopDown {
            let was = match.afterToBefore[person]
            guard was >= 0 else { continue }
            let manager = after.manager[person]
            let sameManager = match.unified(before: before.manager[Int(was)]) == manager
            chainSame[person] = sameManager && (manager < 0 || chainSame[Int(manager)])
            guard !chainSame[person] else { continue }
            let above = Self.chain(from: manager) { after.manager[Int($0)] }
            let aboveBefore = Self.chain(from: before.manager[Int(was)]) { before.manager[Int($0)] }
                .map { match.unified(before: $0) }
            for manager in above where !aboveBefore.contains(manager) { movedIn[Int(manager)] += 1 }
            for manager in aboveBefore where !above.contains(manager) { movedOut[Int(manager)] += 1 }
        }
        let (structureBefore, structureAfter) = structure
        var rows: [(Int, Changes.ManagerChange)] = []
        func add(after person: Int32, before was: Int32, unified: Int) {
            let id = person >= 0 ? after.id(Int(person)) : before.id(Int(was))
            rows.append(
                (
                    unified,
                    Changes.ManagerChange(
                        id: id, spanBefore: was >= 0 ? Int(structureBefore.span[Int(was)]) : nil,
                        spanAfter: person >= 0 ? Int(structureAfter.span[Int(person)]) : nil,
                        bandBefore: was >= 0 ? structureBefore.band(Int(was), before, policy: spanPolicy) : nil,
                        bandAfter: person >= 0 ? structureAfter.band(Int(person), after, policy: spanPolicy) : nil,
                        joiners: person >= 0 ? Int(joinersBelow[Int(person)]) : 0,
                        leavers: was >= 0 ? Int(leaversBelow[Int(was)]) : 0, movedIn: Int(movedIn[unified]),
                        movedOut: Int(movedOut[unified]),
                        dottedBefore: was >= 0 && !before.dottedReports.isEmpty
                            ? Int(before.dottedReports[Int(was)]) : nil,
                        dottedAfter: person >= 0 && !after.dottedReports.isEmpty
                            ? Int(after.dottedReports[Int(person)]) : nil)
                ))
        }
        for person in 0..<after.count {
            let was = match.afterToBefore[person]
            if after.flags[person].contains(.manages) || (was >= 0 && before.flags[Int(was)].contains(.manages)) {
                add(after: Int32(person), before: was, unified: person)
            }
        }
        for was in 0..<before.count where match.beforeToAfter[was] < 0 && before.flags[was].contains(.manages) {
            add(after: -1, before: Int32(was), unified: after.count + was)
        }
        byManager = rows.map(\.1).sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        byOrgHead = Self.orgHeads(before, after, match: match) { head, was in
            let unified = head >= 0 ? head : after.count + was
            return (
                joiners: head >= 0 ? Int(joinersBelow[head]) : 0, leavers: was >= 0 ? Int(leaversBelow[was]) : 0,
                movedIn: Int(movedIn[unified]), movedOut: Int(movedOut[unified])
            )
        }
    }

    /// For each person, how many people below them (at any depth) `counts` holds.
    private static func belowCounts(_ snapshot: Snapshot, order: [Int], counts: (Int) -> Bool) -> [Int32] {
        var below = [Int32](repeating: 0, count: snapshot.count)
        for person in order.reversed() {
            let manager = snapshot.manager[person]
            guard manager >= 0 else { continue }
            below[Int(manager)] += below[person] + (counts(person) ? 1 : 0)
        }
        return below
    }

    /// People by layer, top first: every manager before their reports.
    static func topDown(_ snapshot: Snapshot) -> [Int] {
        // A counting sort by layer: a million people in two passes.
        var start = [Int](repeating: 0, count: snapshot.maxLayer + 2)
        for layer in snapshot.layer { start[Int(layer) + 1] += 1 }
        for layer in 1..<start.count { start[layer] += start[layer - 1] }
        var order = [Int](repeating: 0, count: snapshot.count)
        for person in 0..<snapshot.count {
            order[start[Int(snapshot.layer[person])]] = person
            start[Int(snapshot.layer[person])] += 1
        }
        return order
    }

    private static func chain(from start: Int32, parent: (Int32) -> Int32) -> [Int32] {
        var chain: [Int32] = []
        var person = start
        while person >= 0, chain.count < 10_000 {
            chain.append(person)
            person = parent(person)
        }
        return chain
    }

    /// `flows(head, was)`: the joiners, leavers and movers of the org of the head who is `head` now (-1: gone)
    /// and was `was` (-1: new) — the same counts as their `changes_by_manager` row.
    private static func orgHeads(
        _ before: Snapshot, _ after: Snapshot, match: Match,
        flows: (Int, Int) -> (joiners: Int, leavers: Int, movedIn: Int, movedOut: Int)
    ) -> [Changes.OrgHeadChange] {
        /// Each head's org size (themself excluded) and its deepest layer.
        func tally(_ snapshot: Snapshot) -> (headcount: [Int32], deepest: [UInt16]) {
            var headcount = [Int32](repeating: 0, count: snapshot.count)
            var deepest = [UInt16](repeating: 0, count: snapshot.count)
            for person in 0..<snapshot.count {
                let head = Int(snapshot.orgHead[person])
                guard head >= 0, head != person else { continue }
                headcount[head] += 1
                deepest[head] = max(deepest[head], snapshot.layer[person])
            }
            return (headcount, deepest)
        }
        let earlier = tally(before)
        let later = tally(after)
        var rows: [Changes.OrgHeadChange] = []
        for head in 0..<after.count {
            let was = Int(match.afterToBefore[head])
            let headedBefore = was >= 0 && earlier.headcount[was] > 0
            guard later.headcount[head] > 0 || headedBefore else { continue }
            rows.append(
                .init(
                    id: after.id(head), headcountBefore: was >= 0 ? Int(earlier.headcount[was]) : nil,
                    headcountAfter: Int(later.headcount[head]),
                    layersBefore: headedBefore
                        ? Int(earlier.deepest[was]) - Int(before.layer[was]) : was >= 0 ? 0 : nil,
                    layersAfter: later.headcount[head] > 0 ? Int(later.deepest[head]) - Int(after.layer[head]) : 0,
                    flows: flows(head, was)))
        }
        for head in 0..<before.count where match.beforeToAfter[head] < 0 && earlier.headcount[head] > 0 {
            rows.append(
                .init(
                    id: before.id(head), headcountBefore: Int(earlier.headcount[head]), headcountAfter: nil,
                    layersBefore: Int(earlier.deepest[head]) - Int(before.layer[head]), layersAfter: nil,
                    flows: flows(-1, head)))
        }
        return rows.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    }
}
