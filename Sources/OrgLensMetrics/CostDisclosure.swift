import OrgLensGraph
import OrgLensModel

/// Which groups' pay a run publishes. By default the reporting tree only (manager subtrees, and org heads,
/// which are subtrees too); layers and teams are opt-in, because every extra dimension cuts the org in
/// another direction and gives a reader more differences to take.
package struct CostDimensions: OptionSet, Sendable, Hashable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }

    package static let tree = CostDimensions(rawValue: 1)
    package static let layers = CostDimensions(rawValue: 2)
    package static let teams = CostDimensions(rawValue: 4)

    package static let names: [(String, CostDimensions)] = [("tree", .tree), ("layers", .layers), ("teams", .teams)]
}

/// Complementary suppression over every published group, so that no linear combination of published
/// figures gives the pay of 1 to k−1 salaried people.
///
/// The method: people are split into *atoms* — sets of people who belong to exactly the same published
/// groups (a published `management_cost_share` splits its group into a managers' part and the rest, since
/// `cost × share` and `cost × (1 − share)` are totals too). Every published figure is a sum over whole atoms,
/// so any combination of figures is constant on each atom, and the only pay a reader can isolate is that of
/// a union of atoms. When every atom that lies in some published group holds 0 or at least k salaried people,
/// no set of 1 to k−1 people can be isolated. While some atom is smaller, the smallest published group (or
/// share) that separates it is withheld, and the atoms are formed again.
///
/// Worked example (k = 5): a manager M with five reports, on a team T that M leads with the five. Subtree(M)
/// and T are the same six people: one atom of six, both published. Their management shares would split off
/// {M} (one person), so the shares are withheld. M's manager D, whose subtree is D + M's six + a second
/// published team of five, would leave D alone in an atom: Subtree(D) is withheld, and D's pay joins the
/// atom of D's own manager.
struct CostDisclosure {
    /// Published flags, per group of each dimension (built with every group big enough on its own, and every
    /// share whose two sides are; `settle` then withholds).
    var subtree: [Bool]
    var subtreeShare: [Bool]
    var layer: [Bool]
    var layerShare: [Bool]
    var team: [Bool]
    var teamShare: [Bool]

    /// The people the groups are made of, who among them has a salary and who manages, and how many
    /// salaried people each group holds.
    struct People {
        let graph: OrgGraph
        let salaried: [Bool]
        let isManager: [Bool]
        /// Team of each person (-1: none), when teams are a dimension.
        let team: [Int32]?
        let subtreeSize: [Int32]
        let layerSize: [Int32]
        let teamSize: [Int32]
        /// What the previous night published, seen from tonight's people (nil: each night on its own).
        var crossNight: CrossNight? = nil
    }

    /// The previous night's publication, per tonight's person.
    struct CrossNight {
        /// The signature the previous night's published groups give each person (0 for joiners).
        let signature: [UInt64]
        /// Joiners and movers: an atom of these alone may be small (their change shows anyway).
        let changed: [Bool]
        /// Whether each tonight's group was published the night before (kept published while that is safe).
        let subtreeWasPublished: [Bool]
        let layerWasPublished: [Bool]
        let teamWasPublished: [Bool]
        /// The signatures of the people paid the night before who are gone tonight: unknowns still, in the
        /// atoms they shared (older nights' leavers are left out, which only makes atoms look smaller).
        let leavers: [UInt64]
        /// Per earlier signature: the paid people who have it (tonight's and the leavers): the largest atom
        /// withholding tonight's groups could make of them.
        let mateCounts: [UInt64: Int]

