/// `#actions`: what to do next, ranked, from the findings: each item names whom, the figure, the limit and the
/// action in plain words.
extension ReportPage {
    /// The kinds of action in the order a reader should take them.
    struct ActionKind {
        let rules: [String]
        let title: String
        /// The action, said once above a long list.
        let advice: String
        /// Every item is listed (the check holds the page to every manager due for a split); other kinds are cut.
        let listAll: Bool
    }

    static let actionKinds: [ActionKind] = [
        ActionKind(
            rules: ["span.split"], title: "Split teams that have outgrown one manager",
            advice:
                "Split each into two teams, each under its own manager (a new manager, or a senior engineer stepping up).",
            listAll: true),
        ActionKind(
            rules: ["span.planned_split"], title: "Plan the split before the planned hires arrive",
            advice:
                "These managers' planned hires take their span to where a split is due: split the team, or move positions to another manager, before hiring.",
            listAll: false),
        ActionKind(
            rules: [
                "org_head.too_many_em_reports", "org_head.too_few_em_reports", "org_head.too_small", "org_head.mixed",
            ], title: "Reshape org heads' orgs",
            advice: "Add a layer of senior managers where too many report, merge or grow orgs that are too small.",
            listAll: false),
        ActionKind(
            rules: ["team.split_reporting", "team.cross_org"], title: "Align teams with reporting lines",
            advice: "Move each team's members under one manager, or redraw the team around a manager.", listAll: false),
        ActionKind(
            rules: ["service.orphan", "service.shared"], title: "Give each service one owner",
            advice: "Hand unowned services to a team with people; pick one owner for shared ones.", listAll: false),
        ActionKind(
            rules: [
                "manager.dangling", "manager.ambiguous", "manager.self", "manager.inactive", "manager.dotted_dangling",
                "manager.dotted_self",
            ],
            title: "Fix manager links in the HRIS",
            advice: "Correct each person's manager in the HRIS; the next night's export picks it up.", listAll: false),
        ActionKind(
            rules: ["position.unknown_manager", "position.overdue"], title: "Fix the hiring plan",
            advice:
                "Give each position a hiring manager who is in the org, and re-date or close positions still open past their planned start.",
            listAll: false),
        ActionKind(
            rules: ["matrix.many"], title: "Cut back dotted lines",
            advice: "Keep each person to the dotted-line managers the limit allows; with more, no one is accountable.",
            listAll: false),
        ActionKind(
            rules: ["span.narrow"], title: "Merge narrow teams, or lead them as a tech lead",
            advice: "Merge each with a neighbouring team, or let a tech lead run it and move the manager's reports up.",
            listAll: false),
    ]

    mutating func actions() {
        section("actions", "What to do next")
        let findings = visibleFindings
        var any = false
        var rank = 0
        for kind in Self.actionKinds {
            // Largest figure first; ties keep the published order.
            let items = findings.filter { kind.rules.contains($0.value["rule"].string ?? "") }
                .enumerated().sorted { lhs, rhs in
                    let (left, right) = (lhs.element.value["value"].double ?? 0, rhs.element.value["value"].double ?? 0)
                    return left != right ? left > right : lhs.offset < rhs.offset
                }.map(\.element)
            guard !items.isEmpty else { continue }
            any = true
            rank += 1
            html.raw("<h3>\(rank). ")
            html.text(kind.title)
            html.raw(" <span class=\"muted\">(")
            html.count(items.count, field: countField(kind.rules))
            html.raw(")</span></h3>")
            let shown = kind.listAll ? items : Array(items.prefix(Self.maxRows))
            // A long list says the action once and lists whom, with the figure.
            let compact = items.count > Self.fullSentences
            if compact {
                html.raw("<p>")
                html.text(kind.advice)
                html.raw("</p><ol class=\"actions compact\">")
            } else {
                html.raw("<ol class=\"actions\">")
            }
            for (position, item) in shown.enumerated() {
                // The worst first; the rest one click away, so a phone does not scroll through hundreds.
                if position == Self.openItems && shown.count > Self.openItems + 4 {
                    html.raw("</ol><details><summary>All \(ReportFormat.grouped(shown.count))</summary>")
                    html.raw("<ol class=\"actions compact\" start=\"\(position + 1)\">")
                }
                compact ? briefAction(item.value) : action(item.value)
            }
            html.raw(shown.count > Self.openItems + 4 ? "</ol></details>" : "</ol>")
            more(items.count - shown.count, "of these (every one is in the findings below and in dashboard.json)")
        }
        if !any { html.raw("<p>Nothing to act on: no finding calls for a change.</p>") }
        findingsTable()
        html.raw("</section>")
    }

