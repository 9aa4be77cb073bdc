import OrgLensGraph

/// Conway congruence: coordination pairs (teams tied by a service dependency, either direction) and
/// how many of them share an org head or an owning manager, overall and per org head.
enum ConwayMetrics {
    static func compute(_ dependencies: TeamDependencies, shapes: [TeamShape], graph: OrgGraph) -> ConwayReport {
        var unordered: [UInt64] = dependencies.directed.map { pair in
            let (from, to) = TeamDependencies.split(pair)
            return UInt64(min(from, to)) << 32 | UInt64(max(from, to))
        }
        unordered.sort()
        var pairs = 0
        var sameHead = 0
        var sameManager = 0
        var perHead: [Int32: (pairs: Int, sameHead: Int, sameManager: Int)] = [:]
        var previous: UInt64?
        for pair in unordered where pair != previous {
            previous = pair
            let (a, b) = TeamDependencies.split(pair)
            let headA = shapes[a].orgHead
            let headB = shapes[b].orgHead
            let isSameHead = headA >= 0 && headA == headB
            let isSameManager = shapes[a].owningManager >= 0 && shapes[a].owningManager == shapes[b].owningManager
            pairs += 1
            sameHead += isSameHead ? 1 : 0
            sameManager += isSameManager ? 1 : 0
            for head in [headA, headB == headA ? -1 : headB] where head >= 0 {
                perHead[head, default: (0, 0, 0)].pairs += 1
                perHead[head, default: (0, 0, 0)].sameHead += isSameHead ? 1 : 0
                perHead[head, default: (0, 0, 0)].sameManager += isSameManager ? 1 : 0
            }
        }
        var flows: [UInt64: Int] = [:]
        for pair in dependencies.directed {
            let (from, to) = TeamDependencies.split(pair)
            let fromHead = shapes[from].orgHead
            let toHead = shapes[to].orgHead
            guard fromHead >= 0, toHead >= 0 else { continue }
            flows[UInt64(UInt32(fromHead)) << 32 | UInt64(UInt32(toHead)), default: 0] += 1
        }
        let share = { (count: Int, total: Int) -> Double? in total == 0 ? nil : Double(count) / Double(total) }
        let byHead = graph.sortedByID(perHead.keys.map { Int($0) }).map { head in
            let row = perHead[Int32(head)]!
            return ConwayReport.OrgHeadRow(
                orgHead: graph.id(Int(head)), pairs: row.pairs,
                sameOrgHeadShare: share(row.sameHead, row.pairs), sameManagerShare: share(row.sameManager, row.pairs))
        }
        let flowRows = flows.keys.sorted { lhs, rhs in
            let (lf, lt) = TeamDependencies.split(lhs)
            let (rf, rt) = TeamDependencies.split(rhs)
            return lf != rf ? graph.idPrecedes(lf, rf) : graph.idPrecedes(lt, rt)
        }.map { key in
            let (from, to) = TeamDependencies.split(key)
            return ConwayReport.Dependency(fromOrgHead: graph.id(from), toOrgHead: graph.id(to), teamPairs: flows[key]!)
        }
        return ConwayReport(
            pairs: pairs, sameOrgHeadShare: share(sameHead, pairs), sameManagerShare: share(sameManager, pairs),
            byOrgHead: byHead, orgHeadDependencies: flowRows)
    }
}
