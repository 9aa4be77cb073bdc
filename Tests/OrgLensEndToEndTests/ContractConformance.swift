import OrgLensContract

/// Checks a written document against the contract: every key declared, in the declared order, required keys
/// present, values of the declared type, null only where the contract allows it.
struct ContractConformance {
    private(set) var problems: [String] = []

    mutating func check(_ value: SchemaValue, against record: ContractRecord, at path: String) {
        guard case .object(let members) = value else {
            problems.append("\(path): not an object")
            return
        }
        var lastPosition = -1
        for (key, member) in members {
            guard let position = record.keys.firstIndex(of: key) else {
                problems.append("\(path).\(key): not in the contract of \(record.name)")
                continue
            }
            if position < lastPosition { problems.append("\(path).\(key): out of the declared order") }
            lastPosition = position
            let field = record.fields[position]
            check(member, type: field.type, nullable: field.nullable, at: "\(path).\(key)")
        }
        let present = Set(members.map(\.0))
        for field in record.fields where field.required && !present.contains(field.key) {
            problems.append("\(path).\(field.key): required by the contract, missing")
        }
    }

    mutating func check(_ value: SchemaValue, type: ContractType, nullable: Bool, at path: String) {
        if case .null = value {
            if !nullable { problems.append("\(path): null, but the contract does not allow null") }
            return
        }
        switch (type, value) {
        case (.integer, .number(let text)) where !text.contains(where: { ".eE".contains($0) }): return
        case (.number, .number), (.string, .string), (.boolean, .boolean): return
        case (.oneOf(let values), .string(let text)) where values.contains(text): return
        case (.constant(.text(let expected)), .string(let text)) where text == expected: return
        case (.constant(.integer(let expected)), .number(let text)) where text == String(expected): return
        case (.arrayOf(let element), .array(let elements)):
            for (index, item) in elements.enumerated() {
                check(item, type: element, nullable: false, at: "\(path)[\(index)]")
            }
        case (.tableRecord(let table), _):
            check(value, against: OutputContract.table(table)!, at: path)
        case (.table(let table), .array(let elements)):
            for (index, item) in elements.enumerated() {
                check(item, against: OutputContract.table(table)!, at: "\(path)[\(index)]")
            }
        case (.object(let record), _):
            check(value, against: record, at: path)
        case (.map(let valueType), .object(let members)):
            for (key, member) in members { check(member, type: valueType, nullable: false, at: "\(path).\(key)") }
        default:
            problems.append("\(path): \(value.rendered().prefix(40)) is not \(type)")
        }
    }
}
