import OrgLensKeys
package import OrgLensModel

/// Stages a people `RawTable`: trims and interns ids, quarantines rows without an id or with a
/// repeated one (the first occurrence wins), reads values as the source writes them, and applies the
/// inclusion policy. Works on the columns' bytes: one pass, no `String` per row.
package enum PeopleStager {
    /// How many rows ahead the serial pass asks for the hash slots it will probe.
    private static let prefetchDistance = 16

    /// Row-local work runs on `workers` Dispatch workers; the result is the same for any worker count.
    /// `policy` should come from `PolicyResolution` (an `auto` left in it reads dates as ISO and managers as ids).
    /// Team ids are handed on as written: the teams join comes after staging (`TeamMembership`).
    package static func stage(_ table: RawTable, policy given: PeoplePolicy, workers: Int = 1) -> StagedPeople {
        guard let ids = table.column(PersonField.employeeID.rawValue),
            let managers = table.column(PersonField.managerID.rawValue)
        else {
            preconditionFailure("readers reject sources without the required columns")
        }
        var policy = given
        if policy.values.dateFormat == .auto { policy.values.dateFormat = .iso }
        if policy.managerReference == .auto { policy.managerReference = .id }
        let facts = RowFacts.compute(table, policy: policy, workers: workers)
        let roles = EffectiveRows.roles(table, format: policy.values.dateFormat, asOf: policy.asOf)
        var staging = Staging(table: table, policy: policy, facts: facts)
        staging.staged.managerReference = policy.managerReference
        let byReference = ManagerLookup(table: table, reference: policy.managerReference)
        // Names and emails are settled for every row before any is staged: a shared name is decided by the links
        // around it, which only the whole export shows.
        let resolved =
            byReference?.resolveAll(
                (0..<table.recordCount).map { record in
                    let manager = managers.trimmedString(at: record)
                    let marker = Array(manager.utf8).withUnsafeBufferPointer { staging.isRootMarker($0) }
                    return manager.isEmpty || marker ? nil : manager
                }, isEligible: { staging.isEligible($0) }, sameDepartment: { staging.sameDepartment($0, $1) }) ?? []
        let idBytes = ids.bytes
        let managerBytes = managers.bytes
        idBytes.withUnsafeBufferPointer { idBuffer in
            managerBytes.withUnsafeBufferPointer { managerBuffer in
                for record in 0..<table.recordCount {
                    if record + prefetchDistance < table.recordCount {
                        staging.prefetch(record: record + prefetchDistance)
                    }
                    let id = UnsafeBufferPointer(rebasing: idBuffer[ids.trimmedRange(at: record)])
                    if !roles.isEmpty, roles[record] != .inForce {
                        staging.exclude(
                            record: record, id: id,
                            rule: roles[record] == .future ? .policyNotStarted : .policySuperseded)
                        continue
                    }
                    let manager = UnsafeBufferPointer(rebasing: managerBuffer[managers.trimmedRange(at: record)])
                    if !resolved.isEmpty, let match = resolved[record] {
                        switch match {
                        case .found(let managerRecord):
                            let managerID = UnsafeBufferPointer(rebasing: idBuffer[ids.trimmedRange(at: managerRecord)])
                            staging.add(record: record, id: id, manager: managerID)
                        case .ambiguous(let candidates):
                            let name = ManagerLookup.normalize(
                                managers.trimmedString(at: record), policy.managerReference)
                            staging.staged.nameClashes[name, default: (0, candidates.map { ids.trimmedString(at: $0) })]
                                .rows += 1
                            staging.add(
                                record: record, id: id, manager: UnsafeBufferPointer(start: nil, count: 0),
                                ambiguous: candidates.count)
                        case .none(let normalized):
                            var text = normalized
                            text.withUTF8 { staging.add(record: record, id: id, manager: $0) }
                        }
                        continue
                    }
                    staging.add(
                        record: record, id: id, manager: manager,
                        managerHash: facts.managerHash.isEmpty ? nil : facts.managerHash[record])
                }
            }
        }
        if let dotted = table.column(PersonField.dottedManagerIDs.rawValue) {
            staging.stageDotted(dotted, ids: ids, lookup: byReference)
        }
        return staging.finish()
    }
}

