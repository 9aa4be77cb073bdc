package import OrgLensGraph
package import OrgLensModel
package import OrgLensStage

/// Turns staged pay into per-person all-in costs in the reporting currency, indexed like the graph.
package enum PersonCostInputs {
    /// nil when the export has no salary column. `rate` gives a currency's rate in the reporting currency (and is
    /// told how many people are paid in it, for its message when there is none); its error stops the run before
    /// anything is published.
    package static func make(
        staged: StagedPeople, built: OrgGraphBuilder.Result, isContractor: [Bool], allInMultiplier: ExactDecimal,
        workers: Int = 1, rate rateOf: (_ code: String, _ people: Int) throws(RunError) -> ExactDecimal
    ) throws(RunError) -> PersonCosts? {
        guard let pay = staged.pay else { return nil }
        let salaryMicro = built.inGraphOrder(pay.salaryMicro, workers: workers)
        let currencyOf = built.inGraphOrder(pay.currency, workers: workers)
        var peoplePerCurrency = [Int](repeating: 0, count: pay.currencies.count)
        for currency in currencyOf where currency >= 0 { peoplePerCurrency[Int(currency)] += 1 }
        let multiplier = allInMultiplier
        var scaling: [CentsScaling] = []
        for (index, code) in pay.currencies.enumerated() {
            let rate = peoplePerCurrency[index] == 0 ? ExactDecimal("0")! : try rateOf(code, peoplePerCurrency[index])
            scaling.append(CentsScaling([rate, multiplier]))
        }
        let (byCurrency, noCurrency) = (scaling, CentsScaling([multiplier]))
        let costMinor = parallelChunks(count: salaryMicro.count, workers: workers, serialThreshold: 65_536) { range in
            range.map { person -> Int64 in
                let salary = salaryMicro[person]
                guard salary >= 0 else { return -1 }
                let currency = currencyOf[person]
                // Exact decimals, rounded once per person to the cent, then summed as integers: the same bytes
                // for any worker count, and half cents round alike in every currency.
                return (currency < 0 ? noCurrency : byCurrency[Int(currency)]).cents(micro: salary)
            }
        }.flatMap { $0 }
        return PersonCosts(costMinor: costMinor, isContractor: isContractor)
    }

    /// Whether each graph person is a contractor (all false without an employment_type column).
    package static func contractors(staged: StagedPeople, built: OrgGraphBuilder.Result, workers: Int = 1) -> [Bool] {
        staged.isContractor.isEmpty
            ? [Bool](repeating: false, count: built.graph.count)
            : built.inGraphOrder(staged.isContractor, workers: workers)
    }
}
