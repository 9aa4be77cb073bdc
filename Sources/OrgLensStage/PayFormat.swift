/// How a source writes pay: `120000.00 USD`, `$420,000.00`, `1.234,56 €`, `CHF 85'000`, `45.50/hr`.
/// Amounts are read exactly, as integers of micro-units; nothing goes through binary floating point.
package struct PayFormat: Sendable, Hashable {
    /// The decimal mark. `auto` reads each value on its own: with both marks the last one is decimal;
    /// a single mark followed by exactly three digits groups thousands (pay is never written to three decimals).
    package enum DecimalMark: String, Sendable, Hashable, CaseIterable {
        case auto
        case point = "."
        case comma = ","
    }

    package var decimal: DecimalMark
    /// Thousands separators; `nil`: the other mark, space, no-break space and `'`.
    package var grouping: [Character]?
    /// Symbols (or words) written beside amounts, and the currency each means. Three-letter codes are read as such.
    package var symbols: [String: String]

    package static let defaultSymbols: [String: String] = [
        "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "Fr.": "CHF", "zł": "PLN",
    ]

    package init(decimal: DecimalMark = .auto, grouping: [Character]? = nil, symbols: [String: String] = [:]) {
        self.decimal = decimal
        self.grouping = grouping
        self.symbols = Self.defaultSymbols.merging(symbols) { _, mine in mine }
    }

    /// One pay value as read.
    package struct Reading: Sendable, Hashable {
        /// The amount × 1,000,000, per `period` (or per the source's period when the value names none).
        package var micro: Int64
        /// The currency the value names (`USD`, or a symbol's currency), upper-cased.
        package var currency: String?
        package var period: PayPeriod?
    }

    /// nil when the value is not an amount this format can read.
    package func read(_ bytes: ArraySlice<UInt8>) -> Reading? {
        if let plain = Self.plainAmount(bytes) { return Reading(micro: plain, currency: nil, period: nil) }
        let text = String(String(decoding: bytes, as: UTF8.self).map { $0 == "\u{A0}" || $0 == "\u{202F}" ? " " : $0 })
        guard let first = text.firstIndex(where: \.isASCIIDigit), let last = text.lastIndex(where: \.isASCIIDigit)
        else {
            return nil
        }
        var reading = Reading(micro: 0, currency: nil, period: nil)
        let prefix = String(text[..<first])
        let suffix = String(text[text.index(after: last)...])
        guard readAffix(prefix, into: &reading), readAffix(suffix, into: &reading),
            let micro = amount(text[first...last])
        else { return nil }
        reading.micro = micro
        return reading
    }

    /// Currency symbols, codes and a period in the text around the number; false for anything else
    /// (a minus sign, a word we do not know).
    private func readAffix(_ affix: String, into reading: inout Reading) -> Bool {
        var rest = affix.trimmingCharacters()
        guard !rest.isEmpty else { return true }
        // Longest symbols first, so `US$` is not read as `$` after `US`.
        for symbol in symbols.keys.sorted(by: { $0.count > $1.count || ($0.count == $1.count && $0 < $1) }) {
            if let range = rest.firstRange(of: symbol) {
                reading.currency = symbols[symbol]
                rest.removeSubrange(range)
                break
            }
        }
        var words = rest.lowercased().replacingSlashes.split(separator: " ").map(String.init)
        if let code = words.firstIndex(where: {
            $0.count == 3 && $0.allSatisfy(\.isASCIILetter) && $0 != "per" && PayPeriod(word: $0) == nil
        }) {
            guard reading.currency == nil || reading.currency == words[code].uppercased() else { return false }
            reading.currency = words[code].uppercased()
            words.remove(at: code)
        }
        let remainder = words.joined()
        guard !remainder.isEmpty else { return true }
        guard let period = PayPeriod(word: remainder) else { return false }
        reading.period = period
        return true
    }

    /// The number between the affixes: digits, one decimal mark, thousands separators in groups of three.
    private func amount(_ core: Substring) -> Int64? {
        let separators: [Character] = [".", ",", " ", "'", "’"]
        guard core.allSatisfy({ $0.isASCIIDigit || separators.contains($0) }) else { return nil }
        let mark: Character?
        switch decimal {
        case .point: mark = "."
        case .comma: mark = ","
        case .auto: mark = Self.autoMark(core)
        }
        var integer = Substring(core)
        var fraction = Substring("")
        if let mark, let at = core.lastIndex(of: mark) {
            integer = core[..<at]
            fraction = core[core.index(after: at)...]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit), !integer.contains(mark) else { return nil }
        }
        let grouping = self.grouping ?? separators.filter { $0 != mark }
        let groups = integer.split(omittingEmptySubsequences: false, whereSeparator: { grouping.contains($0) })
        guard let head = groups.first, !head.isEmpty, head.allSatisfy(\.isASCIIDigit),
            groups.count == 1
                || (head.count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        let digits = groups.joined()
        guard digits.count <= 12, var micro = Int64(digits) else { return nil }
        micro *= 1_000_000
        var scale: Int64 = 100_000
        for (index, digit) in fraction.enumerated() {
            let value = Int64(digit.asciiValue! - 48)
            if index < 6 {
                micro += value * scale
                scale /= 10
            } else {
                if value >= 5 { micro += 1 }
                break
            }
        }
        return micro
    }

    /// With both marks, the last is decimal; one mark once, after one to three digits and followed by three,
    /// groups thousands; one mark several times groups; otherwise it is decimal.
    private static func autoMark(_ core: Substring) -> Character? {
        let points = core.filter { $0 == "." }.count
        let commas = core.filter { $0 == "," }.count
        if points > 0, commas > 0 { return core.last(where: { $0 == "." || $0 == "," }) }
        let mark: Character = points > 0 ? "." : ","
        let count = max(points, commas)
        guard count == 1, let at = core.lastIndex(of: mark) else { return nil }
        let after = core[core.index(after: at)...]
        // `0.125` and `99999.995` are fractions: a thousands group follows one to three digits, never a zero.
        let head = core[..<at]
        if head == "0" || head.count > 3 { return mark }
        return after.count == 3 && after.allSatisfy(\.isASCIIDigit) ? nil : mark
    }

    /// `123456` or `123456.78`: most exports, read without making a `String`.
    private static func plainAmount(_ bytes: ArraySlice<UInt8>) -> Int64? {
        var micro: Int64 = 0
        var fractionDigits = -1
        var roundUp = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard fractionDigits < 0 else { return nil }
                fractionDigits = 0
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int64(byte - UInt8(ascii: "0"))
            if fractionDigits >= 6 {
                if fractionDigits == 6 { roundUp = digit >= 5 }
                fractionDigits += 1
                continue
            }
            guard micro < 900_000_000_000 else { return nil }
            micro = micro * 10 + digit
            if fractionDigits >= 0 { fractionDigits += 1 }
        }
        guard bytes.contains(where: { $0 != UInt8(ascii: ".") }) else { return nil }
        // A lone point followed by exactly three digits groups thousands (see `autoMark`): leave it to the full reader.
        if fractionDigits == 3 { return nil }
        for _ in 0..<(6 - min(6, max(0, fractionDigits))) { micro *= 10 }
        return micro + (roundUp ? 1 : 0)
    }
}

/// What a pay amount is per.
package enum PayPeriod: String, Sendable, Hashable, CaseIterable {
    case annual, monthly, hourly

    /// The words exports put beside an amount: `/yr`, `per hour`, `monthly`, `p.a.`, `Hour`, …
    init?(word: String) {
        let squeezed = word.lowercased().filter { $0.isLetter }
        switch squeezed {
        case "yr", "year", "years", "annual", "annually", "yearly", "pa", "peryear", "perannum", "y", "jahr",
            "jährlich":
            self = .annual
        case "mo", "mth", "month", "months", "monthly", "permonth", "m", "monat", "monatlich":
            self = .monthly
        case "hr", "hrs", "hour", "hours", "hourly", "perhour", "h", "ph", "stunde", "stündlich":
            self = .hourly
        default:
            return nil
        }
    }

    /// An amount per this period as an annual amount.
    package func annualMultiplier(hoursPerYear: Int64) -> Int64 {
        switch self {
        case .annual: 1
        case .monthly: 12
        case .hourly: hoursPerYear
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
}

extension String {
    fileprivate var replacingSlashes: String { String(map { $0 == "/" ? " " : $0 }) }
}