        /// Every earlier night at once (newest first): a person's signature sums each night's, in dimensions
        /// of that night's own; changed means changed since any of them; kept means published the newest.
        init(_ nights: [EarlierPublication], salaried: [Bool]) {
            let count = salaried.count
            var signature = [UInt64](repeating: 0, count: count)
            var changed = [Bool](repeating: false, count: count)
            var newestSignatures: [UInt64] = []
            for (night, earlier) in nights.enumerated() {
                let before = earlier.signatures { dimension, group, side in
                    CostDisclosure.token(dimension &+ 10 &* UInt64(night), group, side)
                }
                for person in 0..<count {
                    let then = Int(earlier.match[person])
                    if then >= 0 { signature[person] &+= before[then] }
                    if earlier.changed[person] { changed[person] = true }
                }
                if night == 0 { newestSignatures = before }
            }
            let newest = nights[0]
            var present = [Bool](repeating: false, count: newest.parent.count)
            for then in newest.match where then >= 0 { present[Int(then)] = true }
            leavers = newestSignatures.indices.filter {
                !present[$0] && $0 < newest.published.salaried.count && newest.published.salaried[$0]
            }.map { newestSignatures[$0] }.filter { $0 != 0 }
            var mateCounts: [UInt64: Int] = [:]
            for person in 0..<count where salaried[person] && signature[person] != 0 {
                mateCounts[signature[person], default: 0] += 1
            }
            for leaver in leavers { mateCounts[leaver, default: 0] += 1 }
            self.mateCounts = mateCounts
            self.signature = signature
            self.changed = changed
            subtreeWasPublished = (0..<count).map {
                newest.match[$0] >= 0 && newest.published.subtree[Int(newest.match[$0])]
            }
            layerWasPublished = newest.layerWasPublished
            teamWasPublished = newest.teamWasPublished
        }
    }

    /// The reporting tree's own differencing guard, bottom-up: a subtree of k salaried people is a candidate
    /// unless the salaried people of it that no candidate subtree below covers are 1 to k−1. It settles the
    /// tree in one pass; `settle` then has only layers, teams and shares left to settle.
    static func treeCandidates(
        graph: OrgGraph, isManager: [Bool], salaried: (Int) -> Int32, minGroupSize k: Int32
    ) -> [Bool] {
        var subtree = [Bool](repeating: false, count: graph.count)
        var coveredBelow = [Int32](repeating: 0, count: graph.count)
        for person in graph.order.reversed() where isManager[Int(person)] {
            let index = Int(person)
            var covered: Int32 = 0
            for child in graph.reports(of: index) {
                covered += subtree[Int(child)] ? salaried(Int(child)) : coveredBelow[Int(child)]
            }
            coveredBelow[index] = covered
            let residual = salaried(index) - covered
            subtree[index] = salaried(index) >= k && !(residual > 0 && residual < k)
        }
        return subtree
    }

    /// Withholds groups, then shares, until no atom is small.
    mutating func settle(people: People, minGroupSize: Int) {
        let candidates = self
        subtreeShare = Array(repeating: false, count: subtree.count)
        layerShare = Array(repeating: false, count: layer.count)
        teamShare = Array(repeating: false, count: team.count)
        if people.team == nil, !layer.contains(true), people.crossNight == nil {
            // The tree alone: its totals were settled bottom-up; only the shares are left.
            subtreeShare = zip(candidates.subtreeShare, subtree).map { $0 && $1 }
            settleTreeShares(people, minGroupSize: minGroupSize)
            return
        }
        // Totals first, then the shares on top. Withholding only ever merges atoms, so each pass ends: each
        // round withholds at least one figure, and most orgs need one or two rounds.
        // Across nights a group the previous night published is withheld last, only once no other group would
        // do (and then one per earlier signature a round), so what a dashboard shows stays put while that is safe.
        var mates: [UInt64: [Int]]?
        while true {
            let small = smallAtoms(people, minGroupSize: minGroupSize)
            var withheld = false
            for person in small where withholdAround(person, people, keepingEarlier: true, mates: &mates) {
                withheld = true
            }
            if withheld { continue }
            // Only groups of the previous night are left to withhold: one per earlier signature a round, so one
            // region does not lose several where one would do.
            var regions: Set<UInt64> = []
            for person in small where regions.insert(people.crossNight?.signature[person] ?? 0).inserted {
                if withholdAround(person, people, keepingEarlier: false, mates: &mates) { withheld = true }
            }
            if !withheld { break }
        }
        subtreeShare = zip(candidates.subtreeShare, subtree).map { $0 && $1 }
        layerShare = zip(candidates.layerShare, layer).map { $0 && $1 }
        teamShare = zip(candidates.teamShare, team).map { $0 && $1 }
        // A small atom now is one the shares split off: withholding every share around it restores the atom
        // the totals alone left, which was large enough.
        while true {
            let small = smallAtoms(people, minGroupSize: minGroupSize)
            var withheld = false
            for person in small where withholdShares(around: person, people) { withheld = true }
            if !withheld { break }
        }
    }

