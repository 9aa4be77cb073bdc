public import OrgLensGraph
public import OrgLensModel
public import OrgLensStage

/// Turns staged pay into per-person all-in costs in the reporting currency, indexed like the graph.
public enum PersonCostInputs {
    /// nil when the export has no salary column. `rate` gives a currency's rate in the reporting currency (and is
    /// told how many people are paid in it, for its message when there is none); its error stops the run before
    /// anything is published.
    public static func make(
        staged: StagedPeople, built: OrgGraphBuilder.Result, isContractor: [Bool], allInMultiplier: ExactDecimal,
        workers: Int = 1, rate rateOf: (_ code: String, _ people: Int) throws(RunError) -> ExactDecimal
    ) throws(RunError) -> PersonCosts? {
        guard let pay = staged.pay else { return nil }
        let stagedPerson = built.stagedPerson
        // People are in reporting order, their pay in export order: each pass over them gathers, so both run on
        // the workers.
        let currencyCount = pay.currencies.count
        var peoplePerCurrency = [Int](repeating: 0, count: currencyCount)
        for counts in parallelChunks(
            count: stagedPerson.count, workers: workers, serialThreshold: 65_536,
            { range in
                var counts = [Int](repeating: 0, count: currencyCount)
                for index in range where pay.currency[Int(stagedPerson[index])] >= 0 {
                    counts[Int(pay.currency[Int(stagedPerson[index])])] += 1
                }
                return counts
            })
        {
            for currency in counts.indices { peoplePerCurrency[currency] += counts[currency] }
        }
        let multiplier = allInMultiplier
        var scaling: [CentsScaling] = []
        for (index, code) in pay.currencies.enumerated() {
            let rate = peoplePerCurrency[index] == 0 ? ExactDecimal("0")! : try rateOf(code, peoplePerCurrency[index])
            scaling.append(CentsScaling([rate, multiplier]))
        }
        let (byCurrency, noCurrency) = (scaling, CentsScaling([multiplier]))
        let costMinor = parallelChunks(count: stagedPerson.count, workers: workers, serialThreshold: 65_536) { range in
            range.map { index -> Int64 in
                let person = Int(stagedPerson[index])
                let salary = pay.salaryMicro[person]
                guard salary >= 0 else { return -1 }
                let currency = pay.currency[person]
                // Exact decimals, rounded once per person to the cent, then summed as integers: the same bytes
                // for any worker count, and half cents round alike in every currency.
                return (currency < 0 ? noCurrency : byCurrency[Int(currency)]).cents(micro: salary)
            }
        }.flatMap { $0 }
        return PersonCosts(costMinor: costMinor, isContractor: isContractor)
    }

    /// Whether each graph person is a contractor (all false without an employment_type column).
    public static func contractors(staged: StagedPeople, built: OrgGraphBuilder.Result) -> [Bool] {
        built.stagedPerson.map { staged.isContractor.isEmpty ? false : staged.isContractor[Int($0)] }
    }
}
