/// Pay as staged, per person in the org: annual salary in micro-units and its currency. Present only
/// when the export has a `salary` column. Values never leave the process un-aggregated.
package struct StagedPay: Sendable {
    /// Annual salary × 1,000,000 (exact: amounts are read as decimals and annualised in integers),
    /// or -1 when unknown (empty or unreadable).
    package internal(set) var salaryMicro: [Int64] = []
    /// Index into `currencies`, or -1 for an empty currency (the reporting currency).
    package internal(set) var currency: [Int32] = []
    /// Currency codes as written, upper-cased.
    package internal(set) var currencies: [String] = []
}