/// The running state of one staging pass.
struct Staging: ~Copyable {
    let table: RawTable
    let policy: PeoplePolicy
    let statuses: TextColumn?
    let hireDates: TextColumn?
    let facts: RowFacts
    var staged: StagedPeople
    var interner: KeyInterner
    /// Line of the row that first claimed each key, or 0.
    var claimedOnLine: [Int] = []
    /// Distinct status values seen, what each means (nil: unmapped) and how many rows hold each.
    var statusValues = KeyInterner(capacity: 16)
    var statusClass: [StatusClass?] = []
    var statusRows: [Int] = []
    let rootMarkers: [[UInt8]]
    let salaries: TextColumn?
    let currencies: TextColumn?
    let employmentTypes: TextColumn?
    let departments: TextColumn?
    /// Distinct currency codes and employment types, each looked at once.
    var currencyValues = KeyInterner(capacity: 16)
    var currencyOfValue: [Int32] = []
    var currencyIndexByCode: [String: Int32] = [:]
    /// Values read per typed field (kept here, not in a dictionary, because every row adds to them).
    var hireDateReading = FieldReading()
    var salaryReading = FieldReading()
    var typeValues = KeyInterner(capacity: 16)
    var typeClass: [WorkerClass?] = []
    var typeRows: [Int] = []

    init(table: RawTable, policy: PeoplePolicy, facts: RowFacts) {
        self.table = table
        self.facts = facts
        self.policy = policy
        salaries = table.column(PersonField.salary.rawValue)
        currencies = table.column(PersonField.currency.rawValue)
        employmentTypes = table.column(PersonField.employmentType.rawValue)
        departments = table.column(PersonField.department.rawValue)
        statuses = table.column(PersonField.status.rawValue)
        hireDates = table.column(PersonField.hireDate.rawValue)
        staged = StagedPeople(source: table.source)
        staged.rowsRead = table.rowsRead
        staged.rejections = table.rejections
        interner = KeyInterner(capacity: table.recordCount)
        claimedOnLine.reserveCapacity(table.recordCount)
        staged.personKey.reserveCapacity(table.recordCount)
        staged.managerLink.reserveCapacity(table.recordCount)
        staged.line.reserveCapacity(table.recordCount)
        rootMarkers = policy.rootMarkers.map { Array($0.utf8) }
        if salaries != nil { staged.pay = StagedPay() }
    }

    func prefetch(record: Int) {
        interner.prefetch(hash: facts.idHash[record])
        if !facts.managerHash.isEmpty, facts.managerHash[record] != 0 {
            interner.prefetch(hash: facts.managerHash[record])
        }
    }

    mutating func add(
        record: Int, id: UnsafeBufferPointer<UInt8>, manager: UnsafeBufferPointer<UInt8>, managerHash: UInt64? = nil,
        ambiguous candidates: Int? = nil
    ) {
        let line = table.lines[record]
        guard !id.isEmpty else {
            // A spreadsheet's empty row (`;;;;;;`) is nobody: skipped and counted, not a row without an id.
            if isBlank(record) {
                staged.excluded[.rowBlank, default: 0] += 1
                return
            }
            staged.rejections.append(
                Rejection(
                    source: table.source, line: line, rule: .rowMissingID,
                    message: .rowMissingID, employeeID: "", record: record))
            return
        }
        let key = interner.key(for: id, hash: facts.idHash[record])
        while claimedOnLine.count < interner.count { claimedOnLine.append(0) }
        if claimedOnLine[Int(key)] != 0 {
            let text = String(decoding: id, as: UTF8.self)
            staged.rejections.append(
                Rejection(
                    source: table.source, line: line, rule: .rowDuplicateID,
                    message: .rowDuplicateID, numbers: [claimedOnLine[Int(key)]], employeeID: text, record: record))
            return
        }
        claimedOnLine[Int(key)] = line

        if let exclusion = exclusion(record: record, id: id) {
            staged.excluded[exclusion, default: 0] += 1
            interner.setState(.excluded, for: key)
            return
        }
        interner.setState(.inOrg, for: key)
        let link: StagedPeople.ManagerLink
        if let candidates {
            link = .ambiguous(candidates: Int32(clamping: candidates))
        } else if manager.isEmpty || isRootMarker(manager) {
            link = .none
        } else {
            let managerKey = interner.key(for: manager, hash: managerHash ?? KeyInterner.hash(manager))
            link = managerKey == key ? .selfManaged : .key(managerKey)
        }
        staged.personKey.append(key)
        staged.managerLink.append(link)
        staged.line.append(line)
        staged.record.append(Int32(record))
        if salaries != nil { addPay(record: record, id: id) }
        if let employmentTypes { staged.isContractor.append(isContractor(employmentTypes, record: record)) }
    }

