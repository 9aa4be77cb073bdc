import OrgLensModel

/// Finds people by email or name, for exports whose `manager_id` names the manager instead of giving
/// an id. Emails match case-insensitively; names also ignore spacing and the "Last, First" order. A reference is
/// matched by what it is: an email in a name column matches the email column, an id matches the id column.
struct ManagerLookup {
    enum Match {
        case found(record: Int)
        /// Several people have this email or name and nothing tells them apart.
        case ambiguous(candidates: [Int])
        /// No one: the normalized text stands in as an unknown manager (it becomes `manager.dangling`).
        case none(String)
    }

    /// Normalized value → the records of the distinct ids that have it.
    private var index: [String: [Int]] = [:]
    /// Lowercased email → records, when the reference is names and the export has emails.
    private var emailIndex: [String: [Int]] = [:]
    /// Id → the first record with it.
    private var idIndex: [String: Int] = [:]
    private let reference: ManagerReference

    init?(table: RawTable, reference: ManagerReference) {
        guard reference == .email || reference == .name else { return nil }
        self.reference = reference
        guard let ids = table.column(PersonField.employeeID.rawValue) else { return }
        let values = table.column((reference == .email ? PersonField.email : PersonField.name).rawValue)
        let emails = reference == .name ? table.column(PersonField.email.rawValue) : nil
        let first = reference == .name ? table.column(PersonField.firstName.rawValue) : nil
        let last = reference == .name ? table.column(PersonField.lastName.rawValue) : nil
        var idsOfValue: [String: Set<String>] = [:]
        var idsOfEmail: [String: Set<String>] = [:]
        for record in 0..<table.recordCount {
            let id = ids.trimmedString(at: record)
            guard !id.isEmpty else { continue }
            if idIndex[id] == nil { idIndex[id] = record }
            if let emails {
                let email = Self.normalize(emails.string(at: record), .email)
                if !email.isEmpty, idsOfEmail[email, default: []].insert(id).inserted {
                    emailIndex[email, default: []].append(record)
                }
            }
            var text = values?.string(at: record) ?? ""
            if text.isEmpty, let first, let last {
                text = first.trimmedString(at: record) + " " + last.trimmedString(at: record)
            }
            let value = Self.normalize(text, reference)
            guard !value.isEmpty else { continue }
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
        guard let records = candidates(text, normalized: value) else { return .none(value) }
        if records.count == 1 { return .found(record: records[0]) }
        let others = records.filter { $0 != record }
        let eligible = others.filter(isEligible)
        if eligible.count == 1 { return .found(record: eligible[0]) }
        if eligible.isEmpty, others.count == 1 { return .found(record: others[0]) }
        let near = eligible.filter { sameDepartment($0, record) }
        if near.count == 1 { return .found(record: near[0]) }
        return .ambiguous(candidates: eligible.isEmpty ? others : eligible)
    }

    /// The records a reference can mean: by its own kind first, then as an email or an id written in its place.
    private func candidates(_ text: String, normalized value: String) -> [Int]? {
        if let records = index[value] { return records }
        if reference == .name, value.contains("@"), let records = emailIndex[Self.normalize(text, .email)] {
            return records
        }
        let id = text.trimmingCharacters(in: " ")
        return idIndex[id].map { [$0] }
    }

    /// Every row's manager, each shared name settled as far as the export allows: after the rules of `resolve`,
    /// by who already manages people (a candidate others report to without doubt), then by the higher layer (a
    /// candidate nearer the top of the tree, counting only links that are certain).
    func resolveAll(
        _ references: [String?], isEligible: (Int) -> Bool, sameDepartment: (Int, Int) -> Bool
    ) -> [Match?] {
        var matches: [Match?] = references.indices.map { record in
            references[record].map {
                resolve($0, from: record, isEligible: isEligible, sameDepartment: sameDepartment)
            }
        }
        guard matches.contains(where: { if case .ambiguous = $0 { true } else { false } }) else { return matches }
        // Two rounds: a manager whose own reports were all ambiguous can be settled by the first round.
        for _ in 0..<2 {
            var reports = [Int](repeating: 0, count: references.count)
            for case .found(let manager)? in matches { reports[manager] += 1 }
            let depth = Self.depths(matches, isTop: { references[$0] == nil })
            var changed = false
            for record in matches.indices {
                guard case .ambiguous(let candidates)? = matches[record] else { continue }
                let managing = candidates.filter { reports[$0] > 0 }
                if managing.count == 1 {
                    matches[record] = .found(record: managing[0])
                    changed = true
                    continue
                }
                let pool = managing.isEmpty ? candidates : managing
                let known = pool.compactMap { candidate in depth[candidate].map { (candidate, $0) } }
                guard let highest = known.map(\.1).min() else { continue }
                let top = known.filter { $0.1 == highest }
                if top.count == 1 {
                    matches[record] = .found(record: top[0].0)
                    changed = true
                }
            }
            if !changed { break }
        }
        return matches
    }

    /// Each record's depth from the top along certain links (1 at the top), nil where a link is missing,
    /// ambiguous or in a loop.
    private static func depths(_ matches: [Match?], isTop: (Int) -> Bool) -> [Int?] {
        var depth = [Int?](repeating: nil, count: matches.count)
        var visiting = [Bool](repeating: false, count: matches.count)
        for start in matches.indices where depth[start] == nil {
            var chain: [Int] = []
            var current = start
            var base: Int?
            while true {
                if let known = depth[current] {
                    base = known
                    break
                }
                if isTop(current) {
                    depth[current] = 1
                    base = 1
                    break
                }
                guard !visiting[current], case .found(let manager)? = matches[current] else { break }
                visiting[current] = true
                chain.append(current)
                current = manager
            }
            for record in chain { visiting[record] = false }
            guard var level = base else { continue }
            for record in chain.reversed() {
                level += 1
                depth[record] = level
            }
        }
        return depth
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
