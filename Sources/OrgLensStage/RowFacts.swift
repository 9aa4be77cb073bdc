import OrgLensKeys
import OrgLensModel

/// What staging needs to know about each row that depends on that row alone: id hashes, its hire-date and
/// salary readings. Computed in parallel chunks before the serial pass, which
/// is then left with the work that depends on earlier rows (first id wins, keys in first-seen order).
struct RowFacts: Sendable {
    enum HireDate: UInt8, Sendable {
        case absent, started, notStarted, unreadable
    }

    /// Interner hash of the trimmed id and manager id (0 when empty).
    var idHash: [UInt64]
    var managerHash: [UInt64]
    var hireDate: [HireDate]
    /// Annual salary × 1,000,000 (the amount as read, times its period); -1 empty, -2 unreadable
    /// (empty array without a salary column).
    var salaryMicro: [Int64]
    /// The currency a salary value names itself (`120000 USD`, `€95.000`), by record; most values name none.
    var salaryCurrency: [Int: String]

    static let salaryEmpty: Int64 = -1
    static let salaryUnreadable: Int64 = -2

    static func compute(_ table: RawTable, policy: PeoplePolicy, workers: Int) -> RowFacts {
        let chunks = parallelChunks(count: table.recordCount, workers: workers, serialThreshold: 16_384) { range in
            chunk(range, table: table, policy: policy)
        }
        var facts = chunks[0]
        for chunk in chunks.dropFirst() {
            facts.idHash += chunk.idHash
            facts.managerHash += chunk.managerHash
            facts.hireDate += chunk.hireDate
            facts.salaryMicro += chunk.salaryMicro
            facts.salaryCurrency.merge(chunk.salaryCurrency) { first, _ in first }
        }
        return facts
    }

    private static func chunk(
        _ range: Range<Int>, table: RawTable, policy: PeoplePolicy
    ) -> RowFacts {
        var facts = RowFacts(idHash: [], managerHash: [], hireDate: [], salaryMicro: [], salaryCurrency: [:])
        facts.idHash = hashes(table.column(PersonField.employeeID.rawValue), range)
        facts.managerHash =
            policy.managerReference == .id ? hashes(table.column(PersonField.managerID.rawValue), range) : []
        if let column = table.column(PersonField.hireDate.rawValue) {
            let format = policy.values.dateFormat
            facts.hireDate = range.map { record in
                switch format.read(column.bytes[column.trimmedRange(at: record)]) {
                case .unknown: .absent
                case .unreadable: .unreadable
                case .date(let hired): hired > policy.asOf ? .notStarted : .started
                }
            }
        }
        if let column = table.column(PersonField.salary.rawValue) {
            let periods = table.column(PersonField.payPeriod.rawValue)
            let values = policy.values
            var currencies: [Int: String] = [:]
            facts.salaryMicro = range.map { record in
                let trimmed = column.trimmedRange(at: record)
                guard !trimmed.isEmpty else { return salaryEmpty }
                guard let reading = values.payFormat.read(column.bytes[trimmed]) else { return salaryUnreadable }
                if let currency = reading.currency { currencies[record] = currency }
                let period =
                    reading.period ?? periods.flatMap { PayPeriod(word: $0.trimmedString(at: record)) }
                    ?? values.payPeriod
                let (annual, overflow) = reading.micro.multipliedReportingOverflow(
                    by: period.annualMultiplier(hoursPerYear: values.hoursPerYear))
                return overflow ? salaryUnreadable : annual
            }
            facts.salaryCurrency = currencies
        }
        return facts
    }

    private static func hashes(_ column: TextColumn?, _ range: Range<Int>) -> [UInt64] {
        guard let column else { return [] }
        return column.bytes.withUnsafeBufferPointer { bytes in
            range.map { record in
                let trimmed = column.trimmedRange(at: record)
                return trimmed.isEmpty ? 0 : KeyInterner.hash(UnsafeBufferPointer(rebasing: bytes[trimmed]))
            }
        }
    }

    /// Team ids repeat (a team per few people): each distinct spelling is resolved once per chunk.
}
