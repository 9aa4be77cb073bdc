import OrgLensGraph
import OrgLensModel
import OrgLensStage
import OrgLensTestSupport
import Testing

func buildGraph(_ table: RawTable) -> OrgGraphBuilder.Result {
    OrgGraphBuilder.build(
        PeopleStager.stage(table, policy: PeoplePolicy(asOf: CivilDate(year: 2026, month: 11, day: 1)!)))
}

extension OrgGraph {
    var ids: [String] { (0..<count).map(id) }
    func layer(of id: String) -> Int32? { ids.firstIndex(of: id).map { layer[$0] } }
}

@Suite struct OrgGraphBuilderTests {
    @Test func layersFollowReportingLines() {
        // Rows listed reports-first: order must not matter.
        let built = buildGraph(PeopleTable.make(managers: [("C", "B"), ("D", "B"), ("B", "A"), ("A", "")]))
        #expect(built.graph.layer(of: "A") == 1)
        #expect(built.graph.layer(of: "B") == 2)
        #expect(built.graph.layer(of: "C") == 3)
        #expect(built.roots == 1)
        #expect(built.orphans == 0)
        let order = built.graph.order.map { built.graph.ids[Int($0)] }
        #expect(order.first == "A")
        #expect(order.firstIndex(of: "B")! < order.firstIndex(of: "C")!)
    }

    /// People are numbered in reporting order: the top-down order is 0, 1, 2, …, every manager comes before their
    /// reports, a manager's reports are numbered side by side, and each person still maps to their own row.
    @Test func peopleAreNumberedInReportingOrder() {
        let rows = [("C", "B"), ("E", "D"), ("D", "A"), ("B", "A"), ("A", ""), ("F", "B"), ("O", "nobody")]
        let table = PeopleTable.make(managers: rows)
        let built = buildGraph(table)
        let graph = built.graph
        #expect(graph.order == (0..<Int32(graph.count)).map { $0 })
        #expect((0..<graph.count).allSatisfy { graph.parent[$0] < Int32($0) })
        #expect(graph.ids == ["A", "O", "D", "B", "E", "C", "F"])
        for person in 0..<graph.count {
            let record = Int(built.stagedPerson[person])
            #expect(table.column("employee_id")!.string(at: record) == graph.ids[person])
            #expect(built.personOfKey[Int(graph.personKey[person])] == Int32(person))
        }
        #expect(graph.reports(of: 0).map { graph.ids[Int($0)] } == ["D", "B"])
        #expect(graph.reports(of: 3).map { graph.ids[Int($0)] } == ["C", "F"])
    }

    /// Values kept in export order come out in graph order: each person's own value, for every element type, on
    /// one worker and on several (an org past the size where the gather runs in chunks).
    @Test func valuesAreGatheredIntoGraphOrder() {
        // A chain where the 0th row is the bottom: the graph order reverses the rows.
        let count = 70_000
        let rows = (0..<count).map { row in ("P\(row)", row + 1 < count ? "P\(row + 1)" : "") }
        let built = buildGraph(PeopleTable.make(managers: rows))
        let record = (0..<count).map { Int(built.stagedPerson[$0]) }
        #expect(record.first == count - 1)
        let wide = (0..<count).map { Int64($0) * 3_000_000_000 }
        let narrow = (0..<count).map { Int32($0) - 5 }
        let flags = (0..<count).map { $0 % 3 == 0 }
        for workers in [1, 2, 4] {
            #expect(built.inGraphOrder(wide, workers: workers) == record.map { wide[$0] })
            #expect(built.inGraphOrder(narrow, workers: workers) == record.map { narrow[$0] })
            #expect(built.inGraphOrder(flags, workers: workers) == record.map { flags[$0] })
        }
    }

    @Test func everyMemberOfALoopIsQuarantinedAndTheLoopNamed() {
        let built = buildGraph(
            PeopleTable.make(managers: [("A", ""), ("L3", "L2"), ("L1", "L3"), ("L2", "L1"), ("X", "L2")]))
        #expect(Set(built.rejections.map(\.employeeID)) == ["L1", "L2", "L3"])
        #expect(built.rejections.allSatisfy { $0.rule == .managerCycle })
        #expect(
            built.rejections.first?.message
                == "reporting loop (each reports to the next): L1 → L3 → L2 → L1; fix one manager_id in the loop")
        #expect(built.graph.ids.sorted() == ["A", "X"])
        // X reported into the loop: kept, as an orphan.
        #expect(built.orphans == 1)
        #expect(built.findings.contains { $0.rule == .managerDangling && $0.subject == "X" })
    }

    @Test func danglingInactiveAndSelfManagersAreFindings() {
        let table = PeopleTable.make([
            ["CEO", "CEO"], ["A", "CEO"], ["B", "NOBODY"], ["GONE", "CEO", "terminated"], ["C", "GONE"],
        ])
        let built = buildGraph(table)
        let rules = Dictionary(grouping: built.findings, by: \.subject).mapValues { $0.map(\.rule) }
        #expect(rules["CEO"] == [.managerSelf])
        #expect(rules["B"] == [.managerDangling])
        #expect(rules["C"] == [.managerInactive])
        #expect(built.roots == 1)
        #expect(built.orphans == 2)
        // An orphan is on no layer of the org (0), though at the top of its own tree.
        #expect(built.graph.layer(of: "C") == 0)
        #expect(built.graph.layer(of: "A") == 2)
        #expect(built.graph.ids.firstIndex(of: "C").map { built.graph.depth[$0] } == 1)
        #expect(built.graph.detachedCount == 2)
    }

    @Test func severalRootsAreOneOrgFinding() {
        let built = buildGraph(PeopleTable.make(managers: [("R2", ""), ("R1", ""), ("A", "R1")]))
        let finding = built.findings.first { $0.rule == .orgMultipleRoots }
        #expect(finding?.value == 2)
        #expect(finding?.message.contains("(R1, R2)") == true)
    }

    @Test func aHundredThousandLevelChainNeedsNoRecursion() {
        let depth = 100_000
        let pairs = (0..<depth).map { ("P\($0)", $0 == 0 ? "" : "P\($0 - 1)") }
        let built = buildGraph(PeopleTable.make(managers: pairs))
        #expect(built.graph.layer.max() == Int32(depth))
        #expect(built.rejections.isEmpty)
    }

    @Test func aHundredThousandLongLoopIsFoundWithoutRecursion() {
        let size = 100_000
        let pairs = (0..<size).map { ("P\($0)", "P\(($0 + 1) % size)") }
        let built = buildGraph(PeopleTable.make(managers: pairs + [("ROOT", "")]))
        #expect(built.rejections.count == size)
        #expect(built.rejections.first?.message.contains("(100000 people)") == true)
        #expect(built.graph.count == 1)
    }
}
