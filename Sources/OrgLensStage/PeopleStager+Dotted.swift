import OrgLensKeys
import OrgLensModel

extension Staging {
    /// Each person's dotted-line managers, resolved as `manager_id` is (ids, or emails and names through the same
    /// lookup). Several managers share one cell, separated by `;` — or by `,`, except for names, where a comma
    /// is "Last, First". Runs after the people are staged, off the hot path, and only with the column. A column
    /// empty in every row (an XML layout that looks for a matrix manager no record has) is no column: the same org
    /// reads the same from CSV and XML.
    mutating func stageDotted(_ column: TextColumn, ids: TextColumn, lookup: ManagerLookup?) {
        let byName = lookup != nil && policy.managerReference == .name
        var start: [Int32] = [0]
        start.reserveCapacity(staged.count + 1)
        var keys: [Int32] = []
        var cells = 0
        for person in 0..<staged.count {
            let record = Int(staged.record[person])
            // Most rows have no dotted line: an empty cell costs a range check, not a string.
            if !column.trimmedRange(at: record).isEmpty {
                let cell = column.trimmedString(at: record)
                cells += 1
                for token in cell.split(whereSeparator: { $0 == ";" || (!byName && $0 == ",") }) {
                    let value = token.trimmingCharacters()
                    let isMarker = Array(value.utf8).withUnsafeBufferPointer { isRootMarker($0) }
                    guard !value.isEmpty, !isMarker else { continue }
                    keys.append(dottedKey(value, record: record, ids: ids, lookup: lookup))
                }
            }
            start.append(Int32(keys.count))
        }
        guard cells > 0 else { return }
        staged.dottedStart = start
        staged.dottedKeys = keys
    }

    private mutating func dottedKey(_ value: String, record: Int, ids: TextColumn, lookup: ManagerLookup?) -> Int32 {
        var text = value
        if let lookup {
            switch lookup.resolve(
                value, from: record, isEligible: { isEligible($0) }, sameDepartment: { sameDepartment($0, $1) })
            {
            case .found(let manager): text = ids.trimmedString(at: manager)
            case .ambiguous: return -1
            case .none(let normalized): text = normalized
            }
        }
        return text.withUTF8 { interner.key(for: $0, hash: KeyInterner.hash($0)) }
    }
}
