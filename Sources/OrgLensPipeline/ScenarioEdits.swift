import OrgLensHistory
import OrgLensKeys
import OrgLensModel
import OrgLensSettings
import OrgLensStage

/// A scenario turned into edits of the exports, checked change by change against the org as it stands after the
/// changes before it: what a planner would type into the export by hand, and nothing the export could not say.
struct ScenarioEdits: Sendable {
    /// Real id → the manager id its rows get.
    var manager: [String: String] = [:]
    var team: [String: String] = [:]
    var left: Set<String> = []
    /// New rows, field → text, in the order of the changes.
    var hires: [[String: String]] = []
    /// Positions filled by the plan.
    var filled: Set<String> = []
    /// What each change did, in the scenario's order: (line, kind, what it did).
    var done: [(line: Int, kind: String, summary: String)] = []

    /// The org before, as the simulation needs it: each person's manager ("" for none), the open positions and
    /// their budgets.
    struct Org {
        var managerOf: Managers
        /// Open positions: id → (hiring manager, team).
        var openPositions: [String: (manager: String?, team: String?)]
        var budgets: [String: (amount: String, currency: String?)]

        func reports(of id: String) -> [String] { managerOf.reports(of: id) }

        /// Whether `person` is `manager` or above them: moving `person` under `manager` would make a loop.
        func isAbove(_ person: String, _ manager: String) -> Bool {
            var current: String? = manager
            var steps = 0
            while let at = current, !at.isEmpty, steps <= managerOf.count {
                if at == person { return true }
                current = managerOf[at]
                steps += 1
            }
            return false
        }
    }

    /// Each person's manager as a dictionary reads it, over the snapshot's arrays with the plan's changes on top: no
    /// string is made for the people the plan does not touch.
    struct Managers {
        let snapshot: Snapshot
        let index: KeyIndex
        private var changed: [String: String] = [:]
        private var removed: Set<String> = []

        init(_ snapshot: Snapshot) {
            self.snapshot = snapshot
            index = KeyIndex(names: snapshot.ids)
        }

        var count: Int { snapshot.count + changed.count }

        /// The manager's id ("" for none), or nil for no one in the org.
        subscript(id: String) -> String? {
            get {
                if removed.contains(id) { return nil }
                if let manager = changed[id] { return manager }
                guard let person = index.key(of: id) else { return nil }
                let manager = snapshot.manager[Int(person)]
                return manager < 0 ? "" : snapshot.id(Int(manager))
            }
            set {
                if let newValue {
                    changed[id] = newValue
                    removed.remove(id)
                } else {
                    changed[id] = nil
                    removed.insert(id)
                }
            }
        }

        /// Direct reports of `id` now, by id.
        func reports(of id: String) -> [String] {
            var found = changed.filter { $0.value == id && !removed.contains($0.key) }.map(\.key)
            if let manager = index.key(of: id) {
                for person in 0..<snapshot.count where snapshot.manager[person] == manager {
                    let report = snapshot.id(person)
                    if changed[report] == nil, !removed.contains(report) { found.append(report) }
                }
            }
            return found.sorted()
        }
    }

