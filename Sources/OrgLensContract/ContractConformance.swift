import OrgLensModel

extension ContractRecord {
    /// Whether `value` is a record of this contract: an object with the declared keys in the declared order (an
    /// optional one may be absent, nothing else may be there), each of its type. What an earlier run left is input
    /// like any other: a line that fails this is never carried forward.
    package func admits(_ value: SchemaValue) -> Bool {
        guard case .object(let members) = value else { return false }
        var position = 0
        for field in fields {
            if position < members.count, members[position].0 == field.key {
                guard field.admits(members[position].1) else { return false }
                position += 1
            } else if field.required {
                return false
            }
        }
        return position == members.count
    }
}

extension ContractField {
    func admits(_ value: SchemaValue) -> Bool {
        if case .null = value { return nullable }
        return type.admits(value)
    }
}

extension ContractType {
    func admits(_ value: SchemaValue) -> Bool {
        switch (self, value) {
        case (.integer(let minimum, let maximum), .number(let text)):
            guard let number = Int(text) else { return false }
            return number >= (minimum ?? Int.min) && number <= (maximum ?? Int.max)
        case (.number, .number(let text)):
            return ExactDecimal(text) != nil || Double(text) != nil
        case (.string(let pattern), .string(let text)):
            guard pattern == ContractType.dateRule else { return true }
            return text.utf8.count == 10 && CivilDate(iso: Substring(text)) != nil
        case (.boolean, .boolean): return true
        case (.oneOf(let values), .string(let text)): return values.contains(text)
        case (.constant(.text(let expected)), .string(let text)): return text == expected
        case (.constant(.integer(let expected)), .number(let text)): return Int(text) == expected
        case (.arrayOf(let element), .array(let values)): return values.allSatisfy { element.admits($0) }
        case (.object(let record), _): return record.admits(value)
        case (.map(let element), .object(let members)): return members.allSatisfy { element.admits($0.1) }
        case (.anyOf(let types), _): return types.contains { $0.admits(value) }
        case (.tableRecord(let name), _):
            return OutputContract.table(name).map { $0.admits(value) } ?? false
        case (.table(let name), .array(let values)):
            guard let record = OutputContract.table(name) else { return false }
            return values.allSatisfy { record.admits($0) }
        default: return false
        }
    }

    static let dateRule = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
}

extension SchemaValue {
    /// One line, as the NDJSON writers put a record: `{"key": value, "key": value}`, no newline.
    package func renderedLine() -> String {
        switch self {
        case .object(let members):
            "{" + members.map { JSONString.quoted($0.0) + ": " + $0.1.renderedLine() }.joined(separator: ", ") + "}"
        case .array(let elements): "[" + elements.map { $0.renderedLine() }.joined(separator: ", ") + "]"
        case .string(let value): JSONString.quoted(value)
        case .number(let value): value
        case .boolean(let value): value ? "true" : "false"
        case .null: "null"
        }
    }
}
