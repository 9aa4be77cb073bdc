/// A calendar date without time or zone, stored as days since 1970-01-01, so comparing `hire_date`
/// with `as_of` never touches a clock or a locale.
package struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let daysSinceEpoch: Int

    package init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        daysSinceEpoch = era * 146_097 + dayOfEra - 719_468
    }

    /// Accepts `YYYY-MM-DD`, optionally followed by a time (`T…` or ` …`) or a zone offset
    /// (`Z`, `+hh:mm`, `-hh:mm`, as Workday writes dates): HR dates are calendar days, so the rest is ignored.
    package init?(iso text: Substring) {
        self.init(isoBytes: ArraySlice(text.utf8))
    }

    /// `init(iso:)` over UTF-8 bytes, so a stage can parse a column without making a `String` per row.
    package init?(isoBytes bytes: ArraySlice<UInt8>) {
        let start = bytes.startIndex
        func at(_ offset: Int) -> UInt8 { bytes[start + offset] }
        guard bytes.count >= 10, at(4) == UInt8(ascii: "-"), at(7) == UInt8(ascii: "-"),
            let year = CivilDate.number(bytes[start..<(start + 4)]),
            let month = CivilDate.number(bytes[(start + 5)..<(start + 7)]),
            let day = CivilDate.number(bytes[(start + 8)..<(start + 10)])
        else { return nil }
        if bytes.count > 10 {
            let next = at(10)
            guard
                next == UInt8(ascii: "T") || next == UInt8(ascii: " ") || next == UInt8(ascii: "Z")
                    || next == UInt8(ascii: "+") || next == UInt8(ascii: "-")
            else { return nil }
        }
        self.init(year: year, month: month, day: day)
    }

    package var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD`.
    package var description: String {
        let (year, month, day) = components
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    package static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
