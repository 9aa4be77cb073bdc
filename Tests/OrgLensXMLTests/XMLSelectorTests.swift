import OrgLensModel
import OrgLensXML
import Testing

@Suite struct XMLSelectorTests {
    @Test func parsesEveryForm() throws {
        let selector = try XMLSelector(
            "wd:Manager/wd:ID[@wd:type='Employee_ID'] | Manager_ID | @id | Worker/@Descriptor")
        #expect(selector.alternatives.count == 4)
        let first = selector.alternatives[0]
        #expect(first.steps.map(\.name) == ["Manager", "ID"])
        #expect(first.steps[1].predicate?.attribute == "type")
        #expect(first.steps[1].predicate?.value == "Employee_ID")
        #expect(first.attribute == nil)
        #expect(selector.alternatives[2].steps.isEmpty)
        #expect(selector.alternatives[2].attribute == "id")
        #expect(selector.alternatives[3].steps.map(\.name) == ["Worker"])
        #expect(selector.alternatives[3].attribute == "Descriptor")
    }

    @Test(arguments: ["", "a/@b/c", "a[b='c']", "a[@b=c]", "a[@b='c'", "a//b", "@", "a b"])
    func rejectsMalformedSelectors(text: String) {
        let error = #expect(throws: RunError.self) { try XMLSelector(text) }
        #expect(error?.status == .usage)
    }
}
