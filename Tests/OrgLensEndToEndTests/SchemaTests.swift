import Foundation
import OrgLensTestSupport
import Testing

@Suite struct SchemaTests {
    /// `orglens schema` (rendered from the contract) prints exactly the committed `Schemas/`: `make schemas`
    /// rewrites them, and this test fails while the two differ.
    @Test func printedSchemasMatchTheCommittedFiles() throws {
        let list = try RunResult.orglens(["schema"])
        let names = list.stdout.split(separator: "\n").map(String.init)
        let schemas = TestPaths.repositoryRoot.appendingPathComponent("Schemas")
        let files = (FileManager.default.enumerator(atPath: schemas.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".schema.json") }
        #expect(names.count == files.count && names.count >= 22)
        for name in names {
            let printed = try RunResult.orglens(["schema", name]).stdout
            let file = try String(
                contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Schemas/\(name).schema.json"),
                encoding: .utf8)
            #expect(printed == file, "\(name) differs from Schemas/\(name).schema.json: run make schemas")
            #expect((try? JSONSerialization.jsonObject(with: Data(printed.utf8))) != nil)
        }
    }
}
