/// The Plan section a plan's `after/report.html` opens with: which scenario, what each change did, and every
/// manager, org head and team whose figures moved, before → after (`plan.json` holds the same, whole).
package enum PlanBanner {
    /// One record of `plan.json`'s tables: its id and (label, before, after) per figure that changed.
    package struct Row: Sendable {
        package let id: String
        package let figures: [(label: String, before: String, after: String)]

        package init(id: String, figures: [(label: String, before: String, after: String)]) {
            self.id = id
            self.figures = figures
        }
    }

    /// `page` with the Plan section first inside `<main>`. `tables` are (title, rows), in the order shown.
    package static func adding(
        to page: [UInt8], scenario: String, changes: [String], tables: [(title: String, rows: [Row])]
    ) -> [UInt8] {
        guard let start = page.firstRange(of: BlockedBanner.marker)?.lowerBound else { return page }
        var html = HTMLWriter()
        html.raw(
            "<section id=\"plan\" style=\"border:3px solid #2c6fbb;background:#eef4fb;padding:10px 14px;margin:0 0 1rem;border-radius:6px\">"
        )
        html.raw("<h2 style=\"margin:0 0 .4rem;border:0;color:#2c6fbb\">Plan: ")
        html.text(scenario)
        html.raw("</h2><p>The org below is the org <em>after</em> these changes; nothing is published. ")
        html.raw("What changed compares it with the org as exported.</p><ol>")
        for change in changes {
            html.raw("<li>")
            html.text(change)
            html.raw("</li>")
        }
        html.raw("</ol>")
        for (title, rows) in tables where !rows.isEmpty {
            html.raw("<h3>")
            html.text(title)
            html.raw("</h3><div class=\"scroll\"><table class=\"stack\"><thead><tr><th>Id</th><th>Before → after</th>")
            html.raw("</tr></thead><tbody>")
            for row in rows {
                html.raw("<tr><td data-label=\"Id\">")
                html.text(row.id)
                html.raw("</td><td data-label=\"Before → after\">")
                for (index, figure) in row.figures.enumerated() {
                    if index > 0 { html.raw("; ") }
                    html.text("\(figure.label) \(figure.before) → \(figure.after)")
                }
                html.raw("</td></tr>")
            }
            html.raw("</tbody></table></div>")
        }
        html.raw("</section>")
        let end = start + BlockedBanner.marker.count
        return Array(page[..<end]) + Array(html.text.utf8) + Array(page[end...])
    }
}
