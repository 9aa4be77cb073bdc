import Foundation

/// A read-only view of `dashboard.json` as parsed: the report shows what the dashboard publishes and computes
/// nothing of its own, so every number on the page can name the field it came from.
struct DashboardValue {
    let raw: Any?

    init(_ raw: Any?) { self.raw = raw }

    subscript(key: String) -> DashboardValue { DashboardValue((raw as? [String: Any])?[key]) }
    subscript(index: Int) -> DashboardValue {
        guard let array = raw as? [Any], array.indices.contains(index) else { return DashboardValue(nil) }
        return DashboardValue(array[index])
    }

    var exists: Bool { raw != nil && !(raw is NSNull) }
    var array: [DashboardValue] { (raw as? [Any])?.map(DashboardValue.init) ?? [] }
    var string: String? { raw as? String }
    var int: Int? { (raw as? NSNumber)?.intValue }
    var double: Double? { (raw as? NSNumber)?.doubleValue }

    /// The number as the dashboard wrote it (integers without a point, others as their shortest text).
    var numberText: String? {
        guard let number = raw as? NSNumber else { return nil }
        let value = number.doubleValue
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
