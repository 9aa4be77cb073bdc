import OrgLensModel

/// A JSON value as a schema holds it: objects keep their key order, numbers keep their text.
package indirect enum SchemaValue: Sendable, Equatable {
    case object([(String, SchemaValue)])
    case array([SchemaValue])
    case string(String)
    case number(String)
    case boolean(Bool)
    case null

    package static func == (lhs: SchemaValue, rhs: SchemaValue) -> Bool { lhs.rendered() == rhs.rendered() }

    /// The value of an object's member `key` (nil: no such member, or not an object).
    package subscript(member key: String) -> SchemaValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// Two-space indented JSON, one key or element per line, ending in a newline.
    package func rendered() -> String {
        var text = ""
        write(to: &text, indent: "")
        return text + "\n"
    }

    private func write(to text: inout String, indent: String) {
        let inner = indent + "  "
        switch self {
        case .object(let members) where members.isEmpty: text += "{}"
        case .array(let elements) where elements.isEmpty: text += "[]"
        case .object(let members):
            text += "{\n"
            for (index, (key, value)) in members.enumerated() {
                text += inner + JSONString.quoted(key) + ": "
                value.write(to: &text, indent: inner)
                text += index == members.count - 1 ? "\n" : ",\n"
            }
            text += indent + "}"
        case .array(let elements):
            text += "[\n"
            for (index, value) in elements.enumerated() {
                text += inner
                value.write(to: &text, indent: inner)
                text += index == elements.count - 1 ? "\n" : ",\n"
            }
            text += indent + "]"
        case .string(let value): text += JSONString.quoted(value)
        case .number(let value): text += value
        case .boolean(let value): text += value ? "true" : "false"
        case .null: text += "null"
        }
    }
}
