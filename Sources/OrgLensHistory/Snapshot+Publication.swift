package import OrgLensGraph
package import OrgLensMetrics
package import OrgLensModel

extension Snapshot {
    /// Records which groups' pay the run published (ids only): the next night checks itself against them.
    package mutating func setPublished(_ groups: PublishedGroups) {
        for person in flags.indices {
            flags[person].remove([.subtreePublished, .subtreeSharePublished, .paid])
            if person < groups.salaried.count, groups.salaried[person] { flags[person].insert(.paid) }
            if person < groups.subtree.count, groups.subtree[person] { flags[person].insert(.subtreePublished) }
            if person < groups.subtreeShare.count, groups.subtreeShare[person] {
                flags[person].insert(.subtreeSharePublished)
            }
        }
        func bits(_ totals: [Bool], _ shares: [Bool]) -> [UInt8] {
            totals.indices.map { (totals[$0] ? 1 : 0) | ($0 < shares.count && shares[$0] ? 2 : 0) }
        }
        layerPublished = bits(groups.layer, groups.layerShare)
        teamPublished = teamIDs.count == groups.team.count ? bits(groups.team, groups.teamShare) : []
    }

    /// What this night published, as groups of this night's people.
    package var publishedGroups: PublishedGroups {
        let teams = teamPublished.count == teamIDs.count ? teamPublished : [UInt8](repeating: 0, count: teamIDs.count)
        return PublishedGroups(
            subtree: flags.map { $0.contains(.subtreePublished) },
            subtreeShare: flags.map { $0.contains(.subtreeSharePublished) },
            layer: layerPublished.map { $0 & 1 != 0 }, layerShare: layerPublished.map { $0 & 2 != 0 },
            team: teams.map { $0 & 1 != 0 }, teamShare: teams.map { $0 & 2 != 0 },
            salaried: flags.map { $0.contains(.paid) })
    }
}

extension EarlierPublication {
    /// The publication of the night `snapshot` was taken on, seen from tonight's graph: who is the same person,
    /// who changed manager or team (or joined) since, and which of tonight's layers and teams were published then.
    package init(_ snapshot: Snapshot, tonight graph: OrgGraph, personTeam: [Int32]?, teamIDs: TextColumn?) {
        let match = Match(before: snapshot.ids, after: Snapshot.ids(of: graph)).afterToBefore
        var teamIndexThen: [String: Int] = [:]
        for team in 0..<snapshot.teamIDs.count { teamIndexThen[snapshot.teamIDs.string(at: team)] = team }
        // Tonight's team → the same team that night (-1: new), so people are compared as integers.
        let teamThenOf = (0..<(teamIDs?.count ?? 0)).map { Int32(teamIndexThen[teamIDs!.string(at: $0)] ?? -1) }
        let changed = (0..<graph.count).map { person -> Bool in
            let then = Int(match[person])
            guard then >= 0 else { return true }
            let parent = graph.parent[person]
            let managerNow = parent >= 0 ? match[Int(parent)] : -1
            // A manager who is new tonight matches no one then: a change, as a moved manager is.
            if managerNow != snapshot.manager[then] || (parent >= 0 && managerNow < 0) { return true }
            let teamNow = personTeam.map { $0[person] >= 0 ? teamThenOf[Int($0[person])] : -1 } ?? -1
            return teamNow != snapshot.team[then] || (teamNow < 0 && (personTeam?[person] ?? -1) >= 0)
        }
        let published = snapshot.publishedGroups
        let layers = Int(graph.layer.max() ?? 0)
        self.init(
            parent: snapshot.manager, layer: snapshot.layer.map { Int32($0) }, team: snapshot.team,
            isManager: snapshot.flags.map { $0.contains(.manages) }, published: published, match: match,
            changed: changed,
            layerWasPublished: (0...layers).map { $0 < published.layer.count && published.layer[$0] },
            teamWasPublished: (0..<(teamIDs?.count ?? 0)).map { team in
                teamIndexThen[teamIDs!.string(at: team)].map { published.team[$0] } ?? false
            })
    }
}
