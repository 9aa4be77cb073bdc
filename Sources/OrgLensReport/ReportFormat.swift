import Foundation

/// How a number is shown: read at a glance (thousands separators, one decimal for spans, percentages), while the
/// value behind it stays the dashboard's (`data-field`, and `data-round` where the page rounds).
enum NumberStyle {
    /// As published, with thousands separators (counts, and money, which is never rounded again).
    case exact
    /// One decimal (spans and other means).
    case oneDecimal
    /// A share (0…1) as a percentage with one decimal.
    case percent
}

package enum ReportFormat {
    /// `40583000` → `40,583,000`; `-1234.5` → `-1,234.5`. Works on the text, so money never passes through `Double`.
    package static func grouped(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = Array(parts[0])
        guard whole.allSatisfy(\.isNumber) else { return text }
        var out = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return (negative ? "-" : "") + out
    }

    static func grouped(_ value: Int) -> String { grouped(String(value)) }

    /// Rounded half away from zero to one decimal; `5.0` stays `5.0` so a column of spans lines up.
    package static func oneDecimal(_ value: Double) -> String {
        let tenths = (value * 10).rounded(.toNearestOrAwayFromZero)
        let whole = Int64(tenths / 10)
        let fraction = Int64(abs(tenths.truncatingRemainder(dividingBy: 10)))
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return sign + grouped(String(whole)) + "." + String(fraction)
    }

    package static func percent(_ share: Double) -> String { oneDecimal(share * 100) + "%" }

    /// Tick values for an axis from 0 to at least `maximum`: 0 and up to four round steps (1, 2 or 5 × 10ⁿ); steps
    /// of at least 1 for whole numbers (no "1.5 managers").
    static func ticks(upTo maximum: Double, wholeNumbers: Bool = false) -> [Double] {
        guard maximum > 0 else { return [0, 1] }
        let rough = maximum / 4
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let round = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let step = wholeNumbers ? max(round, 1) : round
        let count = Int((maximum / step).rounded(.up))
        return (0...max(count, 1)).map { Double($0) * step }
    }

    /// An axis label: whole numbers grouped, others with one decimal.
    static func tick(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? grouped(String(Int64(value))) : oneDecimal(value)
    }
}
