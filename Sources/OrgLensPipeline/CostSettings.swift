package import OrgLensMetrics
package import OrgLensModel

/// How salaries become all-in costs, and how small a group may be before its cost is withheld.
package struct CostSettings: Sendable, Hashable {
    /// Reporting currency; an empty `currency` in the export means this one.
    package var currency: String
    /// Value of one unit of each other currency in the reporting currency, exactly as written.
    package var rates: [String: ExactDecimal]
    /// Salary × this = all-in cost (benefits, taxes, equipment), exactly as written.
    package var allInMultiplier: ExactDecimal
    /// Groups with fewer salaried people than this publish no cost (never below 3).
    package var minGroupSize: Int
    /// Whether contractors count as direct reports in spans.
    package var contractorsInSpans: Bool
    /// Groups whose pay is published.
    package var dimensions: CostDimensions = .tree
    /// Published costs are rounded to this, in the reporting currency (at least 0.01).
    package var precision = ExactDecimal("1000")!
    /// How many earlier published nights tonight's withholding is checked against (`privacy.history_window`):
    /// 1, the previous one, by default; 0 checks each night on its own.
    package var historyWindow = 1

    /// `precision` in minor units (cents).
    var precisionMinor: Int64 { ExactDecimal.cents(micro: 1_000_000, times: [precision]) }

    package static let minimumGroupSizeFloor = 3

    package init(
        currency: String = "USD", rates: [String: ExactDecimal] = [:],
        allInMultiplier: ExactDecimal = ExactDecimal("1.3")!,
        minGroupSize: Int = 5, contractorsInSpans: Bool = true
    ) {
        self.currency = currency.uppercased()
        self.rates = Dictionary(uniqueKeysWithValues: rates.map { ($0.key.uppercased(), $0.value) })
        self.allInMultiplier = allInMultiplier
        self.minGroupSize = minGroupSize
        self.contractorsInSpans = contractorsInSpans
    }

    func validate() throws(RunError) {
        if minGroupSize < Self.minimumGroupSizeFloor {
            throw RunError(
                .configuration,
                "min_group_size \(minGroupSize) is below \(Self.minimumGroupSizeFloor); smaller groups would reveal individual salaries."
            )
        }
        if !allInMultiplier.isPositive { throw RunError(.configuration, "all_in_multiplier must be greater than 0.") }
        if precisionMinor < 1 { throw RunError(.configuration, "cost_precision must be at least 0.01 (one cent).") }
        for (code, rate) in rates where !rate.isPositive {
            throw RunError(.configuration, "rate for \(code) must be greater than 0.")
        }
    }

    /// Set by `orglens validate`, which publishes nothing: a currency without a rate is listed, not fatal.
    package var checkingOnly = false

    /// Three ASCII letters, as ISO 4217 codes are.
    static func isCurrencyCode(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    /// Rate of `code` in the reporting currency, or a configuration error naming the missing currency.
    /// `people` counts whose pay is in the currency; `positions`, when given, counts budgets instead.
    func rate(for code: String, people: Int, positions: Int? = nil) throws(RunError) -> ExactDecimal {
        if code == currency { return ExactDecimal("1")! }
        guard let rate = rates[code] else {
            // `orglens validate` reads on to show every currency without a rate, not the first.
            if checkingOnly { return ExactDecimal("1")! }
            let whose =
                positions.map { "budget of \($0) \($0 == 1 ? "position" : "positions")" }
                ?? "salary of \(people) \(people == 1 ? "person" : "people")"
            // A currency cell is an input value: only a code shaped like ISO 4217 is named (it is what the fix
            // needs); anything else is counted, and `orglens validate` shows it on the terminal.
            guard Self.isCurrencyCode(code) else {
                throw RunError(
                    .configuration,
                    "the currency column holds a value that is not an ISO 4217 code (\(whose)), so it has no rate to \(currency); correct it in the export (orglens validate shows the values)."
                )
            }
            throw RunError(
                .configuration,
                "currency \(code) (\(whose)) has no rate to \(currency); add costs.rates.\(code) to the config file or pass --rate \(code)=RATE."
            )
        }
        return rate
    }
}
