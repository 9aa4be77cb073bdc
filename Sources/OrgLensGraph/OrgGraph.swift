package import OrgLensModel

/// The org as a frozen reporting forest: people are dense `Int32` indices, children are CSR arrays,
/// and `order` lists people top-down (every manager before their reports), so metrics can run
/// bottom-up or top-down in one loop each, with no recursion.
package struct OrgGraph: Sendable {
    /// Why a person is at the top of a tree.
    package enum Top: UInt8, Sendable {
        /// Has a manager in the org.
        case none
        /// No manager (empty, a root marker, or themself).
        case root
        /// Names a manager who is not in the org.
        case orphan
    }

    /// Interned ids (UTF-8); person `p`'s id is value `personKey[p]`.
    package let keys: TextColumn
    package let personKey: [Int32]
    /// Manager of each person, or -1 for roots and orphans.
    package let parent: [Int32]
    package let top: [Top]
    /// Reports of person `p` are `children[childStart[p]..<childStart[p + 1]]`.
    package let childStart: [Int32]
    package let children: [Int32]
    /// Layer of each person in the org: roots are layer 1. People in a detached subtree (under an orphan, whose
    /// manager is not in the org) are on no layer of the org: 0.
    package let layer: [Int32]
    /// Depth of each person in their own tree (1 at its top, orphans included): for walking trees, not for
    /// publishing.
    package let depth: [Int32]
    /// Every person, managers before their reports (breadth-first from the tops).
    package let order: [Int32]

    package var count: Int { personKey.count }

    /// Person `p`'s id, made into a `String` only when something is published about them.
    package func id(_ person: Int) -> String { keys.string(at: Int(personKey[person])) }

    /// Byte-wise id order, the order ids are published in.
    package func idPrecedes(_ lhs: Int, _ rhs: Int) -> Bool { keys.precedes(Int(personKey[lhs]), Int(personKey[rhs])) }

    /// `people` in published order: by `group` (e.g. layer), then id bytes.
    package func sortedByID(_ people: [Int], group: (Int) -> Int32 = { _ in 0 }) -> [Int] {
        keys.sorted(people, text: { Int(personKey[$0]) }, group: group)
    }

    package func directReports(of person: Int) -> Int { Int(childStart[person + 1] - childStart[person]) }

    /// Each person's ancestor at `layer` (themself at that layer), or -1 above it: their org head.
    package func ancestors(atLayer layer: Int) -> [Int32] {
        var result = [Int32](repeating: -1, count: count)
        for person in order {
            let own = Int(self.layer[Int(person)])
            if own == layer {
                result[Int(person)] = person
            } else if own > layer {
                result[Int(person)] = result[Int(parent[Int(person)])]
            }
        }
        return result
    }

    /// Whether `person` hangs under an orphan rather than under a root.
    package func isDetached(_ person: Int) -> Bool { layer[person] == 0 }

    /// People in detached subtrees: the orphans and everyone under them.
    package var detachedCount: Int { layer.reduce(0) { $0 + ($1 == 0 ? 1 : 0) } }

    package func reports(of person: Int) -> ArraySlice<Int32> {
        children[Int(childStart[person])..<Int(childStart[person + 1])]
    }

    /// The same org with people numbered in reporting order (`order` becomes 0, 1, 2, …): every pass that walks
    /// the org top-down or bottom-up then reads its arrays front to back, a manager's reports sit side by side,
    /// and a manager's index is below their reports'. With people in export order those passes jump through
    /// memory on every step, which at millions of people costs more than the arithmetic.
    /// `order[p]` is the person `p` was.
    func inReportingOrder() -> (graph: OrgGraph, order: [Int32]) {
        var rank = [Int32](repeating: 0, count: count)
        for (position, person) in order.enumerated() { rank[Int(person)] = Int32(position) }
        // Breadth-first, the tops come first and then everyone else as the reports of person 0, 1, 2, … in turn:
        // the reports of each person are the next run of positions, and the child array lists those positions.
        let tops = order.prefix { parent[Int($0)] < 0 }.count
        var childStart = [Int32](repeating: 0, count: count + 1)
        for (position, person) in order.enumerated() {
            childStart[position + 1] = childStart[position] + Int32(directReports(of: Int(person)))
        }
        let graph = OrgGraph(
            keys: keys, personKey: order.map { personKey[Int($0)] },
            parent: order.map { parent[Int($0)] < 0 ? -1 : rank[Int(parent[Int($0)])] },
            top: order.map { top[Int($0)] }, childStart: childStart, children: Array(Int32(tops)..<Int32(count)),
            layer: order.map { layer[Int($0)] }, depth: order.map { depth[Int($0)] }, order: Array(0..<Int32(count)))
        return (graph, order)
    }

    private init(
        keys: TextColumn, personKey: [Int32], parent: [Int32], top: [Top], childStart: [Int32], children: [Int32],
        layer: [Int32], depth: [Int32], order: [Int32]
    ) {
        self.keys = keys
        self.personKey = personKey
        self.parent = parent
        self.top = top
        self.childStart = childStart
        self.children = children
        self.layer = layer
        self.depth = depth
        self.order = order
    }

    init(keys: TextColumn, personKey: [Int32], parent: [Int32], top: [Top]) {
        self.keys = keys
        self.personKey = personKey
        self.parent = parent
        self.top = top
        let count = personKey.count
        var childStart = [Int32](repeating: 0, count: count + 1)
        for manager in parent where manager >= 0 { childStart[Int(manager) + 1] += 1 }
        for index in 0..<count { childStart[index + 1] += childStart[index] }
        var fill = childStart
        var children = [Int32](repeating: 0, count: Int(childStart[count]))
        for person in 0..<count where parent[person] >= 0 {
            let manager = Int(parent[person])
            children[Int(fill[manager])] = Int32(person)
            fill[manager] += 1
        }
        var depth = [Int32](repeating: 0, count: count)
        var layer = [Int32](repeating: 0, count: count)
        var order: [Int32] = []
        order.reserveCapacity(count)
        for person in 0..<count where parent[person] < 0 {
            depth[person] = 1
            layer[person] = top[person] == .orphan ? 0 : 1
            order.append(Int32(person))
        }
        var next = 0
        while next < order.count {
            let manager = Int(order[next])
            next += 1
            for child in children[Int(childStart[manager])..<Int(childStart[manager + 1])] {
                depth[Int(child)] = depth[manager] + 1
                layer[Int(child)] = layer[manager] == 0 ? 0 : layer[manager] + 1
                order.append(child)
            }
        }
        precondition(order.count == count, "the builder removes cycles before freezing the graph")
        self.childStart = childStart
        self.children = children
        self.layer = layer
        self.depth = depth
        self.order = order
    }
}
