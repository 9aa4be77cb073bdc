package import OrgLensModel

/// Stages a positions `RawTable`: one position per id (the first row wins), its status, planned start, budget
/// and role read as the source writes them. A row that cannot be read as a position goes to the quarantine with
/// what is wrong; nothing is dropped.
package enum PositionStager {
    package static func stage(_ table: RawTable, values: SourceValues) -> StagedPositions {
        var staged = StagedPositions(source: table.source)
        staged.rowsRead = table.rowsRead
        staged.rejections = table.rejections
        let column = { (field: PositionField) in table.column(field.rawValue) }
        let (ids, managers, teams, statuses, starts, budgets, currencies, roles) = (
            column(.positionID), column(.managerID), column(.teamID), column(.status), column(.plannedStart),
            column(.budget), column(.currency), column(.role)
        )
        let statusWords = values.positionStatuses.filling(from: .common)
        let roleWords = ValueVocabulary<PositionRole>.common
        var dateFormat = values.dateFormat
        if dateFormat == .auto, let starts { dateFormat = DateFormat.decide(starts).format ?? .iso }
        var firstLine: [String: Int] = [:]
        for record in 0..<table.recordCount {
            let line = table.lines[record]
            let id = ids?.trimmedString(at: record) ?? ""
            func reject(_ message: RuleMessage, rule: Rule = .positionInvalidValue, numbers: MessageNumbers = []) {
                staged.rejections.append(
                    Rejection(
                        source: table.source, line: line, rule: rule, message: message, numbers: numbers,
                        employeeID: id, record: record))
            }
            guard !id.isEmpty else {
                reject(.positionMissingID, rule: .positionMissingID)
                continue
            }
            if let first = firstLine[id] {
                reject(.positionDuplicateID, rule: .positionDuplicateID, numbers: [first])
                continue
            }
            // A positions export without a status column lists what is open.
            var status = PositionStatus.open
            if let statuses {
                let text = statuses.trimmedString(at: record)
                guard let meaning = statusWords.meaning(of: text) else {
                    reject(text.isEmpty ? .positionEmptyStatus : .positionUnknownStatus)
                    continue
                }
                status = meaning
            }
            var role = PositionRole.ic
            if let roles, !roles.trimmedRange(at: record).isEmpty {
                guard let meaning = roleWords.meaning(of: roles.trimmedString(at: record)) else {
                    reject(.positionUnknownRole)
                    continue
                }
                role = meaning
            }
            var start: CivilDate?
            if let starts {
                switch dateFormat.read(starts.bytes[starts.range(at: record)]) {
                case .unknown: break
                case .date(let date): start = date
                case .unreadable:
                    reject(.positionInvalidStart)
                    continue
                }
            }
            var budget: Int64 = -1
            var currency = currencies.map { $0.trimmedString(at: record).uppercased() }.flatMap {
                $0.isEmpty ? nil : $0
            }
            if let budgets, !budgets.trimmedRange(at: record).isEmpty {
                guard let reading = values.payFormat.read(budgets.bytes[budgets.trimmedRange(at: record)]),
                    case let (annual, overflow) = reading.micro.multipliedReportingOverflow(
                        by: (reading.period ?? values.payPeriod).annualMultiplier(hoursPerYear: values.hoursPerYear)),
                    !overflow
                else {
                    reject(.positionInvalidBudget)
                    continue
                }
                budget = annual
                if let named = reading.currency, currency == nil { currency = named }
            }
            firstLine[id] = line
            staged.ids.append(id)
            staged.managers.append(managers?.trimmedString(at: record) ?? "")
            staged.teamIDs.append(teams?.trimmedString(at: record) ?? "")
            staged.status.append(status)
            staged.plannedStart.append(start)
            staged.budgetMicro.append(budget)
            staged.currency.append(budget < 0 ? nil : currency)
            staged.role.append(role)
            staged.line.append(line)
        }
        return staged
    }
}

extension RuleMessage {
    static let positionMissingID: RuleMessage = "position_id is empty; every position needs an id"
    static let positionDuplicateID: RuleMessage =
        "position_id \(.subject) already appears on line \(.number(0)); the first row is kept"
    static let positionEmptyStatus: RuleMessage =
        "status of position \(.subject) is empty; give open, offer, filled or closed (or map the export's word in status_map)"
    static let positionUnknownStatus: RuleMessage =
        "status of position \(.subject) is not a word OrgLens knows; map it to open, offer, filled or closed in the source's status_map"
    static let positionUnknownRole: RuleMessage =
        "role of position \(.subject) is neither ic nor manager; leave it empty for ic"
    static let positionInvalidStart: RuleMessage =
        "planned_start of position \(.subject) is not a date in the source's date format (date_format)"
    static let positionInvalidBudget: RuleMessage =
        "budget of position \(.subject) is not an amount in the source's pay format (pay_format); leave it empty when unknown"
}
