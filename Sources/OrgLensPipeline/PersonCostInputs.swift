import OrgLensGraph
import OrgLensMetrics
import OrgLensModel
import OrgLensStage

/// Turns staged pay into per-person all-in costs in the reporting currency, indexed like the graph.
enum PersonCostInputs {
    /// nil when the export has no salary column. Throws a configuration error for a currency with no rate,
    /// before anything is published.
    static func make(
        staged: StagedPeople, built: OrgGraphBuilder.Result, isContractor: [Bool], settings: CostSettings
    ) throws(RunError) -> PersonCosts? {
        guard let pay = staged.pay else { return nil }
        var peoplePerCurrency = [Int](repeating: 0, count: pay.currencies.count)
        for person in built.stagedPerson where pay.currency[Int(person)] >= 0 {
            peoplePerCurrency[Int(pay.currency[Int(person)])] += 1
        }
        var factor: [Double] = []
        for (index, code) in pay.currencies.enumerated() {
            factor.append(peoplePerCurrency[index] == 0 ? 0 : try settings.rate(for: code, people: peoplePerCurrency[index]) * settings.allInMultiplier)
        }
        let costMinor = built.stagedPerson.map { person -> Int64 in
            let salary = pay.salaryMinor[Int(person)]
            guard salary >= 0 else { return -1 }
            let currency = pay.currency[Int(person)]
            let scale = currency < 0 ? settings.allInMultiplier : factor[Int(currency)]
            // Rounded per person, then summed as integers: the same bytes for any worker count.
            return Int64((Double(salary) * scale).rounded(.toNearestOrAwayFromZero))
        }
        return PersonCosts(costMinor: costMinor, isContractor: isContractor)
    }

    /// Whether each graph person is a contractor (all false without an employment_type column).
    static func contractors(staged: StagedPeople, built: OrgGraphBuilder.Result) -> [Bool] {
        built.stagedPerson.map { staged.isContractor.isEmpty ? false : staged.isContractor[Int($0)] }
    }
}
