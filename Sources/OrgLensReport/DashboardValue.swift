import OrgLensContract

/// A read-only view of `dashboard.json` as parsed: the report shows what the dashboard publishes and computes
/// nothing of its own, so every number on the page can name the field it came from. Numbers keep their text as
/// the dashboard wrote it: money is shown from that text, never through `Double`.
struct DashboardValue {
    let value: SchemaValue?
    /// Where the value sits in the dashboard (`summary.people`, `layers.2.mean_span`): a number on the page is
    /// tagged with it, so the path is spelled once, by the subscripts that reached the value.
    let path: String

    init(_ value: SchemaValue?, path: String = "") {
        self.value = value
        self.path = path
    }

    /// A number the report holds itself (a digest of a long table) taken from `path`, written as the dashboard
    /// writes numbers.
    init(number: Double, path: String) {
        let text = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        value = .number(text)
        self.path = path
    }

    subscript(key: String) -> DashboardValue {
        let inner = path.isEmpty ? key : path + "." + key
        guard case .object(let members)? = value else { return DashboardValue(nil, path: inner) }
        return DashboardValue(members.first { $0.0 == key }?.1, path: inner)
    }

    subscript(index: Int) -> DashboardValue {
        let inner = path + ".\(index)"
        guard case .array(let elements)? = value, elements.indices.contains(index) else {
            return DashboardValue(nil, path: inner)
        }
        return DashboardValue(elements[index], path: inner)
    }

    var exists: Bool {
        switch value {
        case nil, .null?: false
        default: true
        }
    }

    var array: [DashboardValue] {
        guard case .array(let elements)? = value else { return [] }
        return elements.enumerated().map { DashboardValue($1, path: path + ".\($0)") }
    }

    var string: String? {
        guard case .string(let text)? = value else { return nil }
        return text
    }

    /// The number's text exactly as the dashboard wrote it.
    var numberText: String? {
        guard case .number(let text)? = value else { return nil }
        return text
    }

    var int: Int? { numberText.flatMap { Int($0) } }

    /// For chart geometry, ordering and shares shown as percentages only.
    var double: Double? { numberText.flatMap { Double($0) } }
}
