package import OrgLensGraph
import OrgLensKeys
package import OrgLensModel
package import OrgLensStage

/// The opt-in `people` table for BI drill-down: one record per person with ids and structure, and only
/// the personal fields the pipeline's `privacy.publish` allows. Written with mode 0600.
package enum PeopleTable {
    package static func render(
        asOf: CivilDate, graph: OrgGraph, staged: StagedPeople, stagedPerson: [Int32], personal: PersonalColumns,
        orgHead: [Int32],
        teams: TeamCatalog?
    ) -> [UInt8] {
        var bytes: [UInt8] = []
        for person in 0..<graph.count {
            var json = JSONWriter()
            json.beginObject()
            json.field("as_of", asOf.description)
            json.field("id", graph.id(person))
            let manager = graph.parent[person]
            json.field("manager_id", manager >= 0 ? graph.id(Int(manager)) : nil)
            json.field("layer", Int(graph.layer[person]))
            let team = teams.map { $0.personTeam[person] } ?? -1
            json.field("team_id", team >= 0 ? teams?.teams.index.id(team) : nil)
            json.field("is_manager", graph.directReports(of: person) > 0)
            json.field("org_head", orgHead[person] >= 0 ? graph.id(Int(orgHead[person])) : nil)
            let record = Int(staged.record[Int(stagedPerson[person])])
            for (index, field) in personal.fields.enumerated() {
                json.field(field.rawValue, personal.value(index, record: record))
            }
            json.endObject()
            bytes += json.finished()
        }
        return bytes
    }
}
