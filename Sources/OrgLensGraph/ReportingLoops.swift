/// Finds every reporting loop in a parent array without recursion (a 100,000-level chain is fine).
enum ReportingLoops {
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
