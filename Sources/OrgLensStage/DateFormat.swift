package import OrgLensModel

/// How a source writes dates. HRIS exports follow the exporting user's locale: `2015-03-02`,
/// `03/02/2015` (US), `02/03/2015` (most of Europe), `02.03.2015` (German), each with an optional time.
package enum DateFormat: String, Sendable, Hashable, CaseIterable {
    /// `YYYY-MM-DD`, optionally followed by a time or a zone (`2015-03-02-08:00`, as Workday writes it).
    case iso
    /// Month, day, year with `/`, `.` or `-` between them.
    case mdy
    /// Day, month, year.
    case dmy
    /// Year, month, day with `/`, `.` or `-`.
    case ymd
    /// Decided from the whole column: a day over 12 settles the order.
    case auto

    /// What one value reads as.
    package enum Reading: Sendable, Hashable {
        /// Empty, or a placeholder such as BambooHR's `0000-00-00`: nothing is known, which is not a finding.
        case unknown
        case date(CivilDate)
        case unreadable
    }

    /// Reads one value under a decided format (`auto` reads year-first values only; see `decide`).
    package func read(_ bytes: ArraySlice<UInt8>) -> Reading {
        let value = DateParts.trimmed(bytes)
        guard !value.isEmpty else { return .unknown }
        // ISO first: it is what most rows hold, and a zero placeholder never reads as a date.
        if let date = CivilDate(isoBytes: value) { return .date(date) }
        if DateParts.isZeroPlaceholder(value) { return .unknown }
        if self == .iso { return .unreadable }
        guard let parts = DateParts(value) else { return .unreadable }
        let date: CivilDate?
        if parts.yearFirst {
            date = CivilDate(year: parts.first, month: parts.second, day: parts.third)
        } else {
            switch self {
            case .mdy: date = CivilDate(year: parts.third, month: parts.first, day: parts.second)
            case .dmy: date = CivilDate(year: parts.third, month: parts.second, day: parts.first)
            case .ymd, .iso, .auto: date = nil
            }
        }
        return date.map(Reading.date) ?? .unreadable
    }

    /// The evidence a column gives about day/month order.
    package struct ColumnEvidence: Sendable, Hashable {
        /// Year-last values whose first part is over 12 (so it must be the day), and whose second part is.
        package var dayFirst = 0
        package var monthFirst = 0
        /// Year-last values that read either way.
        package var ambiguous = 0
        /// Year-last values written with `.` (no locale writes month-first with dots).
        package var dotted = 0
        package var yearFirst = 0
        /// Year-first values that are not ISO (`2015/03/02`).
        package var yearFirstOther = 0
    }

    /// What `auto` becomes for this column: `nil` when the order cannot be told (every year-last value reads
    /// either way), which the caller reports as an error naming the choices.
    package static func decide(_ column: TextColumn) -> (format: DateFormat?, evidence: ColumnEvidence) {
        var evidence = ColumnEvidence()
        let bytes = column.bytes
        for record in 0..<column.count {
            let value = DateParts.trimmed(bytes[column.trimmedRange(at: record)])
            guard !value.isEmpty, !DateParts.isZeroPlaceholder(value) else { continue }
            if CivilDate(isoBytes: value) != nil {
                evidence.yearFirst += 1
                continue
            }
            guard let parts = DateParts(value) else { continue }
            if parts.yearFirst {
                evidence.yearFirst += 1
                evidence.yearFirstOther += 1
            } else if parts.first > 12, parts.second <= 12 {
                evidence.dayFirst += 1
            } else if parts.second > 12, parts.first <= 12 {
                evidence.monthFirst += 1
            } else {
                evidence.ambiguous += 1
                if parts.separator == UInt8(ascii: ".") { evidence.dotted += 1 }
            }
        }
        if evidence.dayFirst == 0, evidence.monthFirst == 0, evidence.ambiguous == 0 {
            return (evidence.yearFirstOther == 0 ? .iso : .ymd, evidence)
        }
        if evidence.dayFirst > evidence.monthFirst { return (.dmy, evidence) }
        if evidence.monthFirst > evidence.dayFirst { return (.mdy, evidence) }
        if evidence.dayFirst == 0, evidence.ambiguous > 0, evidence.dotted == evidence.ambiguous {
            return (.dmy, evidence)
        }
        return (nil, evidence)
    }
}

/// A date split into three numbers, the way every supported layout writes one.
struct DateParts {
    let first: Int
    let second: Int
    let third: Int
    let separator: UInt8
    /// A four-digit first part: year, month, day.
    let yearFirst: Bool

    private static let monthNames: [[UInt8]] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ].map { Array($0.utf8) }

    /// `a SEP b SEP c` with one separator (`/`, `.`, `-`), optionally followed by a time after a space or `T`.
    /// The year has four digits (a two-digit year could be any century); `02-Mar-2015` names its month.
    init?(_ value: ArraySlice<UInt8>) {
        var numbers: [Int] = []
        var digits = 0
        var current = 0
        var separator: UInt8 = 0
        var monthName: [UInt8] = []
        var widths: [Int] = []
        var index = value.startIndex
        func close() -> Bool {
            if !monthName.isEmpty {
                guard monthName.count >= 3,
                    let month = DateParts.monthNames.firstIndex(of: Array(monthName.prefix(3)))
                else { return false }
                numbers.append(month + 1)
                widths.append(2)
                monthName = []
                return true
            }
            guard digits > 0 else { return false }
            numbers.append(current)
            widths.append(digits)
            digits = 0
            current = 0
            return true
        }
        while index < value.endIndex {
            let byte = value[index]
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), monthName.isEmpty {
                guard digits < 4 else { return nil }
                current = current * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            } else if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20), digits == 0, numbers.count == 1 {
                monthName.append(byte | 0x20)
            } else if byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") {
                guard numbers.count < 2, close() else { return nil }
                if separator == 0 { separator = byte } else if separator != byte { return nil }
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "T"), numbers.count == 2 {
                break
            } else {
                return nil
            }
            index += 1
        }
        guard numbers.count == 2, close() else { return nil }
        // A time must follow a complete date and look like one.
        if index < value.endIndex {
            let rest = value[(index + 1)...]
            guard let first = rest.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return nil }
        }
        yearFirst = widths[0] == 4
        guard yearFirst ? widths[2] <= 2 && widths[1] <= 2 : widths[2] == 4 && widths[0] <= 2 && widths[1] <= 2 else {
            return nil
        }
        first = numbers[0]
        second = numbers[1]
        third = numbers[2]
        self.separator = separator
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
            slice = slice.dropFirst()
        }
        while let last = slice.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            slice = slice.dropLast()
        }
        return slice
    }

    /// `0000-00-00`, `00/00/0000`, `00.00.0000`: how some systems write "no date".
    static func isZeroPlaceholder(_ value: ArraySlice<UInt8>) -> Bool {
        var digits = 0
        for byte in value {
            if byte == UInt8(ascii: "0") {
                digits += 1
                continue
            }
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") { continue }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "T") || byte == UInt8(ascii: ":") { continue }
            return false
        }
        return digits >= 8
    }
}
