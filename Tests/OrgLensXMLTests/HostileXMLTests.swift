import Foundation
import OrgLensModel
import OrgLensTestSupport
import OrgLensXML
import Testing

/// HR exports are untrusted: hostile and broken documents are refused fast, with a clear error.
@Suite(.enabled(if: TestPaths.sharedDataAvailable, "needs ../shared/data beside the checkout"))
struct HostileXMLTests {
    static let attacks = TestPaths.shared.appendingPathComponent("data/corpora/xml-attacks")

    static var attackFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: attacks.path)) ?? []).filter { $0.hasSuffix(".xml") }
            .sorted()
    }

    @Test func attackCorpusIsPresent() {
        #expect(Self.attackFiles.count >= 8, "xml-attacks corpus not found at \(Self.attacks.path)")
    }

    @Test(arguments: attackFiles)
    func attackIsRefusedQuickly(file: String) throws {
        let reader = XMLReader(
            path: Self.attacks.appendingPathComponent(file).path, displayPath: file,
            mapping: try mapping("root", ["employee_id": "id"]))
        let clock = ContinuousClock()
        let start = clock.now
        let error = #expect(throws: RunError.self) {
            try reader.read(fields: ["employee_id"], identifierField: "employee_id")
        }
        #expect(clock.now - start < .seconds(1))
        #expect(error?.status == .badData)
        #expect(error?.message.contains("DTDs are not accepted in HR exports") == true)
    }

    @Test(
        arguments: [
            ("<r><p><id>1</id></p><p><id>2</id>", "people.xml:1:"),
            ("<r>\n<p><id>1</ids></p></r>", "people.xml:2:"),
            ("<r><p>\n<id>\u{FFFD}</id>\n</p></r>", nil),
        ] as [(String, String?)])
    func malformedDocumentsFailWithPosition(document: String, position: String?) throws {
        let directory = TemporaryDirectory()
        var bytes = Array(document.utf8)
        if position == nil {
            // Invalid UTF-8 in place of the replacement character.
            bytes = Array("<r><p>\n<id>".utf8) + [0xC3, 0x28] + Array("</id>\n</p></r>".utf8)
        }
        let error = #expect(throws: RunError.self) {
            try readXML(
                bytes: bytes, mapping: mapping("p", ["employee_id": "id"]), fields: ["employee_id"], in: directory)
        }
        #expect(error?.status == .badData)
        #expect(error?.message.contains(position ?? "people.xml:2:") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("malformed XML") == true)
    }

    @Test func deepNestingIsRefused() throws {
        let depth = 100_000
        let document = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let error = #expect(throws: RunError.self) {
            try readXML(document, mapping: mapping("p", ["employee_id": "id"]), fields: ["employee_id"])
        }
        #expect(error?.status == .badData)
    }

    @Test func doctypeAfterCommentsAndUTF16IsStillFound() throws {
        let directory = TemporaryDirectory()
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!-- a <comment> -->\n<!DOCTYPE r>\n<r/>"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let error = #expect(throws: RunError.self) {
            try readXML(
                bytes: utf16, mapping: mapping("r", ["employee_id": "@id"]), fields: ["employee_id"], in: directory)
        }
        #expect(error?.message.contains("DTDs are not accepted") == true)
    }
}
