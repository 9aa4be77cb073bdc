import OrgLensKeys
import OrgLensModel
import OrgLensStage
import OrgLensTestSupport
import Testing

@Suite struct KeyIndexTests {
    /// Every id finds its own key, by string and by bytes; ids that are not there find none.
    @Test func everyIdFindsItsKey() {
        let ids = (0..<50_000).map { "T\($0 * 7)" } + ["", "a-very-long-team-identifier-beyond-sixteen-bytes", "É"]
        let teams = CatalogStager.stageTeams(
            PeopleTable.make(
                fields: ["team_id", "name", "parent_team_id", "lead_id", "type"], ids.map { [$0] }, source: "teams.csv")
        )
        let index = teams.index
        #expect(index.count == ids.count - 1, "the empty id is quarantined")
        for key in 0..<index.count {
            let id = index.id(Int32(key))
            #expect(index.key(of: id) == Int32(key))
            var bytes = id
            #expect(bytes.withUTF8 { index.key(of: $0) } == Int32(key))
        }
        #expect(index.key(of: "T1") == nil)
        #expect(index.key(of: "T00") == nil)
    }
}