    private mutating func addPay(record: Int, id: UnsafeBufferPointer<UInt8>) {
        var salary = facts.salaryMicro[record]
        if salary != RowFacts.salaryEmpty { salaryReading.nonEmpty += 1 }
        if salary == RowFacts.salaryUnreadable {
            salary = -1
            salaryReading.unreadable += 1
            let text = String(decoding: id, as: UTF8.self)
            staged.findings.append(
                Finding(
                    rule: .valueInvalidSalary, severity: .warning, subject: text, value: nil,
                    message: .valueInvalidSalary))
        }
        var currency: Int32 = -1
        if salary >= 0, let code = facts.salaryCurrency[record],
            currencies.map({ $0.trimmedRange(at: record).isEmpty }) ?? true
        {
            // The amount names its currency and no currency column says otherwise.
            currency = currencyIndex(of: code)
        } else if let currencies, salary >= 0 {
            // Codes repeat a handful of values: each distinct spelling is upper-cased and looked up once.
            let range = currencies.trimmedRange(at: record)
            let value = currencies.bytes.withUnsafeBufferPointer {
                currencyValues.key(for: UnsafeBufferPointer(rebasing: $0[range]))
            }
            if Int(value) == currencyOfValue.count {
                let code = String(decoding: currencies.bytes[range], as: UTF8.self).uppercased()
                currencyOfValue.append(code.isEmpty ? -1 : currencyIndex(of: code))
            }
            currency = currencyOfValue[Int(value)]
        }
        staged.pay!.salaryMicro.append(salary)
        staged.pay!.currency.append(currency)
    }

    private mutating func currencyIndex(of code: String) -> Int32 {
        if let known = currencyIndexByCode[code] { return known }
        let index = Int32(staged.pay!.currencies.count)
        currencyIndexByCode[code] = index
        staged.pay!.currencies.append(code)
        return index
    }

    /// Types repeat a handful of values, so each distinct one is classified once; unmapped ones count as employees.
    private mutating func isContractor(_ types: TextColumn, record: Int) -> Bool {
        let range = types.trimmedRange(at: record)
        guard !range.isEmpty else { return false }
        let value = types.bytes.withUnsafeBufferPointer {
            typeValues.key(for: UnsafeBufferPointer(rebasing: $0[range]))
        }
        if Int(value) == typeClass.count {
            typeClass.append(policy.workerClass(of: String(decoding: types.bytes[range], as: UTF8.self)))
            typeRows.append(0)
        }
        typeRows[Int(value)] += 1
        return typeClass[Int(value)] == .contractor
    }

    func finish() -> StagedPeople {
        var result = staged
        result.keys = interner.names
        result.keyStates = interner.states
        if hireDates != nil { result.readings[.hireDate] = hireDateReading }
        if salaries != nil { result.readings[.salary] = salaryReading }
        result.unmapped[.status] = Self.unmapped(statusValues, statusClass, statusRows)
        result.unmapped[.employmentType] = Self.unmapped(typeValues, typeClass, typeRows)
        result.teamIDs = table.column(PersonField.teamID.rawValue)
        return result
    }

