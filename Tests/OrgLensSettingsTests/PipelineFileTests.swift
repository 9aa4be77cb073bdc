import Foundation
import OrgLensModel
import OrgLensSettings
import OrgLensTestSupport
import Testing

@Suite struct PipelineFileTests {
    static let minimal = "sources:\n  people: {path: people.csv}\noutputs: {directory: out}\n"

    @Test func pathsAreRelativeToThePipelineFile() throws {
        let file = try PipelineFile(yaml: Self.minimal, path: "/srv/pipelines/nightly.yml")
        #expect(file.people.path == "/srv/pipelines/people.csv")
        #expect(file.outputs.directory == "/srv/pipelines/out")
        #expect(file.name == "nightly")
        #expect(file.outputs.tables && !file.outputs.peopleTable && file.outputs.keep == 14)
    }

    @Test(arguments: [
        (
            "sources:\n  people: {path: p.csv}\noutputs: {directory: o}\nfail_on: [span.splitt]\n",
            "fail_on must be "
        ),
        (
            "sources:\n  people: {path: p.csv, colour: red}\noutputs: {directory: o}\n",
            "p.yml:2:25: unknown key 'colour' in sources.people"
        ),
        ("sources:\n  people: {path: p.csv}\n", "missing key 'outputs'"),
        ("outputs: {directory: o}\n", "missing key 'sources'"),
        ("sources:\n  teams: {path: t.csv}\noutputs: {directory: o}\n", "missing key 'sources.people'"),
        (
            "sources:\n  people: {path: p.csv, manager_ref: badge}\noutputs: {directory: o}\n",
            "manager_ref must be auto, id, email or name"
        ),
        (
            "sources:\n  people: {path: p.csv}\noutputs: {directory: o, keep: many}\n",
            "outputs.keep must be a whole number"
        ),
        (
            "as_of: yesterday\nsources:\n  people: {path: p.csv}\noutputs: {directory: o}\n",
            "as_of 'yesterday' is not a date"
        ),
        ("sources: [people]\noutputs: {directory: o}\n", "p.yml:1:10: sources must be a mapping"),
    ])
    func invalidFilesSayWhereAndWhat(yaml: String, expected: String) {
        let error = #expect(throws: RunError.self) { try PipelineFile(yaml: yaml, path: "p.yml") }
        #expect(error?.status == .configuration)
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
    }

    @Test func presetKeysComeFirstAndTheSourceOverrides() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "presets/hr.yml", "format: csv\nmap: {employee_id: EMP, manager_id: BOSS}\nroot_markers: [NONE]\n")
        let path = directory.write(
            "p.yml", "sources:\n  people: {path: p.csv, preset: hr, map: {manager_id: MGR}}\noutputs: {directory: o}\n")
        let file = try PipelineFile.load(path)
        #expect(file.people.presetMap == ["employee_id": ["EMP"], "manager_id": ["BOSS"]])
        #expect(file.people.map == ["manager_id": "MGR"])
        #expect(file.people.rootMarkers == ["NONE"])
    }

    @Test func shippedPipelinesParse() throws {
        for name in ["demo.yml", "nightly.example.yml", "audit.example.yml"] {
            _ = try PipelineFile.load(TestPaths.repositoryRoot.appendingPathComponent("Pipelines/\(name)").path)
        }
    }
}