    /// The tree's atoms without hashing: a person's atom is their *region* (the nearest published subtree
    /// containing them), split by role when a published share lies on the region's chain of published
    /// subtrees. A region whose managers or others are 1 to k−1 gets every share on its chain withheld.
    private mutating func settleTreeShares(_ people: People, minGroupSize: Int) {
        let graph = people.graph
        let count = graph.count
        let k = Int32(minGroupSize)
        while true {
            var region = [Int32](repeating: -1, count: count)
            var shareAbove = [Bool](repeating: false, count: count)
            var managers = [Int32](repeating: 0, count: count)
            var others = [Int32](repeating: 0, count: count)
            for person in graph.order {
                let index = Int(person)
                let parent = Int(graph.parent[index])
                region[index] = subtree[index] ? Int32(index) : (parent >= 0 ? region[parent] : -1)
                shareAbove[index] = (subtree[index] && subtreeShare[index]) || (parent >= 0 && shareAbove[parent])
                let own = Int(region[index])
                guard own >= 0, people.salaried[index] else { continue }
                if people.isManager[index] { managers[own] += 1 } else { others[own] += 1 }
            }
            var withheld = false
            for node in 0..<count where subtree[node] && shareAbove[node] {
                guard (managers[node] > 0 && managers[node] < k) || (others[node] > 0 && others[node] < k) else {
                    continue
                }
                var ancestor = node
                while ancestor >= 0 {
                    if subtreeShare[ancestor] {
                        subtreeShare[ancestor] = false
                        withheld = true
                    }
                    ancestor = Int(graph.parent[ancestor])
                }
            }
            if !withheld { return }
        }
    }

    /// One salaried person of each atom with 1 to k−1 salaried people (atoms outside every group excepted).
    private func smallAtoms(_ people: People, minGroupSize: Int) -> [Int] {
        let graph = people.graph
        let count = graph.count
        // A person's signature is the sum of one token per published group (or share side) they are in.
        var asManager = [UInt64](repeating: 0, count: count)
        var asOther = [UInt64](repeating: 0, count: count)
        for person in graph.order {
            let index = Int(person)
            let parent = Int(graph.parent[index])
            var manager: UInt64 = parent >= 0 ? asManager[parent] : 0
            var other: UInt64 = parent >= 0 ? asOther[parent] : 0
            if subtree[index] {
                manager &+= Self.token(1, index, subtreeShare[index] ? 1 : 0)
                other &+= Self.token(1, index, subtreeShare[index] ? 2 : 0)
            }
            asManager[index] = manager
            asOther[index] = other
        }
        // Across nights an atom of changed people only may be small (a change shows anyway); one that holds
        // someone unchanged may not. Its representative is an unchanged member. One no withholding tonight can
        // fix is left: the people it could merge with (the same earlier signature) are fewer than k, so the
        // earlier nights alone give it, whatever tonight publishes.
        var atoms: [UInt64: (count: Int, person: Int, unchanged: Bool)] = [:]
        atoms.reserveCapacity(1024)
        let crossNight = people.crossNight
        for person in 0..<count where people.salaried[person] {
            let manages = people.isManager[person]
            var signature = manages ? asManager[person] : asOther[person]
            if let crossNight { signature &+= crossNight.signature[person] }
            let layerIndex = Int(graph.layer[person])
            if layerIndex < layer.count, layer[layerIndex] {
                signature &+= Self.token(2, layerIndex, layerShare[layerIndex] ? (manages ? 1 : 2) : 0)
            }
            if let teams = people.team, teams[person] >= 0, team[Int(teams[person])] {
                let teamIndex = Int(teams[person])
                signature &+= Self.token(3, teamIndex, teamShare[teamIndex] ? (manages ? 1 : 2) : 0)
            }
            guard signature != 0 else { continue }
            let unchanged = !(crossNight?.changed[person] ?? false)
            var atom = atoms[signature, default: (0, person, false)]
            atom.count += 1
            if unchanged, !atom.unchanged { (atom.person, atom.unchanged) = (person, true) }
            atoms[signature] = atom
        }
        guard let crossNight else {
            return atoms.values.filter { $0.count < minGroupSize }.map(\.person).sorted()
        }
        for leaver in crossNight.leavers { atoms[leaver]?.count += 1 }
        return atoms.values.filter { atom in
            guard atom.count < minGroupSize, atom.unchanged else { return false }
            let before = crossNight.signature[atom.person]
            return before == 0 || (crossNight.mateCounts[before] ?? 0) >= minGroupSize
        }.map(\.person).sorted()
    }