    static func make(_ scenario: Scenario, org start: Org, path: String) throws(RunError) -> ScenarioEdits {
        var org = start
        var edits = ScenarioEdits()
        for change in scenario.changes {
            let place = "\(path):\(change.line)"
            func refuse(_ message: String) -> RunError {
                RunError(.badData, "\(place): \(change.kind.name): \(message); nothing was written.")
            }
            func known(_ id: String, _ role: String) throws(RunError) {
                guard org.managerOf[id] != nil else {
                    throw refuse("\(role) \(id) is no one in the org (as of the plan's date, after the changes before)")
                }
            }
            func move(_ people: [String], to target: String) throws(RunError) {
                try known(target, "manager")
                for person in people {
                    try known(person, "person")
                    if org.isAbove(person, target) {
                        throw refuse(
                            "moving \(person) under \(target) makes a reporting loop (\(target) is in \(person)'s org)")
                    }
                }
                for person in people {
                    org.managerOf[person] = target
                    edits.manager[person] = target
                }
            }
            switch change.kind {
            case .move(let spec):
                let people: [String]
                if let named = spec.people {
                    people = named
                } else if let head = spec.reportsOf {
                    try known(head, "manager")
                    people = org.reports(of: head)
                    guard !people.isEmpty else { throw refuse("\(head) has no direct reports to move") }
                } else {
                    people = [spec.subtreeOf!]
                }
                try move(people, to: spec.toManager)
                edits.done.append((change.line, "move", "\(people.count) moved to \(spec.toManager)"))
            case .hire(let spec):
                guard org.managerOf[spec.id] == nil, !edits.left.contains(spec.id) else {
                    throw refuse("\(spec.id) is already someone's id")
                }
                try known(spec.manager, "manager")
                org.managerOf[spec.id] = spec.manager
                var row = ["employee_id": spec.id, "manager_id": spec.manager, "status": "active"]
                row["team_id"] = spec.team
                row["salary"] = spec.salary
                row["currency"] = spec.currency
                row["employment_type"] = spec.employmentType
                edits.hires.append(row)
                edits.done.append((change.line, "hire", "\(spec.id) hired under \(spec.manager)"))
            case .leave(let spec):
                for person in spec.people {
                    try known(person, "person")
                    let reports = org.reports(of: person)
                    if !reports.isEmpty {
                        guard let to = spec.reportsTo else {
                            throw refuse(
                                "\(person) has \(reports.count) direct reports; move them first or give reports_to")
                        }
                        try move(reports, to: to)
                    }
                    org.managerOf[person] = nil
                    edits.left.insert(person)
                    edits.manager[person] = nil
                }
                edits.done.append((change.line, "leave", "\(spec.people.count) left"))
            case .team(let spec):
                for person in spec.people {
                    try known(person, "person")
                    edits.team[person] = spec.toTeam
                }
                edits.done.append((change.line, "team", "\(spec.people.count) moved to team \(spec.toTeam)"))
            case .fill(let spec):
                guard let position = org.openPositions.removeValue(forKey: spec.position) else {
                    throw refuse("\(spec.position) is no open position of the positions export")
                }
                guard let manager = position.manager else {
                    throw refuse("\(spec.position) has no hiring manager in the org to report to")
                }
                guard org.managerOf[spec.id] == nil else { throw refuse("\(spec.id) is already someone's id") }
                org.managerOf[spec.id] = manager
                let budget = org.budgets[spec.position]
                var row = ["employee_id": spec.id, "manager_id": manager, "status": "active"]
                row["team_id"] = position.team
                row["salary"] = spec.salary ?? budget?.amount
                row["currency"] = spec.currency ?? budget?.currency
                edits.hires.append(row)
                edits.filled.insert(spec.position)
                edits.done.append((change.line, "fill", "\(spec.position) filled by \(spec.id) under \(manager)"))
            }
        }
        return edits
    }

    /// The people export as edited.
    func people(_ table: RawTable) throws(RunError) -> RawTable {
        guard let ids = table.column(PersonField.employeeID.rawValue) else { return table }
        // A value the export has no column for cannot be typed into it: the plan would not be the edited export.
        let given = Set(hires.flatMap(\.keys)).union(team.isEmpty ? [] : [PersonField.teamID.rawValue])
        if let missing = given.subtracting(["status"]).sorted().first(where: { table.column($0) == nil }) {
            throw RunError(
                .badData,
                "the plan sets \(missing), and the people export has no \(missing) column (as the pipeline maps it); leave it out of the scenario; nothing was written."
            )
        }
        // Only the ids the plan names are looked for, by their bytes: the export's rows make no strings.
        let named = Array(Set(left).union(manager.keys).union(team.keys).union(hires.compactMap { $0["employee_id"] }))
            .sorted()
        var names = TextColumn()
        for id in named { names.append(Array(id.utf8)) }
        let index = KeyIndex(names: names)
        var edit = RawTableEdit()
        var present: Set<String> = []
        ids.bytes.withUnsafeBufferPointer { bytes in
            for record in 0..<table.recordCount {
                guard let key = index.key(of: UnsafeBufferPointer(rebasing: bytes[ids.trimmedRange(at: record)]))
                else { continue }
                let id = named[Int(key)]
                present.insert(id)
                if left.contains(id) {
                    edit.dropped.insert(record)
                    continue
                }
                var cells: [String: String] = [:]
                if let manager = manager[id] { cells[PersonField.managerID.rawValue] = manager }
                if let team = team[id] { cells[PersonField.teamID.rawValue] = team }
                if !cells.isEmpty { edit.cells[record] = cells }
            }
        }
        // A new id may still be an inactive row of the export: the hand-edited export would repeat it.
        if let clash = hires.compactMap({ $0["employee_id"] }).first(where: present.contains) {
            throw RunError(
                .badData,
                "the plan hires \(clash), an id the people export already has (someone not in the org on the plan's date); choose another id; nothing was written."
            )
        }
        edit.appended = hires
        return table.applying(edit)
    }

    /// The positions export with the filled positions marked so (or dropped when it has no status column).
    func positions(_ table: RawTable) -> RawTable {
        guard !filled.isEmpty, let ids = table.column(PositionField.positionID.rawValue) else { return table }
        let hasStatus = table.column(PositionField.status.rawValue) != nil
        var edit = RawTableEdit()
        for record in 0..<table.recordCount where filled.contains(ids.trimmedString(at: record)) {
            if hasStatus {
                edit.cells[record] = [PositionField.status.rawValue: PositionStatus.filled.rawValue]
            } else {
                edit.dropped.insert(record)
            }
        }
        return table.applying(edit)
    }
}
