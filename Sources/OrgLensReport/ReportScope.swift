import OrgLensContract

/// One org head's org (`orglens report --org-head ID`): the managers under them, by the managers table's
/// `manager_id`, and the teams whose org head they are. The page shows only rows of the run's tables about it.
struct ReportScope {
    let head: String
    /// The org head's position in `org_heads`.
    let headIndex: Int
    /// The org head and every manager under them.
    let managers: Set<String>
    let teams: Set<String>

    init?(orgHead: String, dashboard: DashboardValue, managers rows: [ReportDigest.Manager]) {
        guard let headIndex = dashboard["org_heads"].array.firstIndex(where: { $0["id"].string == orgHead }) else {
            return nil
        }
        head = orgHead
        self.headIndex = headIndex
        var children: [String: [String]] = [:]
        for manager in rows {
            if let parent = manager.managerID { children[parent, default: []].append(manager.id) }
        }
        var found: Set<String> = [orgHead]
        var queue = [orgHead]
        while let next = queue.popLast() {
            for child in children[next] ?? [] where found.insert(child).inserted { queue.append(child) }
        }
        managers = found
        teams = Set(
            dashboard["teams"].array.filter { $0["org_head"].string == orgHead }.compactMap { $0["id"].string })
    }

    func covers(subject: String) -> Bool { managers.contains(subject) || teams.contains(subject) }
}

/// The nights of `history/trend.ndjson` up to the report's own, oldest first.
struct ReportTrend {
    let records: [DashboardValue]
    var days: [String] { records.map { $0["as_of"].string ?? "" } }

    init(_ bytes: [UInt8], asOf: String) {
        var records: [DashboardValue] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            guard let value = SchemaValue.parse(Array(line)) else { continue }
            let record = DashboardValue(value)
            guard let day = record["as_of"].string, day <= asOf else { continue }
            records.append(record)
        }
        self.records = records.sorted { ($0["as_of"].string ?? "") < ($1["as_of"].string ?? "") }
    }
}
