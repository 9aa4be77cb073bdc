import Foundation
import OrgLensContract
import OrgLensModel
import OrgLensReport
import OrgLensTestSupport
import Testing

/// Every number on the page names its place in the dashboard (`data-field`), and shows what is there: the check
/// the browser run makes, here on every golden dashboard without a browser.
@Suite struct DataFieldTests {
    static let dashboards: [String] = {
        let cases = TestPaths.cases.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cases)) ?? []
        return names.sorted().map { "\(cases)/\($0)/expected/dashboard.json" }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }()

    @Test func thereAreGoldenDashboardsToCheck() {
        #expect(Self.dashboards.count >= 10)
    }

    @Test(arguments: dashboards)
    func everyNumberShowsTheFieldItNames(dashboardPath: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: dashboardPath))
        let dashboard = try #require(SchemaValue.parse(Array(bytes)))
        let whole = String(
            decoding: try ReportDocument.render(dashboard: Array(bytes), toolVersion: "test"), as: UTF8.self)
        // The page's numbers, not the org chart's script (which tags the numbers it draws the same way).
        let page = String(whole[..<(whole.firstRange(of: "<script")?.lowerBound ?? whole.endIndex)])
        let tag = try Regex(
            #"<span class="(num|na)" data-field="([^"]*)"( data-null="true")?( data-scale="([0-9]+)")?( data-round="([0-9.]+)")?>([^<]*)</span>"#
        )
        var checked = 0
        for match in page.matches(of: tag) {
            let field = String(match.output[2].substring!)
            // Counts of published rows name how they are counted, not a place.
            if field.hasPrefix("count(") { continue }
            let found = Self.value(at: field, in: dashboard)
            if match.output[3].substring != nil {
                #expect(found == nil || found == .null, "\(field) shows n/a but the dashboard has a value")
                continue
            }
            guard case .number(let text)? = found, let expected = Double(text) else {
                Issue.record("\(field) is not a number in \(dashboardPath)")
                continue
            }
            let scale = match.output[5].substring.flatMap { Double($0) } ?? 1
            // Shown rounded to `data-round`: within half of it; otherwise exactly the dashboard's figure.
            let rounding = match.output[7].substring.flatMap { Double($0) }
            let shownText = String(match.output[8].substring!).replacingOccurrences(of: "%", with: "")
                .replacingOccurrences(of: ",", with: "")
            let shown = try #require(Double(shownText)) / scale
            let tolerance = rounding.map { $0 / 2 / scale + 1e-9 } ?? 1e-9 * max(1, abs(expected))
            #expect(abs(shown - expected) <= tolerance, "\(field): \(shownText) vs \(text)")
            if rounding == nil && scale == 1 {
                #expect(shownText == text, "\(field): shown \(shownText), published \(text)")
            }
            checked += 1
        }
        #expect(checked > 10)
    }

    /// `summary.people`, `layers.2.mean_span`: object keys and array positions.
    static func value(at path: String, in root: SchemaValue) -> SchemaValue? {
        var current = root
        for part in path.split(separator: ".") {
            switch current {
            case .object(let members):
                guard let next = members.first(where: { $0.0 == part })?.1 else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(part), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default: return nil
            }
        }
        return current
    }
}
