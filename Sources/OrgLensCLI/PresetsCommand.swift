package import ArgumentParser
import OrgLensModel
import OrgLensSettings

/// `orglens presets [show NAME]`: the export presets built into the binary.
package struct PresetsCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract:
            "List the built-in export presets, or print one (presets/NAME.yml beside a pipeline overrides or adds).",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self)

    package init() {}

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Each preset with what it reads.")

        func run() {
            for preset in PresetCatalog.builtIn {
                print("\(preset.name)\n    \(PresetCatalog.description(of: preset.text))")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print one preset's YAML.")

        @Argument(help: "The preset's name.")
        var name: String

        func run() throws {
            do throws(RunError) {
                print(try PresetCatalog.find(name, besideDirectory: nil, status: .usage).text, terminator: "")
            } catch {
                throw StandardError.failure(error)
            }
        }
    }
}
