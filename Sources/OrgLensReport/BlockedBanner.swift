/// The banner a blocked run's `report.html` opens with: the page must not read like a published night's.
package enum BlockedBanner {
    /// One tripped gate as the banner lists it.
    package struct Gate: Sendable {
        package let gate: String
        package let value: String
        package let limit: String
        package let detail: String

        package init(gate: String, value: String, limit: String, detail: String) {
            self.gate = gate
            self.value = value
            self.limit = limit
            self.detail = detail
        }
    }

    static let marker = Array("<main>".utf8)

    /// `page` with the banner as the first thing inside `<main>` (the page unchanged if it has no `<main>`).
    package static func adding(to page: [UInt8], gates: [Gate]) -> [UInt8] {
        guard let start = page.firstRange(of: marker)?.lowerBound else { return page }
        var html = HTMLWriter()
        html.raw(
            "<section id=\"not-published\" role=\"alert\" style=\"border:3px solid #c0392b;background:#fdecea;padding:10px 14px;margin:0 0 1rem;border-radius:6px\">"
        )
        html.raw("<h2 style=\"margin:0 0 .4rem;border:0;color:#c0392b\">Not published</h2>")
        html.raw(
            "<p>A gate stopped this run: the dashboard still shows the last published night. The figures below are for checking only.</p><ul>"
        )
        for gate in gates {
            html.raw("<li><strong>")
            html.text(gate.gate)
            html.raw("</strong>: ")
            html.text(gate.value)
            html.raw(" (limit ")
            html.text(gate.limit)
            html.raw(") — ")
            html.text(gate.detail)
            html.raw("</li>")
        }
        html.raw("</ul></section>")
        let end = start + marker.count
        return Array(page[..<end]) + Array(html.text.utf8) + Array(page[end...])
    }
}