    /// Withholds a group that sets `person`'s atom apart. Across nights the atom may be small because tonight's
    /// groups took away the people it shared with them last night, not because of a group around `person`: then
    /// a group around one of those is withheld. `keepingEarlier`: never a group published the night before.
    private mutating func withholdAround(
        _ person: Int, _ people: People, keepingEarlier: Bool, mates: inout [UInt64: [Int]]?
    ) -> Bool {
        if withholdSmallestGroup(containing: person, people, keepingEarlier: keepingEarlier) { return true }
        guard let crossNight = people.crossNight, crossNight.signature[person] != 0 else { return false }
        if mates == nil {
            var index: [UInt64: [Int]] = [:]
            for other in 0..<people.graph.count where crossNight.signature[other] != 0 {
                index[crossNight.signature[other], default: []].append(other)
            }
            mates = index
        }
        for mate in mates?[crossNight.signature[person]] ?? [] where mate != person {
            if withholdSmallestGroup(containing: mate, people, keepingEarlier: keepingEarlier) { return true }
        }
        return false
    }

    /// `keepingEarlier`: never a group published the night before (false when only such a group is around).
    private mutating func withholdSmallestGroup(
        containing person: Int, _ people: People, keepingEarlier: Bool = false
    ) -> Bool {
        enum Choice {
            case subtree(Int)
            case layer(Int)
            case team(Int)
        }
        var best: (kept: Bool, size: Int32, rank: Int, choice: Choice)?
        func consider(_ kept: Bool, _ size: Int32, _ rank: Int, _ choice: Choice) {
            let better = best.map {
                (kept ? 1 : 0, size, rank) < ($0.kept ? 1 : 0, $0.size, $0.rank)
            }
            if better ?? true { best = (kept, size, rank, choice) }
        }
        let crossNight = people.crossNight
        var ancestor = person
        while ancestor >= 0, !subtree[ancestor] { ancestor = Int(people.graph.parent[ancestor]) }
        if ancestor >= 0 {
            consider(
                crossNight?.subtreeWasPublished[ancestor] ?? false, people.subtreeSize[ancestor], 0,
                .subtree(ancestor))
        }
        if let teams = people.team, teams[person] >= 0, team[Int(teams[person])] {
            let index = Int(teams[person])
            let kept = crossNight.map { index < $0.teamWasPublished.count && $0.teamWasPublished[index] } ?? false
            consider(kept, people.teamSize[index], 1, .team(index))
        }
        let layerIndex = Int(people.graph.layer[person])
        if layerIndex < layer.count, layer[layerIndex] {
            let kept =
                crossNight.map { layerIndex < $0.layerWasPublished.count && $0.layerWasPublished[layerIndex] } ?? false
            consider(kept, people.layerSize[layerIndex], 2, .layer(layerIndex))
        }
        if keepingEarlier, best?.kept == true { return false }
        switch best?.choice {
        case .subtree(let index): subtree[index] = false
        case .layer(let index): layer[index] = false
        case .team(let index): team[index] = false
        case nil: return false
        }
        return true
    }

    /// Withholds every published share of a group `person` is in.
    private mutating func withholdShares(around person: Int, _ people: People) -> Bool {
        var withheld = false
        var ancestor = person
        while ancestor >= 0 {
            if subtreeShare[ancestor] {
                subtreeShare[ancestor] = false
                withheld = true
            }
            ancestor = Int(people.graph.parent[ancestor])
        }
        if let teams = people.team, teams[person] >= 0, teamShare[Int(teams[person])] {
            teamShare[Int(teams[person])] = false
            withheld = true
        }
        let layerIndex = Int(people.graph.layer[person])
        if layerIndex < layerShare.count, layerShare[layerIndex] {
            layerShare[layerIndex] = false
            withheld = true
        }
        return withheld
    }

    /// A fixed pseudo-random token per (dimension, group, share side): sums of distinct tokens collide with
    /// probability about 2⁻⁶⁴ per pair of atoms.
    static func token(_ dimension: UInt64, _ group: Int, _ side: UInt64) -> UInt64 {
        var generator = SplitMix64(
            seed: dimension &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(group) &* 0xD1B5_4A32_D192_ED03 ^ side
                &* 0x8CB9_2BA7_2F3D_8DD7)
        return generator.next() | 1
    }
}
