import OrgLensModel

/// Finds every reporting loop in a parent array without recursion (a 100,000-level chain is fine).
enum ReportingLoops {
    /// Every member of every loop quarantined under `rule`, its message naming the whole loop.
    static func quarantine(
        _ loops: [[Int32]], id: (Int32) -> String, line: (Int32) -> Int, source: String, rule: Rule,
        short: RuleMessage, long: RuleMessage
    ) -> [Rejection] {
        var rejections: [Rejection] = []
        for loop in loops {
            let ids = loop.map(id)
            let described = OrgGraphBuilder.loopMessage(ids, short: short, long: long)
            for (member, memberID) in zip(loop, ids) {
                rejections.append(
                    Rejection(
                        source: source, line: line(member), rule: rule, message: described.message, ids: described.ids,
                        numbers: described.numbers, employeeID: memberID, record: nil))
            }
        }
        return rejections
    }

    /// Each loop's members, in manager-link order (a reports to b reports to c …).
    static func find(parent: [Int32]) -> [[Int32]] {
        enum Mark: UInt8 { case unvisited, onPath, done }
        var mark = [Mark](repeating: .unvisited, count: parent.count)
        var loops: [[Int32]] = []
        var path: [Int32] = []
        for start in parent.indices where mark[start] == .unvisited {
            path.removeAll(keepingCapacity: true)
            var person = Int32(start)
            while person >= 0, mark[Int(person)] == .unvisited {
                mark[Int(person)] = .onPath
                path.append(person)
                person = parent[Int(person)]
            }
            if person >= 0, mark[Int(person)] == .onPath, let entry = path.firstIndex(of: person) {
                loops.append(Array(path[entry...]))
            }
            for member in path { mark[Int(member)] = .done }
        }
        return loops
    }
}
