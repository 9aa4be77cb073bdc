import OrgLensModel

/// A deterministic synthetic engineering org for demos, dashboard building and benchmarks: the same
/// size and seed give the same bytes on every machine.
///
/// Spans follow a skewed distribution (mostly 3–9, some narrow, some very wide), so every span band
/// and a realistic number of layers appear; ids are shuffled so managers are not listed before reports.
package struct SyntheticOrg: Sendable {
    package let people: Int
    package let seed: UInt64
    /// Rows made dirty on purpose (duplicates, dangling managers, missing ids, bad quoting, a loop).
    package let dirtyRows: Int

    package init(people: Int, seed: UInt64, dirtyRows: Int = 0) {
        self.people = max(1, people)
        self.seed = seed
        self.dirtyRows = dirtyRows
    }

    /// Manager index of each person (-1 for the root), managers always before their reports.
    ///
    /// Each manager gets a budget (the size of their org below them), takes a span from the
    /// distribution, and splits what is left among about one report in eight, who become managers:
    /// layers then grow like a real org's, about log₈ of the headcount.
    func tree() -> [Int32] {
        var random = SplitMix64(seed: seed)
        var parent = [Int32](repeating: -1, count: people)
        var queue: [(person: Int, budget: Int)] = [(0, people - 1)]
        var head = 0
        var next = 1
        while head < queue.count {
            let (manager, budget) = queue[head]
            head += 1
            let draw = random.next() % 100
            let wanted =
                draw < 8
                ? 1 + Int(random.next() % 3) : draw < 92 ? 4 + Int(random.next() % 6) : 10 + Int(random.next() % 10)
            let span = max(1, min(wanted, budget))
            for report in next..<(next + span) { parent[report] = Int32(manager) }
            let rest = budget - span
            if rest > 0 {
                let managers = min(span, (rest + 7) / 8)
                for index in 0..<managers {
                    queue.append((next + index, rest / managers + (index < rest % managers ? 1 : 0)))
                }
            }
            next += span
        }
        return parent
    }

    /// A random permutation of 1…people, used as employee numbers.
    func employeeNumbers() -> [Int] {
        var random = SplitMix64(seed: seed ^ 0x5EED)
        var numbers = Array(1...people)
        for index in stride(from: numbers.count - 1, to: 0, by: -1) {
            numbers.swapAt(index, Int(random.next() % UInt64(index + 1)))
        }
        return numbers
    }
}
