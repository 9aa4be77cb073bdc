import OrgLensKeys
import OrgLensModel
package import OrgLensStage

/// The people ↔ teams join: each person's `team_id` to a team, and each team's lead to a person in the org.
package struct TeamMembership: Sendable {
    /// Each staged person's team key (-1: none, or a team the teams export does not define).
    package let personTeam: [Int32]
    /// Each team's lead as a key into the staged people's `keys` (-1: no lead given; -2: no one in the org).
    package let leadKey: [Int32]
    /// Team ids people name that the teams export does not define, with how many people name each.
    package let unknownReferences: [String: Int]

    package init(people: StagedPeople, teams: StagedTeams, workers: Int) {
        let unknownTeam: Int32 = -2
        var personTeam = [Int32](repeating: -1, count: people.count)
        var unknown: [String: Int] = [:]
        if let column = people.teamIDs {
            let chunks = parallelChunks(count: people.count, workers: workers, serialThreshold: 16_384) { range in
                column.bytes.withUnsafeBufferPointer { bytes in
                    let trimmed = range.map { column.trimmedRange(at: Int(people.record[$0])) }
                    let keys = teams.index.keys(count: trimmed.count, in: bytes) { trimmed[$0] }
                    return zip(trimmed, keys).map { range, key in range.isEmpty ? -1 : key ?? unknownTeam }
                }
            }
            personTeam = Array(chunks.joined())
            for person in personTeam.indices where personTeam[person] == unknownTeam {
                unknown[column.trimmedString(at: Int(people.record[person])), default: 0] += 1
                personTeam[person] = -1
            }
        }
        self.personTeam = personTeam
        unknownReferences = unknown
        leadKey = Self.leads(teams.leadIDs, people: people, workers: workers)
    }

    /// Leads are matched on the ids as exported (the real ones, also when the published ids are pseudonyms).
    private static func leads(_ leadIDs: [String], people: StagedPeople, workers: Int) -> [Int32] {
        var distinct = TextColumn()
        var distinctIndex: [String: Int] = [:]
        for lead in leadIDs where !lead.isEmpty && distinctIndex[lead] == nil {
            distinctIndex[lead] = distinct.count
            distinct.append(Array(lead.utf8))
        }
        guard distinct.count > 0 else { return leadIDs.map { _ in -1 } }
        let index = KeyIndex(names: distinct)
        let keys = people.quarantineKeys ?? people.keys
        // Every key is looked up in the small index of leads, in chunks on the workers; the last key wins as in
        // a serial scan (keys are distinct, so at most one matches each lead).
        let chunks = parallelChunks(count: keys.count, workers: workers, serialThreshold: 65_536) { range in
            keys.bytes.withUnsafeBufferPointer { bytes in
                let inOrg = range.filter { people.keyStates[$0] == .inOrg }
                let leads = index.keys(count: inOrg.count, in: bytes) { keys.range(at: inOrg[$0]) }
                return zip(inOrg, leads).compactMap { key, lead in lead.map { (lead: $0, key: Int32(key)) } }
            }
        }
        var person = [Int32](repeating: -2, count: distinct.count)
        for (lead, key) in chunks.joined() { person[Int(lead)] = key }
        return leadIDs.map { lead in lead.isEmpty ? -1 : person[distinctIndex[lead]!] }
    }
}
