import OrgLensModel

/// Finds people by email or name, for exports whose `manager_id` names the manager instead of giving
/// an id. Emails match case-insensitively; names also ignore spacing and the "Last, First" order.
struct ManagerLookup {
    enum Match {
        case found(record: Int)
        /// Several people have this email or name and nothing tells them apart.
        case ambiguous(candidates: Int)
        /// No one: the normalized text stands in as an unknown manager (it becomes `manager.dangling`).
        case none(String)
    }

    /// Normalized value → the records of the distinct ids that have it.
    private var index: [String: [Int]] = [:]
    private let reference: ManagerReference

    init?(table: RawTable, reference: ManagerReference) {
        guard reference == .email || reference == .name else { return nil }
        self.reference = reference
        guard let ids = table.column(PersonField.employeeID.rawValue) else { return }
        let values = table.column((reference == .email ? PersonField.email : PersonField.name).rawValue)
        let first = reference == .name ? table.column(PersonField.firstName.rawValue) : nil
        let last = reference == .name ? table.column(PersonField.lastName.rawValue) : nil
        var idsOfValue: [String: Set<String>] = [:]
        for record in 0..<table.recordCount {
            let id = ids.trimmedString(at: record)
            var text = values?.string(at: record) ?? ""
            if text.isEmpty, let first, let last {
                text = first.trimmedString(at: record) + " " + last.trimmedString(at: record)
            }
            let value = Self.normalize(text, reference)
            guard !id.isEmpty, !value.isEmpty else { continue }
            // A repeated row of one person is one candidate, not two.
            guard idsOfValue[value, default: []].insert(id).inserted else { continue }
            index[value, default: []].append(record)
        }
    }

    /// The person `record` reports to. When a name is shared, the person themself and anyone who is not in
    /// the org on `as_of` (left, not started) cannot be the manager; if one candidate remains, it is. If
    /// several remain, the one in the person's own department is (reports sit in their manager's department).
    func resolve(
        _ text: String, from record: Int, isEligible: (Int) -> Bool,
        sameDepartment: (Int, Int) -> Bool = { _, _ in false }
    ) -> Match {
        let value = Self.normalize(text, reference)
        guard let records = index[value] else { return .none(value) }
        if records.count == 1 { return .found(record: records[0]) }
        let others = records.filter { $0 != record }
        let eligible = others.filter(isEligible)
        if eligible.count == 1 { return .found(record: eligible[0]) }
        if eligible.isEmpty, others.count == 1 { return .found(record: others[0]) }
        let near = eligible.filter { sameDepartment($0, record) }
        if near.count == 1 { return .found(record: near[0]) }
        return .ambiguous(candidates: eligible.isEmpty ? others.count : eligible.count)
    }

    static func normalize(_ text: String, _ reference: ManagerReference) -> String {
        let lowered = text.lowercased()
        let words = lowered.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard reference == .name else { return words.joined(separator: " ") }
        let joined = words.joined(separator: " ")
        guard let comma = joined.firstIndex(of: ",") else { return joined }
        let last = joined[..<comma].trimmingCharacters(in: " ")
        let first = joined[joined.index(after: comma)...].trimmingCharacters(in: " ")
        return first.isEmpty ? last : first + " " + last
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var slice = self
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }
}
