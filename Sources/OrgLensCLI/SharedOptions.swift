import ArgumentParser
import Foundation
import OrgLensContract
import OrgLensModel
import OrgLensSettings
import OrgLensStage
import OrgLensSystem

// Values a flag takes are the settings' own enums: the parser lists and checks them, never a hand-typed copy.
extension SourceFormat: ExpressibleByArgument {}
extension ManagerReference: ExpressibleByArgument {}
extension DateFormat: ExpressibleByArgument {}
extension PayFormat.DecimalMark: ExpressibleByArgument {}
extension PayPeriod: ExpressibleByArgument {}
extension CostDimension: ExpressibleByArgument {}

extension CivilDate: ExpressibleByArgument {
    package init?(argument: String) {
        guard argument.count == 10, let day = CivilDate(iso: Substring(argument)) else { return nil }
        self = day
    }
}

/// A flag's help, from the declaration of the setting it sets: the same words as the pipeline contract.
func settingHelp(_ key: String, valueName: String) -> ArgumentHelp {
    ArgumentHelp(settingHelpText(key), valueName: valueName)
}

func settingHelpText(_ key: String) -> String {
    let summary = PipelineFile.field(at: key)?.summary ?? key
    return summary.prefix(1).uppercased() + summary.dropFirst() + "."
}

/// The day the org is measured on and the workers: every command that analyses takes them.
struct AnalysisOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "The day the org is measured on (default: the pipeline's as_of, else today, UTC).",
            valueName: "yyyy-mm-dd"))
    var asOf: CivilDate?

    @Option(
        help: ArgumentHelp(
            "Parallel workers (default: active processors). Output does not depend on it.", valueName: "n"))
    var workers: Int?

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1.") }
    }

    func day(pipeline: CivilDate? = nil) -> CivilDate {
        asOf ?? pipeline ?? Self.today
    }

    /// Today, UTC.
    static var today: CivilDate { CivilDate(daysSinceEpoch: POSIX.now().seconds / 86_400) }

    var workerCount: Int { workers ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
