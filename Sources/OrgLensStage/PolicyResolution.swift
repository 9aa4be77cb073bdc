import OrgLensKeys
package import OrgLensModel

/// What a source's `auto` settings become, decided from the whole column before any row is staged.
package enum PolicyResolution {
    /// A column's references are of one kind when at least this share of them are.
    package static let referenceShare = 0.95

    /// The policy with every `auto` replaced by what the data says. Throws when a date column reads both
    /// day-first and month-first and nothing tells which.
    package static func resolve(_ policy: PeoplePolicy, for table: RawTable) throws(RunError) -> PeoplePolicy {
        var resolved = policy
        if policy.values.dateFormat == .auto {
            resolved.values.dateFormat = try decideDates(table)
        }
        if policy.managerReference == .auto {
            let shares = referenceShares(table, rootMarkers: policy.rootMarkers)
            let hasEmails = table.column(PersonField.email.rawValue) != nil
            let hasNames =
                table.column(PersonField.name.rawValue) != nil
                || (table.column(PersonField.firstName.rawValue) != nil
                    && table.column(PersonField.lastName.rawValue) != nil)
            // The rule of thumb (95 % ids, else 95 % emails, else names), except that a kind the export has
            // no column for cannot be it, and a dirty export falls to the kind that matches most.
            if shares.count == 0 || shares.id >= referenceShare {
                resolved.managerReference = .id
            } else if hasEmails, shares.email >= referenceShare {
                resolved.managerReference = .email
            } else if hasNames, shares.name > shares.id, shares.name >= shares.email {
                resolved.managerReference = .name
            } else if hasEmails, shares.email > shares.id {
                resolved.managerReference = .email
            } else {
                resolved.managerReference = .id
            }
        }
        return resolved
    }

    private static func decideDates(_ table: RawTable) throws(RunError) -> DateFormat {
        var decided: [DateFormat] = []
        var undecided: [(String, DateFormat.ColumnEvidence)] = []
        for field in [PersonField.hireDate, .effectiveDate] {
            guard let column = table.column(field.rawValue) else { continue }
            let (format, evidence) = DateFormat.decide(column)
            if let format { decided.append(format) } else { undecided.append((field.rawValue, evidence)) }
        }
        // Columns of one export share one locale: a column that settles the order settles the other.
        let yearFirst: Set<DateFormat> = [.ymd, .iso]
        if let order = decided.first(where: { !yearFirst.contains($0) }) ?? decided.first(where: { $0 == .ymd })
            ?? decided.first,
            undecided.isEmpty || !yearFirst.contains(order)
        {
            return order
        }
        guard let (field, evidence) = undecided.first else { return .iso }
        throw RunError(
            .badData,
            "\(table.source): every \(field) value with the year last reads as month/day and as day/month (\(evidence.ambiguous) such values, none with a day over 12); set the source's date format to mdy or dmy (pipeline key date_format, flag --date-format)."
        )
    }

    /// Shares of manager references (not empty, not a root marker) that are ids, and that look like emails.
    private static func referenceShares(
        _ table: RawTable, rootMarkers: Set<String>
    ) -> (id: Double, email: Double, name: Double, count: Int) {
        guard let managers = table.column(PersonField.managerID.rawValue),
            let ids = table.column(PersonField.employeeID.rawValue)
        else { return (1, 0, 0, 0) }
        // A sample of up to 4,096 references, evenly spread over the rows, checked against every id by hash
        // (no String per id): decides in one pass without a set of all ids.
        let stride = max(1, table.recordCount / 8192)
        var sample: [String] = []
        var record = 0
        while record < table.recordCount, sample.count < 4096 {
            let value = managers.trimmedString(at: record)
            if !value.isEmpty, !rootMarkers.contains(value.lowercased()) { sample.append(value) }
            record += stride
        }
        guard !sample.isEmpty else { return (1, 0, 0, 0) }
        var byHash: [UInt64: [String]] = [:]
        for reference in Set(sample) {
            var text = reference
            byHash[text.withUTF8 { KeyInterner.hash($0) }, default: []].append(reference)
        }
        var matched = Set<String>()
        ids.bytes.withUnsafeBufferPointer { bytes in
            for record in 0..<table.recordCount {
                let id = UnsafeBufferPointer(rebasing: bytes[ids.trimmedRange(at: record)])
                guard !id.isEmpty, let candidates = byHash[KeyInterner.hash(id)] else { continue }
                let text = String(decoding: id, as: UTF8.self)
                if candidates.contains(text) { matched.insert(text) }
            }
        }
        let idCount = sample.filter { matched.contains($0) }.count
        let emailCount = sample.filter { $0.contains("@") }.count
        let idShare = Double(idCount) / Double(sample.count)
        var nameShare = 0.0
        if idShare < referenceShare, emailCount < sample.count {
            // Only when ids do not settle it: normalising every name costs a String per row.
            let lookup = ManagerLookup(table: table, reference: .name)
            let named = sample.filter { reference in
                if case .none = lookup?.resolve(reference, from: -1, isEligible: { _ in true }) ?? .none("") {
                    return false
                }
                return true
            }.count
            nameShare = Double(named) / Double(sample.count)
        }
        return (idShare, Double(emailCount) / Double(sample.count), nameShare, sample.count)
    }
}
