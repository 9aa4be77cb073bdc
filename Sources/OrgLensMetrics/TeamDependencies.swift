import OrgLensGraph
import OrgLensStage

/// Team-to-team dependencies derived from service ownership: team A depends on team B when a service
/// A owns depends on a service B owns (A ≠ B). Directed pairs, each once.
struct TeamDependencies: Sendable {
    /// Sorted, unique (from << 32 | to).
    let directed: [UInt64]

    init(services: LinkedServices, dependencies: LinkedDependencies, removed: [Bool]) {
        var pairs: [UInt64] = []
        for edge in dependencies.edges {
            for from in services.owners[Int(edge.from)] where !removed[Int(from)] {
                for to in services.owners[Int(edge.to)] where to != from && !removed[Int(to)] {
                    pairs.append(UInt64(UInt32(from)) << 32 | UInt64(UInt32(to)))
                }
            }
        }
        pairs.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where unique.last != pair { unique.append(pair) }
        directed = unique
    }

    static func split(_ pair: UInt64) -> (from: Int, to: Int) {
        (Int(pair >> 32), Int(pair & 0xFFFF_FFFF))
    }
}