    /// Kinds with more items than this list them briefly, under the action said once.
    static let fullSentences = 8
    /// Items shown before the rest of a kind is folded away.
    static let openItems = 24

    /// Opens one action's list item, marked with its rule and subject (what the page checks hold on to); returns them.
    private mutating func openAction(_ finding: DashboardValue) -> (rule: String, subject: String) {
        let rule = finding["rule"].string ?? ""
        let subject = finding["subject"].string ?? ""
        html.raw("<li class=\"action\" data-rule=\"\(HTMLWriter.escaped(rule))\" data-subject=\"")
        html.text(subject)
        html.raw("\">")
        return (rule, subject)
    }

    private mutating func briefAction(_ finding: DashboardValue) {
        let (rule, subject) = openAction(finding)
        html.raw("<strong>")
        person(subject)
        html.raw("</strong>: ")
        switch rule {
        case "span.split", "span.narrow":
            html.number(finding["value"])
            html.raw(" direct reports")
            if let band = spanBand(of: subject) {
                html.raw(rule == "span.split" ? " (split at " : " (narrow up to ")
                html.number(band[rule == "span.split" ? "split_at" : "narrow_max"])
                html.raw(")")
            }
        case "team.split_reporting":
            html.number(finding["value"])
            html.raw(" managers")
        case "service.shared":
            html.number(finding["value"])
            html.raw(" owning teams")
        default:
            html.text(finding["message"].string ?? "")
        }
        html.raw("</li>")
    }

    /// `count(findings[rule=span.split])` for one rule; kinds of several rules are summed by the reader's eye.
    private func countField(_ rules: [String]) -> String {
        rules.count == 1
            ? "count(findings[rule=\(rules[0])])" : "count(findings[rule in \(rules.joined(separator: ","))])"
    }

