/// `#teams`, `#changes` and `#data-quality`: team boundaries, what moved since the last night, and where every
/// row went.
extension ReportPage {
    mutating func teams() {
        section("teams", "Teams and services")
        guard let teamCount = digest.teamCount else {
            html.raw("<p class=\"muted\">No teams export in this run: team boundaries are not measured.</p></section>")
            return
        }
        if scope != nil {
            html.raw(
                "<p class=\"muted\">Teams of this org that need a change are under What to do next; every team is in the whole org's report.</p></section>"
            )
            return
        }
        let rules = digest.rules
        let split = rules.first { $0.rule == "team.split_reporting" }?.count ?? 0
        let crossOrg = rules.first { $0.rule == "team.cross_org" }?.count ?? 0
        html.raw("<div class=\"cards\">")
        card("Teams") { $0.count(teamCount, field: "count(teams)") }
        card("Reporting to several managers") {
            $0.count(split, field: "count(findings[rule=team.split_reporting])")
        }
        card("Across org heads") { $0.count(crossOrg, field: "count(findings[rule=team.cross_org])") }
        if let services = digest.servicesByOwnership {
            for (ownership, label) in [("orphan", "no owner"), ("single", "one owner"), ("shared", "several owners")] {
                card("Services with \(label)") {
                    $0.count(services[ownership] ?? 0, field: "count(services[ownership=\(ownership)])")
                }
            }
        }
        html.raw("</div>")
        if !digest.leastAligned.isEmpty {
            html.raw("<div class=\"scroll\"><table class=\"sortable stack\"><caption>Least aligned teams</caption>")
            html.raw("<thead><tr><th>Team</th><th class=\"n\">Size</th><th class=\"n\">Reporting managers</th>")
            html.raw("<th class=\"n\">Alignment</th></tr></thead><tbody>")
            for team in digest.leastAligned {
                html.raw("<tr><td data-label=\"Team\">")
                html.text(team.id)
                html.raw("</td><td class=\"n\" data-label=\"Size\">")
                html.number(DashboardValue(number: Double(team.size), path: "teams.\(team.index).size"))
                html.raw("</td><td class=\"n\" data-label=\"Managers\">")
                html.number(
                    DashboardValue(
                        number: Double(team.reportingManagers), path: "teams.\(team.index).reporting_managers"))
                html.raw("</td><td class=\"n\" data-label=\"Alignment\">")
                html.number(
                    DashboardValue(number: team.alignment, path: "teams.\(team.index).alignment"), .percent)
                html.raw("</td></tr>")
            }
            html.raw("</tbody></table></div>")
        }
        html.raw("</section>")
    }

    mutating func changes() {
        if wholeOrgOnly("changes", "Changes") { return }
        section("changes", "Changes since the last run")
        let changes = dashboard["changes"]
        guard changes["previous_as_of"].exists else {
            html.raw("<p class=\"muted\">No earlier published night to compare with.</p></section>")
            return
        }
        html.raw("<p>Compared with the run of ")
        html.text(changes["previous_as_of"].string ?? "")
        html.raw(".</p>")
        guard changes["joiners"].exists else {
            html.raw(
                "<p>Ids could not be matched between the two runs (see the changes findings); no per-person change is reported.</p></section>"
            )
            return
        }
        html.raw("<div class=\"scroll\"><table class=\"stack\"><caption>What changed</caption><thead><tr>")
        html.raw("<th>Change</th><th class=\"n\">People</th></tr></thead><tbody>")
        let rows: [(String, String)] = [
            ("joiners", "Joined"), ("leavers", "Left"), ("manager_changes", "Changed manager"),
            ("org_head_changes", "Changed org head"), ("team_changes", "Changed team"),
            ("became_managers", "Became managers"), ("stopped_managing", "Stopped managing"),
            ("span_band_changes", "Managers whose span band changed"), ("findings_opened", "Findings opened"),
            ("findings_resolved", "Findings resolved"),
        ]
        for (key, label) in rows {
            html.raw("<tr><td data-label=\"Change\">")
            html.text(label)
            html.raw("</td><td class=\"n\" data-label=\"People\">")
            html.number(changes[key])
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table></div></section>")
    }

    mutating func dataQuality() {
        if wholeOrgOnly("data-quality", "Data quality") { return }
        let quality = dashboard["data_quality"]
        section("data-quality", "Data quality")
        html.raw("<p>")
        html.number(quality["rows_read"])
        html.raw(" rows read → ")
        html.number(quality["in_org"])
        html.raw(" people in the org; ")
        html.number(quality["excluded"])
        html.raw(" excluded by policy; ")
        html.number(quality["quarantined"])
        html.raw(
            " quarantined (their rows, with what is wrong and how to fix it, are in quarantine.csv beside this report).</p>"
        )
        html.raw("<div class=\"scroll\"><table class=\"sortable stack\"><caption>Rows by outcome and rule</caption>")
        html.raw("<thead><tr><th>Input</th><th>Outcome</th><th>Rule</th><th class=\"n\">Rows</th></tr></thead><tbody>")
        for outcome in quality["outcomes"].array where (outcome["rows"].int ?? 0) > 0 {
            html.raw("<tr><td data-label=\"Input\">")
            html.text(outcome["input"].string ?? "")
            html.raw("</td><td data-label=\"Outcome\">")
            html.text(outcome["outcome"].string ?? "")
            html.raw("</td><td data-label=\"Rule\">")
            html.text(outcome["rule"].string ?? "")
            html.raw("</td><td class=\"n\" data-label=\"Rows\">")
            html.number(outcome["rows"])
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table></div></section>")
    }
}
