/// Builds an HTML page as text: every input text escaped, every number tagged with the dashboard field it shows.
struct HTMLWriter {
    private(set) var text = ""

    static func escaped(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Markup OrgLens wrote itself (never input text).
    mutating func raw(_ markup: String) { text += markup }

    /// Input or other text, escaped.
    mutating func text(_ value: String) { text += Self.escaped(value) }

    /// A number from the dashboard, tagged with its path. A percentage says how much the shown value is the
    /// field's (`data-scale`); a rounded one says to what (`data-round`), so a check can hold it to the field.
    mutating func number(_ value: DashboardValue, _ style: NumberStyle = .exact) {
        let field = Self.escaped(value.path)
        guard let shown = value.numberText, let number = value.double else {
            raw("<span class=\"na\" data-field=\"\(field)\" data-null=\"true\">n/a</span>")
            return
        }
        switch style {
        case .exact:
            raw("<span class=\"num\" data-field=\"\(field)\">\(ReportFormat.grouped(shown))</span>")
        case .oneDecimal:
            raw(
                "<span class=\"num\" data-field=\"\(field)\" data-round=\"0.1\">\(ReportFormat.oneDecimal(number))</span>"
            )
        case .percent:
            raw(
                "<span class=\"num\" data-field=\"\(field)\" data-scale=\"100\" data-round=\"0.1\">\(ReportFormat.percent(number))</span>"
            )
        }
    }

    /// Money: the currency code beside the exact figure (the code is not part of the number's element).
    mutating func money(_ value: DashboardValue, currency: String) {
        if value.exists { text(currency + " ") }
        number(value)
    }

    /// A count the page derives by counting published rows: `field` says how (`count(findings[rule=span.split])`).
    mutating func count(_ value: Int, field: String) {
        raw("<span class=\"num\" data-field=\"\(Self.escaped(field))\">\(ReportFormat.grouped(value))</span>")
    }
}
