import OrgLensModel

/// Pay as staged, per person in the org: annual salary in minor units (cents) and its currency.
/// Present only when the export has a `salary` column. Values never leave the process un-aggregated.
public struct StagedPay: Sendable {
    /// Annual salary × 100, or -1 when unknown (empty or unreadable).
    public internal(set) var salaryMinor: [Int64] = []
    /// Index into `currencies`, or -1 for an empty currency (the reporting currency).
    public internal(set) var currency: [Int32] = []
    /// Currency codes as written, upper-cased.
    public internal(set) var currencies: [String] = []

    /// Parses `123456`, `123456.5`, `123456.78` (a `.` decimal point, no grouping); nil otherwise.
    public static func minorUnits(_ bytes: ArraySlice<UInt8>) -> Int64? {
        var units: Int64 = 0
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
            if fractionDigits >= 2 {
                if fractionDigits == 2 { roundUp = digit >= 5 }
                fractionDigits += 1
                continue
            }
            guard units < Int64.max / 100 else { return nil }
            units = units * 10 + digit
            if fractionDigits >= 0 { fractionDigits += 1 }
        }
        guard !bytes.isEmpty, bytes.contains(where: { $0 != UInt8(ascii: ".") }) else { return nil }
        for _ in 0..<(2 - min(2, max(0, fractionDigits))) { units *= 10 }
        return units + (roundUp ? 1 : 0)
    }
}
