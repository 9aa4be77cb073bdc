package import OrgLensGraph

/// Per-person totals over their whole org, from one bottom-up pass over `OrgGraph.order`.
///
/// Serial on purpose: it is one linear pass over two arrays, cheaper than any hand-off between threads.
package struct SubtreeTotals: Sendable {
    /// Everyone below each person, transitively, self excluded.
    package let orgSize: [Int32]
    /// Deepest depth found in each person's org, their own included (`OrgGraph.depth`).
    package let deepestLayer: [Int32]

    package init(_ graph: OrgGraph) {
        var orgSize = [Int32](repeating: 0, count: graph.count)
        var deepestLayer = graph.depth
        for person in graph.order.reversed() {
            let manager = Int(graph.parent[Int(person)])
            guard manager >= 0 else { continue }
            orgSize[manager] += orgSize[Int(person)] + 1
            deepestLayer[manager] = max(deepestLayer[manager], deepestLayer[Int(person)])
        }
        self.orgSize = orgSize
        self.deepestLayer = deepestLayer
    }
}
