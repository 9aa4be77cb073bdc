package import ArgumentParser
import OrgLensModel
import OrgLensPipeline
import OrgLensSettings

/// `orglens plan PIPELINE.yml --scenario SCENARIO.yml --out DIR`: a reorganisation tried on the real org.
package struct PlanCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract:
            "Apply a scenario's changes to the org a pipeline reads; write DIR/plan.json (before → after) and DIR/after/.",
        discussion: ExitCodes.help(.plan))

    @Argument(help: "The pipeline file (YAML): the org as run reads it.")
    var pipeline: String

    @Option(help: ArgumentHelp("The scenario (YAML; orglens schema scenario).", valueName: "file"))
    var scenario: String

    @Option(help: ArgumentHelp("Where plan.json and after/ go (outside every outputs directory).", valueName: "dir"))
    var out: String

    @OptionGroup var analysis: AnalysisOptions

    package init() {}

    package func run() throws {
        do throws(RunError) {
            let file = try PipelineFile.load(pipeline)
            let plan = try Scenario.load(scenario)
            print(
                try ScenarioPlan.write(
                    pipeline: file, scenario: plan, scenarioPath: scenario, asOf: analysis.day(pipeline: file.asOf),
                    workers: analysis.workerCount, out: out, logger: LogSetup.logger(quiet: true, format: .text)))
        } catch {
            throw StandardError.failure(error)
        }
    }
}
