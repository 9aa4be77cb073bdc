import OrgLensContract

/// A read-only view of `dashboard.json` as parsed: the report shows what the dashboard publishes and computes
/// nothing of its own, so every number on the page can name the field it came from. Numbers keep their text as
/// the dashboard wrote it: money is shown from that text, never through `Double`.
struct DashboardValue {
    let value: SchemaValue?

    init(_ value: SchemaValue?) { self.value = value }

    /// A number the report holds itself (a digest of a long table), written as the dashboard writes numbers.
    init(number: Double) {
        let text = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        value = .number(text)
    }

    subscript(key: String) -> DashboardValue {
        guard case .object(let members)? = value else { return DashboardValue(nil) }
        return DashboardValue(members.first { $0.0 == key }?.1)
    }

    subscript(index: Int) -> DashboardValue {
        guard case .array(let elements)? = value, elements.indices.contains(index) else { return DashboardValue(nil) }
        return DashboardValue(elements[index])
    }

    var exists: Bool {
        switch value {
        case nil, .null?: false
        default: true
        }
    }

    var array: [DashboardValue] {
        guard case .array(let elements)? = value else { return [] }
        return elements.map(DashboardValue.init)
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
