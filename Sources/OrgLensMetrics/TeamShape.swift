import OrgLensGraph

/// How one team sits in the reporting tree: computed per team, in parallel, from the frozen graph.
struct TeamShape: Sendable {
    let size: Int
    let reportingManagers: Int
    let alignment: Double?
    let owningManager: Int32
    let orgHead: Int32
    let crossOrg: Bool

    // A static function rather than an initializer: an initializer takes its arguments owned, which
    // copied (retained) every array of the catalog and the graph once per team.
    static func measure(team: Int, catalog: TeamCatalog, graph: OrgGraph) -> TeamShape {
        let members = catalog.members(of: team)
        let lead = catalog.lead[team]
        let others = members.filter { $0 != lead }
        let size = members.count

        var managers = others.compactMap { graph.parent[Int($0)] >= 0 ? graph.parent[Int($0)] : nil }
        managers.sort()
        var distinct = 0
        var largestGroup = 0
        var run = 0
        for (index, manager) in managers.enumerated() {
            run = index > 0 && managers[index - 1] == manager ? run + 1 : 1
            if run == 1 { distinct += 1 }
            largestGroup = max(largestGroup, run)
        }
        let reportingManagers = distinct
        let alignment = others.isEmpty ? nil : Double(largestGroup) / Double(others.count)

        var common: Int32 = others.first ?? -1
        for other in others.dropFirst() where common >= 0 { common = Self.lowestCommonAncestor(common, other, graph) }
        // A member's own org does not contain them: if the common ancestor is one of the others, go one up.
        if common >= 0, others.contains(common) { common = graph.parent[Int(common)] }
        let owningManager = common

        // The lead's chain decides; without a (known) lead, the owning manager's.
        let orgHead: Int32
        if lead >= 0 {
            orgHead = catalog.orgHeadOfPerson[Int(lead)]
        } else if owningManager >= 0 {
            orgHead = catalog.orgHeadOfPerson[Int(owningManager)]
        } else {
            orgHead = -1
        }
        var firstHead: Int32 = -1
        var severalHeads = false
        for other in others {
            let head = catalog.orgHeadOfPerson[Int(other)]
            guard head >= 0 else { continue }
            if firstHead < 0 {
                firstHead = head
            } else if head != firstHead {
                severalHeads = true
                break
            }
        }
        let crossOrg = severalHeads
        return TeamShape(
            size: size, reportingManagers: reportingManagers, alignment: alignment, owningManager: owningManager,
            orgHead: orgHead, crossOrg: crossOrg)
    }

    /// Climbs both chains to the same layer, then together; -1 when they are in different trees.
    static func lowestCommonAncestor(_ first: Int32, _ second: Int32, _ graph: OrgGraph) -> Int32 {
        var a = first
        var b = second
        while a >= 0, b >= 0, graph.depth[Int(a)] > graph.depth[Int(b)] { a = graph.parent[Int(a)] }
        while a >= 0, b >= 0, graph.depth[Int(b)] > graph.depth[Int(a)] { b = graph.parent[Int(b)] }
        while a >= 0, b >= 0, a != b {
            a = graph.parent[Int(a)]
            b = graph.parent[Int(b)]
        }
        return a == b ? a : -1
    }
}
