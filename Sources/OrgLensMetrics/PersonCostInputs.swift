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
        rate rateOf: (_ code: String, _ people: Int) throws(RunError) -> ExactDecimal
    ) throws(RunError) -> PersonCosts? {
        guard let pay = staged.pay else { return nil }
        var peoplePerCurrency = [Int](repeating: 0, count: pay.currencies.count)
        for person in built.stagedPerson where pay.currency[Int(person)] >= 0 {
            peoplePerCurrency[Int(pay.currency[Int(person)])] += 1
        }
        let multiplier = allInMultiplier
        var rate: [ExactDecimal] = []
        for (index, code) in pay.currencies.enumerated() {
            rate.append(peoplePerCurrency[index] == 0 ? ExactDecimal("0")! : try rateOf(code, peoplePerCurrency[index]))
        }
        let costMinor = built.stagedPerson.map { person -> Int64 in
            let salary = pay.salaryMicro[Int(person)]
            guard salary >= 0 else { return -1 }
            let currency = pay.currency[Int(person)]
            // Exact decimals, rounded once per person to the cent, then summed as integers: the same bytes
            // for any worker count, and half cents round alike in every currency.
            return ExactDecimal.cents(
                micro: salary, times: currency < 0 ? [multiplier] : [rate[Int(currency)], multiplier])
        }
        return PersonCosts(costMinor: costMinor, isContractor: isContractor)
    }

    /// Whether each graph person is a contractor (all false without an employment_type column).
    public static func contractors(staged: StagedPeople, built: OrgGraphBuilder.Result) -> [Bool] {
        built.stagedPerson.map { staged.isContractor.isEmpty ? false : staged.isContractor[Int($0)] }
    }
}