    private static func unmapped<Meaning>(
        _ values: borrowing KeyInterner, _ meanings: [Meaning?], _ rows: [Int]
    ) -> [String: Int] {
        var counts: [String: Int] = [:]
        for (index, meaning) in meanings.enumerated() where meaning == nil {
            counts[values.names.string(at: index), default: 0] += rows[index]
        }
        return counts
    }

    /// The policy rule that leaves this row out of the org, if any.
    private mutating func exclusion(record: Int, id: UnsafeBufferPointer<UInt8>) -> Rule? {
        if let statuses {
            switch classifyStatus(statuses, record: record) {
            case .inactive: return .policyInactiveStatus
            case .pending: return .policyNotStarted
            case .active, .leave, nil: break
            }
        }
        guard hireDates != nil else { return nil }
        switch facts.hireDate[record] {
        case .absent: return nil
        case .started: hireDateReading.nonEmpty += 1
        case .notStarted:
            hireDateReading.nonEmpty += 1
            return .policyNotStarted
        case .unreadable:
            hireDateReading.nonEmpty += 1
            hireDateReading.unreadable += 1
            let text = String(decoding: id, as: UTF8.self)
            staged.findings.append(
                Finding(
                    rule: .valueInvalidDate, severity: .warning, subject: text, value: nil,
                    message: .valueInvalidDate))
        }
        return nil
    }

    /// A row left out before it is looked at further (history rows of effective-dated exports).
    mutating func exclude(record: Int, id: UnsafeBufferPointer<UInt8>, rule: Rule) {
        staged.excluded[rule, default: 0] += 1
        guard !id.isEmpty else { return }
        // Reports of someone not yet started are told so (manager.inactive), not that their manager is unknown.
        let key = interner.key(for: id, hash: facts.idHash[record])
        if interner.states[Int(key)] == .unknown { interner.setState(.excluded, for: key) }
    }

    /// Whether every column read is empty in this row.
    func isBlank(_ record: Int) -> Bool {
        table.columns.allSatisfy { column in column.map { $0.trimmedRange(at: record).isEmpty } ?? true }
    }

    /// Whether two rows name the same department (ignoring case and surrounding spaces); false without one.
    func sameDepartment(_ first: Int, _ second: Int) -> Bool {
        guard let departments else { return false }
        let one = departments.trimmedString(at: first).lowercased()
        return !one.isEmpty && one == departments.trimmedString(at: second).lowercased()
    }

    /// Whether a row can be someone's manager on `as_of`: not left, not pending, started.
    func isEligible(_ record: Int) -> Bool {
        if let statuses, let meaning = policy.statusClass(of: statuses.trimmedString(at: record)),
            meaning == .inactive || meaning == .pending
        {
            return false
        }
        return facts.hireDate.isEmpty || facts.hireDate[record] != .notStarted
    }

    /// Statuses repeat a handful of values, so each distinct one is classified once.
    private mutating func classifyStatus(_ statuses: TextColumn, record: Int) -> StatusClass? {
        let range = statuses.trimmedRange(at: record)
        guard !range.isEmpty else { return .active }
        let bytes = statuses.bytes
        let value = bytes.withUnsafeBufferPointer { statusValues.key(for: UnsafeBufferPointer(rebasing: $0[range])) }
        if Int(value) == statusClass.count {
            statusClass.append(policy.statusClass(of: String(decoding: bytes[range], as: UTF8.self)))
            statusRows.append(0)
        }
        statusRows[Int(value)] += 1
        return statusClass[Int(value)]
    }

    func isRootMarker(_ manager: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !rootMarkers.isEmpty else { return false }
        let lowered = manager.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        return rootMarkers.contains(lowered)
    }
}

extension RuleMessage {
    static let rowMissingID: RuleMessage = "employee_id is empty; every row needs an id"
    static let rowDuplicateID: RuleMessage =
        "employee_id \(.subject) already appears on line \(.number(0)); the first row is kept"
    static let valueInvalidSalary: RuleMessage =
        "salary of \(.subject) is not an amount in the source's pay format; it is counted as unknown"
    static let valueInvalidDate: RuleMessage =
        "hire_date of \(.subject) is not a date in the source's date format; the person is counted as started"
}
