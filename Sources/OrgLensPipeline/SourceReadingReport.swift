import OrgLensModel
import OrgLensStage

/// What data quality says about how the people export's values were read.
enum SourceReadingReport {
    /// Typed fields the export has, with their readable counts; unmapped values held by at least
    /// `minGroupSize` rows by name, the rarer ones together (a value one person holds can identify them).
    static func make(staged: StagedPeople, policy: PeoplePolicy, table: RawTable, minGroupSize: Int) -> SourceReading {
        let typed: [PersonField] = [.hireDate, .salary]
        let fields = typed.filter { table.column($0.rawValue) != nil }.map { field in
            let reading = staged.readings[field] ?? FieldReading()
            return SourceReading.Field(
                field: field.rawValue, nonEmpty: reading.nonEmpty, unreadable: reading.unreadable)
        }
        var unmapped: [SourceReading.Unmapped] = []
        for field in [PersonField.status, .employmentType] {
            let counts = staged.unmapped[field] ?? [:]
            let named = counts.filter { $0.value >= minGroupSize }
                .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            unmapped += named.map { SourceReading.Unmapped(field: field.rawValue, value: $0.key, rows: $0.value) }
            let rest = counts.filter { $0.value < minGroupSize }.values.reduce(0, +)
            if rest > 0 { unmapped.append(SourceReading.Unmapped(field: field.rawValue, value: nil, rows: rest)) }
        }
        return SourceReading(
            managerReference: policy.managerReference.rawValue, dateFormat: policy.values.dateFormat.rawValue,
            fields: fields, unmapped: unmapped,
            zeroPay: staged.pay.map { pay in pay.salaryMicro.reduce(0) { $0 + ($1 == 0 ? 1 : 0) } })
    }
}
