import OrgLensModel

/// Effective-dated exports (SuccessFactors EmpJob, job-history reports) hold several rows per person, one
/// per change. The row in force on `as_of` is the person; the others are history, neither errors nor duplicates.
enum EffectiveRows {
    enum Role: UInt8, Sendable {
        /// The row in force, or the only row.
        case inForce
        /// History: an earlier (or later) row of someone whose row in force is another.
        case superseded
        /// Every row of this person takes effect after `as_of`: the earliest stands for a person not yet started.
        case future
    }

    /// Per record; empty when the source has no `effective_date` column. Rows without a readable date
    /// count as in force since forever; on the same date the later row wins (exports list changes in order).
    static func roles(_ table: RawTable, format: DateFormat, asOf: CivilDate) -> [Role] {
        guard let dates = table.column(PersonField.effectiveDate.rawValue),
            let ids = table.column(PersonField.employeeID.rawValue)
        else { return [] }
        var roles = [Role](repeating: .superseded, count: table.recordCount)
        var inForce: [String: (record: Int, day: Int)] = [:]
        var earliestFuture: [String: (record: Int, day: Int)] = [:]
        let bytes = dates.bytes
        for record in 0..<table.recordCount {
            let id = ids.trimmedString(at: record)
            guard !id.isEmpty else {
                roles[record] = .inForce  // staging quarantines it as row.missing_id
                continue
            }
            let day: Int
            switch format.read(bytes[dates.trimmedRange(at: record)]) {
            case .date(let date): day = date.daysSinceEpoch
            case .unknown, .unreadable: day = Int.min
            }
            if day <= asOf.daysSinceEpoch {
                if let current = inForce[id], current.day > day { continue }
                inForce[id] = (record, day)
            } else if earliestFuture[id].map({ day < $0.day }) ?? true {
                earliestFuture[id] = (record, day)
            }
        }
        for (_, chosen) in inForce { roles[chosen.record] = .inForce }
        for (id, chosen) in earliestFuture where inForce[id] == nil { roles[chosen.record] = .future }
        return roles
    }
}
