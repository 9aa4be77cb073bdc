import OrgLensModel

/// Finds people by email or name, for exports whose `manager_id` names the manager instead of giving
/// an id. Emails match case-insensitively; names also ignore spacing and the "Last, First" order.
struct ManagerLookup {
    enum Match {
        case found(record: Int)
        case ambiguous
        /// No one: the normalized text stands in as an unknown manager (it becomes `manager.dangling`).
        case none(String)
    }

    /// Normalized value → the record that has it, or -1 when several people share it.
    private var index: [String: Int] = [:]
    private let reference: ManagerReference

    init?(table: RawTable, reference: ManagerReference) {
        guard reference != .id else { return nil }
        self.reference = reference
        let field = reference == .email ? PersonField.email : PersonField.name
        guard let ids = table.column(PersonField.employeeID.rawValue), let values = table.column(field.rawValue) else {
            // No column to look in: every reference is unknown.
            return
        }
        var idOfValue: [String: String] = [:]
        for record in 0..<table.recordCount {
            let id = ids.trimmedString(at: record)
            let value = Self.normalize(values.string(at: record), reference)
            guard !id.isEmpty, !value.isEmpty else { continue }
            if let existing = idOfValue[value] {
                if existing != id { index[value] = -1 }
            } else {
                idOfValue[value] = id
                index[value] = record
            }
        }
    }

    func resolve(_ text: String) -> Match {
        let value = Self.normalize(text, reference)
        switch index[value] {
        case .some(-1): return .ambiguous
        case .some(let record): return .found(record: record)
        case .none: return .none(value)
        }
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

private extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var slice = self
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }
}
