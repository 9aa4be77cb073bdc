public import ArgumentParser
import OrgLensModel
import OrgLensPipeline

/// `orglens validate PIPELINE.yml`: checks the file and every source's mapping; computes nothing.
public struct ValidateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a pipeline file and its sources' columns; print what each canonical field comes from.")

    @Argument(help: "The pipeline file (YAML).")
    var pipeline: String

    public init() {}

    public func run() throws {
        do throws(RunError) {
            print(try PipelineCheck.describe(try PipelineFile.load(pipeline)), terminator: "")
        } catch {
            throw StandardError.failure(error)
        }
    }
}
