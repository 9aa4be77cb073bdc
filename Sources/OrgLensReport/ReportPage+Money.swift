/// `#cost`: the whole org's cost, by org head and by layer, and for each withheld figure why it is withheld.
extension ReportPage {
    /// A group's cost, or why it is withheld: too few people with pay, or withheld so that a smaller group's pay
    /// cannot be worked out from it and the figures beside it.
    mutating func cost(of record: DashboardValue) {
        if record["cost"].exists {
            html.money(record["cost"], currency: currency)
            return
        }
        let minimum = dashboard["cost_basis"]["min_group_size"].int ?? 0
        let salaried = record["salaried"].int ?? 0
        html.raw("<span class=\"suppressed\">withheld: ")
        html.raw(
            salaried < minimum
                ? "fewer than \(minimum) people with pay"
                : "withheld so that a smaller group cannot be worked out")
        html.raw("</span>")
    }

    mutating func cost() {
        let basis = dashboard["cost_basis"]
        guard basis.exists else {
            section("cost", "Cost")
            html.raw("<p class=\"muted\">No cost in this run: the export has no pay, or costs are not published.</p>")
            html.raw("</section>")
            return
        }
        section("cost", "Cost")
        html.raw("<p>All-in cost in ")
        html.text(currency)
        html.raw(" (salary × ")
        html.number(basis["all_in_multiplier"])
        html.raw("), published only for groups of at least ")
        html.number(basis["min_group_size"])
        html.raw(" people with pay, and withheld where it would let a smaller group's pay be worked out.</p>")
        // The whole org: each root's row of the managers table (its subtree is everyone under it).
        let tops = dashboard["managers"].array.filter { manager in
            scope.map { manager["id"].string == $0.head } ?? (manager["role"].string == "executive")
        }
        html.raw("<div class=\"cards\">")
        for top in tops.prefix(Self.maxRows) {
            html.raw("<div class=\"card\"><span class=\"muted\">")
            html.raw(scope == nil ? "The whole org's cost, under " : "This org's cost, under ")
            person(top["id"].string ?? "")
            html.raw("</span><span class=\"big\">")
            cost(of: top)
            html.raw("</span><span class=\"muted\">")
            html.number(top["headcount"])
            html.raw(" people</span></div>")
        }
        html.raw("</div>")
        let heads = scope == nil ? Array(dashboard["org_heads"].array.prefix(Self.maxRows)) : []
        if heads.contains(where: { $0["cost_suppressed"].exists }) {
            html.raw("<div class=\"scroll\"><table class=\"sortable stack\"><caption>Cost by org head</caption>")
            html.raw("<thead><tr><th>Org head</th><th class=\"n\">Headcount</th><th class=\"n\">Cost</th></tr>")
            html.raw("</thead><tbody>")
            for head in heads {
                html.raw("<tr><td data-label=\"Org head\">")
                person(head["id"].string ?? "")
                html.raw("</td><td class=\"n\" data-label=\"Headcount\">")
                html.number(head["headcount"])
                html.raw("</td><td class=\"n\" data-label=\"Cost\">")
                cost(of: head)
                html.raw("</td></tr>")
            }
            html.raw("</tbody></table></div>")
        }
        let layers = scope == nil ? Array(dashboard["cost_by_layer"].array.prefix(Self.maxRows)) : []
        if !layers.isEmpty {
            html.raw(
                "<div class=\"scroll\"><table class=\"sortable stack\"><caption>Cost by layer</caption><thead><tr>")
            html.raw("<th class=\"n\">Layer</th><th class=\"n\">Headcount</th><th class=\"n\">Cost</th></tr></thead>")
            html.raw("<tbody>")
            for layer in layers {
                html.raw("<tr><td class=\"n\" data-label=\"Layer\">")
                html.number(layer["layer"])
                html.raw("</td><td class=\"n\" data-label=\"Headcount\">")
                html.number(layer["headcount"])
                html.raw("</td><td class=\"n\" data-label=\"Cost\">")
                cost(of: layer)
                html.raw("</td></tr>")
            }
            html.raw("</tbody></table></div>")
        }
        html.raw("</section>")
    }
}