    private mutating func action(_ finding: DashboardValue) {
        let (rule, subject) = openAction(finding)
        let thresholds = dashboard["thresholds"]
        switch rule {
        case "span.split", "span.narrow":
            let band = spanBand(of: subject)
            let split = rule == "span.split"
            html.raw(split ? "<strong>Split the team of " : "<strong>Merge or re-lead the team of ")
            person(subject)
            html.raw("</strong>: ")
            html.number(finding["value"])
            html.raw(" direct reports, ")
            html.raw(split ? "at or over the split point of " : "at or under the narrow limit of ")
            if let band { html.number(band[split ? "split_at" : "narrow_max"]) } else { html.raw("the limit") }
            html.raw(". ")
            html.raw(
                split
                    ? "Split it into two teams, each under its own manager (a new manager, or a senior engineer stepping up)."
                    : "Merge it with a neighbouring team, or let a tech lead run it and move the manager's reports up.")
        case let rule where rule.hasPrefix("org_head."):
            html.raw("<strong>Reshape the org of ")
            person(subject)
            html.raw("</strong>: ")
            html.text(finding["message"].string ?? "")
            html.raw(". A healthy org head runs ")
            html.number(thresholds["org_heads"]["min_em_reports"])
            html.raw("–")
            html.number(thresholds["org_heads"]["max_em_reports"])
            html.raw(" managers and at least ")
            html.number(thresholds["org_heads"]["min_engineers"])
            html.raw(
                rule == "org_head.too_many_em_reports"
                    ? " people: add a layer of senior managers, or move teams to another org head."
                    : rule == "org_head.mixed"
                        ? " people: give the individual contributors reporting directly a manager of their own."
                        : " people: merge it into a neighbouring org, or grow it.")
        case "team.split_reporting", "team.cross_org":
            html.raw("<strong>Align team ")
            html.text(subject)
            html.raw("</strong> with reporting lines: ")
            if rule == "team.split_reporting" {
                html.raw("its members report to ")
                html.number(finding["value"])
                html.raw(" different managers. Move them under one manager, or redraw the team around a manager.")
            } else {
                html.raw(
                    "its members sit under more than one org head. Settle it under one, or split it along the org line."
                )
            }
        case "service.orphan":
            html.raw("<strong>Give service ")
            html.text(subject)
            html.raw(" an owner</strong>: the teams that own it have no members. Hand it to a team with people.")
        case "service.shared":
            html.raw("<strong>Give service ")
            html.text(subject)
            html.raw(" one owning team</strong>: ")
            html.number(finding["value"])
            html.raw(" teams own it now (shared-everything coupling). Pick one owner; the others become users.")
        case "span.planned_split":
            html.raw("<strong>Plan the split of the team of ")
            person(subject)
            html.raw(" before hiring</strong>: ")
            html.text(finding["message"].string ?? "")
            html.raw(": split the team, or move positions to another manager.")
        case "position.unknown_manager", "position.overdue":
            html.raw("<strong>Fix position ")
            html.text(subject)
            html.raw(" in the hiring plan</strong>: ")
            html.text(finding["message"].string ?? "")
            html.raw(".")
        case "matrix.many":
            html.raw("<strong>Cut back the dotted lines of ")
            person(subject)
            html.raw("</strong>: ")
            html.text(finding["message"].string ?? "")
            html.raw(". With that many second managers no one is accountable: keep the one or two that matter.")
        default:
            html.raw("<strong>Fix in the HRIS</strong>: ")
            html.text(finding["message"].string ?? "")
            html.raw(".")
        }
        html.raw("</li>")
    }

    /// The span bands for the manager's role (from the managers table), or nil when the manager is not in it.
    private func spanBand(of id: String) -> DashboardValue? {
        let role = managerIndex[id].map { digest.managers[$0].role } ?? "manager_of_ics"
        return dashboard["thresholds"]["span_bands"].array.first { $0["role"].string == role }
    }

    /// Findings by rule: how many, and the subjects with the largest values.
    mutating func findingsTable() {
        guard !digest.rules.isEmpty else { return }
        html.raw("<h3>Every finding, by rule</h3>")
        html.raw("<div class=\"scroll\"><table class=\"sortable stack\"><caption>Findings by rule</caption><thead><tr>")
        html.raw("<th>Rule</th><th>Severity</th><th class=\"n\">Count</th><th>Worst subjects</th></tr></thead><tbody>")
        for rule in digest.rules {
            html.raw("<tr><td data-label=\"Rule\">")
            html.text(rule.rule)
            html.raw("</td><td data-label=\"Severity\">")
            html.text(rule.severity)
            html.raw("</td><td class=\"n\" data-label=\"Count\">")
            html.count(rule.count, field: "count(findings[rule=\(rule.rule)])")
            html.raw("</td><td data-label=\"Worst\">")
            for (position, worst) in rule.worst.enumerated() {
                if position > 0 { html.raw(", ") }
                person(worst.subject)
                if let value = worst.value {
                    html.raw(" (")
                    html.number(DashboardValue(number: value, path: "findings.\(worst.index).value"))
                    html.raw(")")
                }
            }
            html.raw("</td></tr>")
        }
        html.raw("</tbody></table></div>")
    }
}
