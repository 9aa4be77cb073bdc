public import OrgLensModel

/// Stages a people `RawTable`: trims and interns ids, quarantines rows without an id or with a
/// repeated one (the first occurrence wins), and applies the inclusion policy.
public enum PeopleStager {
    public static func stage(_ table: RawTable, policy: PeoplePolicy) -> StagedPeople {
        var staged = StagedPeople(source: table.source)
        staged.rowsRead = table.rowsRead
        staged.rejections = table.rejections
        guard let ids = table.column(PersonField.employeeID.rawValue),
              let managers = table.column(PersonField.managerID.rawValue) else {
            preconditionFailure("readers reject sources without the required columns")
        }
        let statuses = table.column(PersonField.status.rawValue)
        let hireDates = table.column(PersonField.hireDate.rawValue)
        var interner = KeyInterner(capacity: table.recordCount)
        /// Line of the row that first claimed each key, or 0.
        var claimedOnLine: [Int] = []
        claimedOnLine.reserveCapacity(table.recordCount)
        staged.personKey.reserveCapacity(table.recordCount)
        staged.managerLink.reserveCapacity(table.recordCount)
        staged.line.reserveCapacity(table.recordCount)

        for record in 0..<table.recordCount {
            let line = table.lines[record]
            let id = ids.trimmedString(at: record)
            guard !id.isEmpty else {
                staged.rejections.append(Rejection(
                    source: table.source, line: line, rule: .rowMissingID,
                    message: "employee_id is empty; every row needs an id", employeeID: "", record: record))
                continue
            }
            let key = interner.key(for: id)
            while claimedOnLine.count < interner.count { claimedOnLine.append(0) }
            if claimedOnLine[Int(key)] != 0 {
                staged.rejections.append(Rejection(
                    source: table.source, line: line, rule: .rowDuplicateID,
                    message: "employee_id \(id) already appears on line \(claimedOnLine[Int(key)]); the first row is kept",
                    employeeID: id, record: record))
                continue
            }
            claimedOnLine[Int(key)] = line

            if let exclusion = exclusion(record: record, id: id, statuses: statuses, hireDates: hireDates,
                                         policy: policy, findings: &staged.findings) {
                staged.excluded[exclusion, default: 0] += 1
                interner.setState(.excluded, for: key)
                continue
            }
            interner.setState(.inOrg, for: key)
            let manager = managers.trimmedString(at: record)
            let link: StagedPeople.ManagerLink
            if manager.isEmpty || policy.rootMarkers.contains(manager.lowercased()) {
                link = .none
            } else if manager == id {
                link = .selfManaged
            } else {
                link = .key(interner.key(for: manager))
            }
            staged.personKey.append(key)
            staged.managerLink.append(link)
            staged.line.append(line)
        }
        staged.keys = interner.names
        staged.keyStates = interner.states
        return staged
    }

    /// The policy rule that leaves this row out of the org, if any.
    private static func exclusion(
        record: Int, id: String, statuses: TextColumn?, hireDates: TextColumn?,
        policy: PeoplePolicy, findings: inout [Finding]
    ) -> Rule? {
        if let statuses, !policy.inactiveStatuses.isEmpty {
            let status = statuses.trimmedString(at: record).lowercased()
            if policy.inactiveStatuses.contains(status) { return .policyInactiveStatus }
        }
        if let hireDates {
            let text = hireDates.trimmedString(at: record)
            if !text.isEmpty {
                if let hired = CivilDate(iso: Substring(text)) {
                    if hired > policy.asOf { return .policyNotStarted }
                } else {
                    findings.append(Finding(
                        rule: .valueInvalidDate, severity: .warning, subject: id, value: nil,
                        message: "hire_date of \(id) is not a YYYY-MM-DD date; the person is counted as started"))
                }
            }
        }
        return nil
    }
}
