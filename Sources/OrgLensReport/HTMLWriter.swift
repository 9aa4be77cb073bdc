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

    /// A number from the dashboard, tagged with its path; `scale` is how much the shown value is the field's (100
    /// for a share shown as a percentage).
    mutating func number(_ value: DashboardValue, scale: Int = 1, suffix: String = "") {
        let field = value.path
        guard let shown = value.numberText, let number = value.double else {
            raw("<span class=\"na\" data-field=\"\(Self.escaped(field))\" data-null=\"true\">n/a</span>")
            return
        }
        let display = scale == 1 ? shown : Self.format(number * Double(scale))
        raw(
            "<span class=\"num\" data-field=\"\(Self.escaped(field))\"\(scale == 1 ? "" : " data-scale=\"\(scale)\"")>"
                + Self.escaped(display) + suffix + "</span>")
    }

    /// A count the page derives by counting published rows: `field` says how (`count(findings[rule=span.split])`).
    mutating func count(_ value: Int, field: String) {
        raw("<span class=\"num\" data-field=\"\(Self.escaped(field))\">\(value)</span>")
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
