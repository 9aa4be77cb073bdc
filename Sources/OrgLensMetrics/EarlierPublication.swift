/// What an earlier night published, over that night's people: the groups and shares a reader of both nights
/// holds. Tonight's withholding is checked against it, so that the two nights' figures together isolate no one.
///
/// People of both nights are the same unknowns (their pay assumed unchanged, which only makes a reader's task
/// harder if it did change). Joiners, and people who moved manager or team, are unknowns too, but a set of them
/// alone may show (a single change shows in every published ancestor anyway); a set that holds anyone unchanged
/// may not, whoever else is in it.
package struct EarlierPublication: Sendable {
    /// That night's reporting tree (-1 at the tops), layers (0 on no layer), teams (-1: none) and managers.
    package let parent: [Int32]
    package let layer: [Int32]
    package let team: [Int32]?
    package let isManager: [Bool]
    /// Published that night, per person (subtree and its management share), per layer and per team.
    package let published: PublishedGroups
    /// Tonight's person → the same person that night (-1: joined since).
    package let match: [Int32]
    /// Tonight's people a change since may give away: joiners and people who moved.
    package let changed: [Bool]
    /// Per tonight's layer and team: published that night too (kept published while that stays safe).
    package let layerWasPublished: [Bool]
    package let teamWasPublished: [Bool]

    package init(
        parent: [Int32], layer: [Int32], team: [Int32]?, isManager: [Bool], published: PublishedGroups,
        match: [Int32], changed: [Bool], layerWasPublished: [Bool], teamWasPublished: [Bool]
    ) {
        self.parent = parent
        self.layer = layer
        self.team = team
        self.isManager = isManager
        self.published = published
        self.match = match
        self.changed = changed
        self.layerWasPublished = layerWasPublished
        self.teamWasPublished = teamWasPublished
    }

    /// Each earlier person's signature: one token per group (or share side) published that night that holds
    /// them, in dimensions of their own (tonight's groups use 1–3).
    func signatures(token: (UInt64, Int, UInt64) -> UInt64) -> [UInt64] {
        let count = parent.count
        // Subtree tokens accumulate down the tree: each person's own chain of published subtrees.
        var chain = [UInt64?](repeating: nil, count: count)
        var asManager = [UInt64](repeating: 0, count: count)
        var asOther = [UInt64](repeating: 0, count: count)
        for start in 0..<count where chain[start] == nil {
            var path: [Int] = []
            var node = start
            while node >= 0, chain[node] == nil, path.count <= count {
                path.append(node)
                node = Int(parent[node])
            }
            var (manager, other): (UInt64, UInt64) = node >= 0 ? (asManager[node], asOther[node]) : (0, 0)
            for person in path.reversed() {
                if published.subtree[person] {
                    let share = published.subtreeShare[person]
                    manager &+= token(11, person, share ? 1 : 0)
                    other &+= token(11, person, share ? 2 : 0)
                }
                asManager[person] = manager
                asOther[person] = other
                chain[person] = 0
            }
        }
        return (0..<count).map { person in
            let manages = isManager[person]
            var signature = manages ? asManager[person] : asOther[person]
            let layerIndex = Int(layer[person])
            if layerIndex > 0, layerIndex < published.layer.count, published.layer[layerIndex] {
                signature &+= token(12, layerIndex, published.layerShare[layerIndex] ? (manages ? 1 : 2) : 0)
            }
            if let team, team[person] >= 0, Int(team[person]) < published.team.count, published.team[Int(team[person])]
            {
                let index = Int(team[person])
                signature &+= token(13, index, published.teamShare[index] ? (manages ? 1 : 2) : 0)
            }
            return signature
        }
    }
}

/// Which groups a night published: per person their subtree (and its management share), per layer index, per
/// team index. Group ids only, never an amount; a snapshot keeps them for the next night's check.
package struct PublishedGroups: Sendable, Equatable {
    package var subtree: [Bool]
    package var subtreeShare: [Bool]
    package var layer: [Bool]
    package var layerShare: [Bool]
    package var team: [Bool]
    package var teamShare: [Bool]
    /// Per person: paid something, so their pay is in the figures of the groups they are in.
    package var salaried: [Bool]

    package init(
        subtree: [Bool], subtreeShare: [Bool], layer: [Bool], layerShare: [Bool], team: [Bool], teamShare: [Bool],
        salaried: [Bool]
    ) {
        self.subtree = subtree
        self.subtreeShare = subtreeShare
        self.layer = layer
        self.layerShare = layerShare
        self.team = team
        self.teamShare = teamShare
        self.salaried = salaried
    }
}
