#!/usr/bin/env python3
"""Writes Fixtures/exports/<system>/: one org of a few hundred people exported the way each HRIS writes it
(its header, encoding, delimiter, date and pay formats, status and worker-type words), a pipeline file of
at most six lines, and truth.json: the counts the org really has, computed here from the model, never
from OrgLens. Deterministic (seeded); rerun after changing it and review the diff.

The mess every export carries: a terminated manager (one report still points at them), terminated and
retired people, future hires, people on leave, contractors (some paid by the hour), a duplicated row,
unknown hire dates where the system writes them, several currencies, and shared names (a manager's name
held by someone who left, and by someone in another department)."""
import datetime as dt
import json
import os
import random
from decimal import Decimal, ROUND_HALF_UP

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Fixtures", "exports")
AS_OF = dt.date(2026, 11, 1)
RATES = {"USD": Decimal("1"), "EUR": Decimal("1.08"), "GBP": Decimal("1.27")}
MULTIPLIER = Decimal("1.3")
FIRST = ["Ada", "Grace", "Alan", "Jürgen", "Chloé", "Ken", "Barbara", "Linus", "Margaret", "Dennis", "Frances",
         "Edsger", "Radia", "Tim", "Hedy", "John", "Sophie", "Björn", "Zoë", "Rosalind", "Katherine", "Guido"]
LAST = ["Lovelace", "Hopper", "Turing", "Müller", "Dubois", "Thompson", "Liskov", "Torvalds", "Hamilton",
        "Ritchie", "Allen", "Dijkstra", "Perlman", "Berners", "Lamarr", "Backus", "Wilson", "Søren", "Okafor",
        "Franklin", "Johnson", "Rossum", "Nakamura", "Kowalski", "García", "Østergaard", "O'Neil"]
DEPARTMENTS = ["Platform", "Product Engineering", "Data", "Infrastructure"]


class Person:
    def __init__(self, index, first, last, manager, department):
        self.index, self.first, self.last, self.manager, self.department = index, first, last, manager, department
        self.status = "active"            # active | leave | inactive | pending
        self.contractor = False
        self.hourly = False
        self.hire = None                  # None: unknown
        self.salary = None                # Decimal per year, or per hour when hourly
        self.currency = "USD"
        self.title = "Software Engineer"
        self.location = "Remote"
        self.dotted = []                  # dotted-line managers (indices), in a matrix org

    @property
    def name(self):
        return f"{self.first} {self.last}"


def build_org(seed):
    rng = random.Random(seed)
    people = []
    used_names = set()

    def add(manager, department, title):
        while True:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            if (first, last) not in used_names:
                used_names.add((first, last))
                break
        person = Person(len(people), first, last, manager, department)
        person.title = title
        person.hire = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(0, 5000))
        person.salary = Decimal(rng.randrange(70, 260) * 1000) + Decimal(rng.choice([0, 0, 500, 250])) + Decimal(rng.choice(["0", "0.50", "0.25"]))
        person.currency = rng.choice(["USD", "USD", "USD", "EUR", "GBP"])
        person.location = rng.choice(["Berlin", "London", "New York", "Remote", "Zürich"])
        people.append(person)
        return person

    ceo = add(None, "Executive", "Chief Technology Officer")
    for d in range(4):
        director = add(ceo.index, DEPARTMENTS[d], "Director of Engineering")
        for _ in range(rng.randrange(4, 7)):
            em = add(director.index, director.department, "Engineering Manager")
            for _ in range(rng.randrange(5, 11)):
                add(em.index, director.department, "Software Engineer")
        add(director.index, director.department, "Staff Engineer")
    ics = [p for p in people if p.title == "Software Engineer"]
    managers = [p for p in people if p.title == "Engineering Manager"]

    for person in rng.sample(ics, 12):
        person.contractor = True
        person.title = "Contract Engineer"
    for person in rng.sample([p for p in ics if p.contractor], 4):
        person.hourly = True
        person.salary = Decimal(rng.randrange(50, 120)) + Decimal("0.50")
        person.currency = "USD"
    for person in rng.sample([p for p in ics if not p.contractor], 4):
        person.status = "leave"
    # People who left, and people who have not started yet.
    for person in rng.sample([p for p in ics if p.status == "active" and not p.contractor], 8):
        person.status = "inactive"
    for _ in range(5):
        newcomer = add(rng.choice(managers).index, "Product Engineering", "Software Engineer")
        newcomer.status = "pending"
        newcomer.hire = AS_OF + dt.timedelta(days=rng.randrange(5, 90))
    # A manager who left: their team moved to another manager, but one row was not updated.
    gone = managers[-1]
    gone.status = "inactive"
    gone_reports = [p for p in people if p.manager == gone.index]
    for person in gone_reports[1:]:
        person.manager = managers[0].index
    # Shared names: someone who left, and someone in another department, carry a manager's name.
    twin = add(ceo.index, "Sales", "Account Executive")
    twin.first, twin.last, twin.status = managers[1].first, managers[1].last, "inactive"
    elsewhere = next(m for m in managers if m.department != managers[3].department)
    other = add(elsewhere.index, elsewhere.department, "Software Engineer")
    other.first, other.last = managers[3].first, managers[3].last
    for person in rng.sample(ics, 5):
        if person.status == "active" and not person.contractor:
            person.hire = None  # the HRIS does not know
    for person in rng.sample(ics, 3):
        person.salary = None
    return people


def add_matrix(people, seed):
    """Dotted-line managers, drawn with their own generator so the org itself stays as it was: one person in ten
    gets a second manager in another department (a director or an EM); one gets three (more than the default
    limit of two), one a dotted line to their own manager, one to the manager who left."""
    rng = random.Random(seed * 7 + 3)
    leads = [p for p in people if p.title in ("Director of Engineering", "Engineering Manager") and p.status == "active"]
    # Managers whose names others share are left out: a dotted line by name to them would be ambiguous by design.
    shared = {(p.first, p.last) for p in people if sum((q.first, q.last) == (p.first, p.last) for q in people) > 1}
    leads = [p for p in leads if (p.first, p.last) not in shared]
    members = [p for p in people if p.manager is not None and p.status in ("active", "leave") and (p.first, p.last) not in shared]
    for person in rng.sample(members, len(members) // 10):
        elsewhere = [q for q in leads if q.department != person.department and q.index != person.manager]
        person.dotted = [rng.choice(elsewhere).index]
    many = next(p for p in members if not p.dotted)
    many.dotted = [q.index for q in rng.sample([q for q in leads if q.index != many.manager and q is not many], 3)]
    own = next(p for p in members if not p.dotted and p.manager is not None)
    own.dotted = [own.manager]
    gone = next(p for p in people if p.title == "Engineering Manager" and p.status == "inactive")
    lost = next(p for p in members if not p.dotted and p.manager != gone.index)
    lost.dotted = [gone.index]


def matrix_truth(people, ident, per_person):
    """Per manager (by the export's own id): people with a dotted line to them, and span with dotted."""
    in_org = {p.index for p in people if p.status in ("active", "leave") and (p.hire is None or p.hire <= AS_OF)}
    reports, dotted, with_lines = {}, {}, 0
    for p in people:
        if p.index in in_org and p.manager in in_org:
            reports[p.manager] = reports.get(p.manager, 0) + 1
    for p in people:
        if p.index not in in_org:
            continue
        valid = sorted({d for d in p.dotted[:per_person] if d in in_org and d != p.index and d != p.manager})
        with_lines += 1 if valid else 0
        for d in valid:
            dotted[d] = dotted.get(d, 0) + 1
    managers = sorted(m for m in reports if dotted.get(m))
    return {
        "dotted_lines": with_lines,
        "dotted_reports": {ident(people[m]): dotted[m] for m in managers},
        "span_with_dotted": {ident(people[m]): reports[m] + dotted[m] for m in managers},
    }


def truth(people):
    in_org = [p for p in people if p.status in ("active", "leave") and (p.hire is None or p.hire <= AS_OF)]
    ids = {p.index for p in in_org}
    reports = {}
    for p in in_org:
        if p.manager in ids:
            reports[p.manager] = reports.get(p.manager, 0) + 1
    cost = Decimal(0)
    salaried = 0
    for p in in_org:
        if p.salary is None:
            continue
        annual = p.salary * (2080 if p.hourly else 1)
        cost += (annual * RATES[p.currency] * MULTIPLIER).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        salaried += 1
    roots = [p for p in in_org if p.manager is None]
    # What the root's subtree costs: people whose chain of managers reaches it through the org.
    def reaches_root(p):
        while p.manager is not None:
            if p.manager not in ids:
                return False
            p = by_index[p.manager]
        return True
    by_index = {p.index: p for p in people}
    root_cost = Decimal(0)
    for p in in_org:
        if p.salary is not None and reaches_root(p):
            annual = p.salary * (2080 if p.hourly else 1)
            root_cost += (annual * RATES[p.currency] * MULTIPLIER).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    orphans = [p for p in in_org if p.manager is not None and p.manager not in ids]
    return {
        "as_of": AS_OF.isoformat(), "people": len(in_org), "managers": len(reports),
        "contractors": sum(p.contractor for p in in_org), "roots": len(roots), "orphans": len(orphans),
        "salaried": salaried, "cost": str(cost), "root_cost": str(root_cost) if salaried else None,
        # What the dashboard publishes: rounded to privacy.cost_precision (default 1000), half away from zero.
        "root_cost_published": str(root_cost.quantize(Decimal("1E3"), rounding=ROUND_HALF_UP).quantize(Decimal(1))) if salaried else None,
        "currency": "USD",
        "rates": {k: str(v) for k, v in RATES.items()}, "all_in_multiplier": str(MULTIPLIER),
    }


def us_date(d):
    return f"{d.month}/{d.day}/{d.year}"


def money_us(amount, currency):
    symbol = {"USD": "$", "EUR": "€", "GBP": "£"}[currency]
    return f"{symbol}{amount:,.2f}"


def money_de(amount):
    text = f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"{text} €"


def write(system, name, text, encoding="utf-8", newline="\n", bom=False):
    folder = os.path.join(OUT, system)
    os.makedirs(folder, exist_ok=True)
    data = text.replace("\n", newline).encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    open(os.path.join(folder, name), "wb").write(data)


def csv_field(value, delimiter):
    value = "" if value is None else str(value)
    if any(c in value for c in (delimiter, '"', "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_text(header, rows, delimiter):
    return "\n".join(delimiter.join(csv_field(v, delimiter) for v in row) for row in [header] + rows) + "\n"


def pipeline(system, people_file, preset, rates=True):
    sources = f"people: {{path: {people_file}, preset: {preset}}}"
    if system in POSITIONS:
        file, positions_preset = POSITIONS[system]
        sources += f", positions: {{path: {file}, preset: {positions_preset}}}"
    lines = [f"name: {system}", f"as_of: {AS_OF.isoformat()}", f"sources: {{{sources}}}"]
    if rates:
        lines.append("costs: {rates: {EUR: 1.08, GBP: 1.27}}")
    if system in POSITIONS:
        # Planned cost is checked against the model to the cent.
        lines.append("privacy: {cost_precision: 0.01}")
    lines.append("outputs: {directory: out}")
    write(system, "pipeline.yml", "\n".join(lines) + "\n")


def bamboohr_csv(people, dup):
    ids = {p.index: str(1000 + p.index) for p in people}
    header = ["EEID", "Employee #", "Last Name, First Name", "Status", "Hire Date", "Job Title", "Department", "Division",
              "Location", "Employment Status", "Reporting to", "Supervisor EID", "Work Email", "Pay rate"]
    rows = []
    for p in people:
        boss = people[p.manager] if p.manager is not None else None
        hire = "0000-00-00" if p.hire is None else us_date(p.hire)
        pay = "" if p.salary is None else (f"${p.salary:,.2f}/hr" if p.hourly else (
            money_us(p.salary, p.currency) if p.currency == "USD" else f"{p.salary:.2f} {p.currency}"))
        employment = "Contractor" if p.contractor else "Full-Time"
        status = "Inactive" if p.status == "inactive" else "Active"
        rows.append([ids[p.index], f"E-{p.index:04d}", f"{p.last}, {p.first}", status, hire, p.title, p.department,
                     "Engineering", p.location, employment, f"{boss.last}, {boss.first}" if boss else "",
                     ids[boss.index] if boss else "", f"{p.first[0].lower()}{p.index}@example.com", pay])
    rows.insert(40, list(rows[dup.index]))
    # Re-saved by Excel (Windows, US): byte-order mark, semicolons where the list separator is one, CRLF.
    write("bamboohr", "people.csv", csv_text(header, rows, ";"), newline="\r\n", bom=True)
    pipeline("bamboohr", "people.csv", "bamboohr-csv")


def xml_escape(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def bamboohr_xml(people, dup):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<report>", "  <title>Org export</title>", "  <fields>"]
    labels = [("firstName", "First Name"), ("lastName", "Last Name"), ("displayName", "Display Name"), ("status", "Status"),
              ("hireDate", "Hire Date"), ("jobTitle", "Job Title"), ("department", "Department"),
              ("employmentHistoryStatus", "Employment Status"), ("supervisorEId", "Supervisor EID"),
              ("payRate", "Pay rate"), ("payPer", "Pay per")]
    out += [f'    <field id="{i}" type="text">{xml_escape(label)}</field>' for i, label in labels]
    out += ["  </fields>", "  <employees>"]
    order = list(people[:30]) + [dup] + list(people[30:])
    for p in order:
        boss = people[p.manager] if p.manager is not None else None
        values = {
            "firstName": p.first, "lastName": p.last, "displayName": p.name,
            "status": "Inactive" if p.status == "inactive" else "Active",
            "hireDate": "0000-00-00" if p.hire is None else p.hire.isoformat(), "jobTitle": p.title,
            "department": p.department, "employmentHistoryStatus": "Contractor" if p.contractor else "Full-Time",
            "supervisorEId": str(400 + boss.index) if boss else "",
            "payRate": "" if p.salary is None else f"{p.salary:.2f} {p.currency}",
            "payPer": "Hour" if p.hourly else "Year",
        }
        out.append(f'    <employee id="{400 + p.index}">')
        out += [f'      <field id="{k}">{xml_escape(v)}</field>' for k, v in values.items()]
        out.append("    </employee>")
    out += ["  </employees>", "</report>"]
    write("bamboohr-xml", "people.xml", "\n".join(out) + "\n")
    pipeline("bamboohr-xml", "people.xml", "bamboohr-directory")


def workday(people, dup):
    def worker_id(p):
        return ("Contingent_Worker_ID", f"C{7000 + p.index}") if p.contractor else ("Employee_ID", f"{21000 + p.index}")

    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<wd:Report_Data xmlns:wd="urn:com.workday.report/Org_Audit_Workers">']
    for p in list(people[:50]) + [dup] + list(people[50:]):
        kind, wid = worker_id(p)
        out.append("  <wd:Report_Entry>")
        out.append(f'    <wd:Worker wd:Descriptor="{xml_escape(p.name)}"><wd:ID wd:type="WID">{p.index:032x}</wd:ID>'
                   f'<wd:ID wd:type="{kind}">{wid}</wd:ID></wd:Worker>')
        if p.manager is not None:
            boss = people[p.manager]
            bkind, bid = worker_id(boss)
            out.append(f'    <wd:Manager wd:Descriptor="{xml_escape(boss.name)}"><wd:ID wd:type="WID">{boss.index:032x}</wd:ID>'
                       f'<wd:ID wd:type="{bkind}">{bid}</wd:ID></wd:Manager>')
        for other in p.dotted[:1]:
            # Workday's matrix manager (a second supervisory relation), one per worker in this report.
            mkind, mid = worker_id(people[other])
            out.append(f'    <wd:Matrix_Manager wd:Descriptor="{xml_escape(people[other].name)}">'
                       f'<wd:ID wd:type="{mkind}">{mid}</wd:ID></wd:Matrix_Manager>')
        status = {"active": "Active", "leave": "On Leave", "inactive": "Terminated", "pending": "Active"}[p.status]
        out.append(f"    <wd:Worker_Status>{status}</wd:Worker_Status>")
        if p.hire is not None:
            out.append(f"    <wd:Hire_Date>{p.hire.isoformat()}-08:00</wd:Hire_Date>")
        out.append(f'    <wd:Worker_Type wd:Descriptor="{"Contingent Worker" if p.contractor else "Employee"}"/>')
        out.append(f'    <wd:Cost_Center wd:Descriptor="{xml_escape(p.department)}"/>')
        if p.salary is not None and not p.hourly:
            out.append(f"    <wd:Annual_Base_Pay>{p.salary:.2f}</wd:Annual_Base_Pay>")
            out.append(f'    <wd:Currency wd:Descriptor="{p.currency}"><wd:ID wd:type="Currency_ID">{p.currency}</wd:ID></wd:Currency>')
        out.append("  </wd:Report_Entry>")
    out.append("</wd:Report_Data>")
    write("workday", "people.xml", "\n".join(out) + "\n")
    pipeline("workday", "people.xml", "workday-report")


def hibob(people, dup):
    header = ["Employee ID", "Display name", "First name", "Last name", "Email", "Reports to", "Department", "Site",
              "Start date", "Lifecycle status", "Employment type", "Job title", "Base salary", "Base salary currency",
              "Base salary pay period", "Dotted line manager"]
    rows = []
    for p in people:
        boss = people[p.manager] if p.manager is not None else None
        lifecycle = {"active": "Employed", "leave": "Garden leave", "inactive": "Terminated", "pending": "Hired"}[p.status]
        employment = "Contractor" if p.contractor else "Permanent"
        pay = "" if p.salary is None else f"{p.salary:,.2f}"
        rows.append([f"{3_000_000 + p.index * 7}", p.name, p.first, p.last, f"{p.first[0].lower()}.{p.index}@example.com",
                     boss.name if boss else "", p.department, p.location,
                     "" if p.hire is None else p.hire.strftime("%d/%m/%Y"), lifecycle, employment, p.title, pay,
                     p.currency if p.salary is not None else "", "Hourly" if p.hourly else "Annual",
                     "; ".join(people[d].name for d in p.dotted)])
    rows.insert(17, list(rows[dup.index]))
    write("hibob", "people.csv", csv_text(header, rows, ","))
    pipeline("hibob", "people.csv", "hibob")


def personio(people, dup):
    header = ["ID", "First name", "Last name", "Email", "Status", "Hire date", "Supervisor", "Department", "Office",
              "Employment type", "Position", "Fix salary"]
    rows = []
    for p in people:
        boss = people[p.manager] if p.manager is not None else None
        status = {"active": "Active", "leave": "Leave", "inactive": "Inactive", "pending": "Onboarding"}[p.status]
        # Personio keeps pay in one currency per company: this one pays in euros.
        pay = "" if p.salary is None else (money_de(p.salary) + (" / Stunde" if p.hourly else ""))
        rows.append([str(p.index + 1), p.first, p.last, f"{p.first[0].lower()}.{p.last.lower()}{p.index}@example.de", status,
                     "" if p.hire is None else p.hire.strftime("%d.%m.%Y"), boss.name if boss else "", p.department,
                     p.location, "external" if p.contractor else "internal", p.title, pay])
    rows.insert(60, list(rows[dup.index]))
    # German Excel: semicolons, CRLF, windows-1252.
    write("personio", "people.csv", csv_text(header, rows, ";"), encoding="cp1252", newline="\r\n")
    pipeline("personio", "people.csv", "personio", rates=True)


def successfactors(people, rng):
    header = ["userId", "managerId", "emplStatus", "startDate", "department", "location", "employeeClass", "jobTitle",
              "matrixManager"]
    rows = []
    for p in people:
        uid = f"sf{5000 + p.index}"
        boss = f"sf{5000 + p.manager}" if p.manager is not None else "NO_MANAGER"
        klass = "Contingent Worker" if p.contractor else "Employee"
        matrix = ",".join(f"sf{5000 + d}" for d in p.dotted)
        start = p.hire or dt.date(2015, 6, 1)
        status_now = {"active": "A", "leave": "U", "inactive": "T", "pending": "A"}[p.status]
        history = []
        if p.status != "pending" and p.manager is not None and rng.random() < 0.35:
            # An earlier job record under another manager, then a transfer to today's manager.
            other = f"sf{5000 + rng.choice([q.index for q in people if q.title == 'Engineering Manager'])}"
            history.append([uid, other, "A", start, p.department, p.location, klass, p.title, ""])
            start = start + dt.timedelta(days=400)
            if start > AS_OF:
                start = AS_OF - dt.timedelta(days=1)
        if p.status in ("inactive", "leave"):
            history.append([uid, boss, "A", start, p.department, p.location, klass, p.title, matrix])
            start = max(start, AS_OF - dt.timedelta(days=rng.randrange(10, 300)))
        history.append([uid, boss, status_now, start, p.department, p.location, klass, p.title, matrix])
        if p.status == "active" and rng.random() < 0.05:
            # A transfer scheduled after as_of: not in force yet.
            history.append([uid, "sf5000", "A", AS_OF + dt.timedelta(days=30), p.department, p.location, klass, p.title,
                            matrix])
        rows += history
    for row in rows:
        row[3] = row[3].strftime("%m/%d/%Y")
    rows.insert(25, list(rows[24]))
    write("successfactors", "people.csv", csv_text(header, rows, ","))
    pipeline("successfactors", "people.csv", "sap-successfactors", rates=False)


def adp(people, dup):
    header = ["Associate ID", "Legal Last Name", "Legal First Name", "Position Status", "Hire Date",
              "Worker Category Description", "Home Department Description", "Location Description",
              "Job Title Description", "Reports To Associate ID", "Reports To Name", "Annual Salary"]
    ids = {p.index: f"G3{(p.index * 7919) % 1000000:06d}" for p in people}
    rows = []
    for p in people:
        boss = people[p.manager] if p.manager is not None else None
        status = {"active": "Active", "leave": "Leave", "inactive": "Terminated", "pending": "Active"}[p.status]
        category = "1099 Contractor" if p.contractor else "Full Time"
        pay = "" if p.salary is None or p.hourly else money_us(p.salary, "USD")
        rows.append([ids[p.index], p.last, p.first, status, "" if p.hire is None else p.hire.strftime("%m/%d/%Y"),
                     category, p.department, p.location, p.title, ids[boss.index] if boss else "",
                     f"{boss.last}, {boss.first}" if boss else "", pay])
    rows.insert(33, list(rows[dup.index]))
    write("adp", "people.csv", csv_text(header, rows, ","), newline="\r\n")
    pipeline("adp", "people.csv", "adp", rates=False)


# The systems whose orgs come with a positions export: its file and preset (a plain CSV, two recruiting systems'
# openings reports, and Workday's positions as XML).
POSITIONS = {
    "adp": ("positions.csv", "positions-csv"),
    "bamboohr": ("openings.csv", "greenhouse-jobs"),
    "hibob": ("openings.csv", "ashby-jobs"),
    "workday": ("positions.xml", "workday-positions"),
}
HORIZON = AS_OF + dt.timedelta(days=90)


class Position:
    def __init__(self, ident, manager, status, start, budget, currency, role):
        self.id, self.manager, self.status, self.start = ident, manager, status, start
        self.budget, self.currency, self.role = budget, currency, role

    @property
    def planned(self):
        return self.status in ("open", "offer") and (self.start is None or self.start <= HORIZON)


def in_org_indices(people):
    return {p.index for p in people if p.status in ("active", "leave") and (p.hire is None or p.hire <= AS_OF)}


def add_positions(people, seed, currencies):
    """Thirty-odd positions under the org's managers (each with a name and email no one else has, so a recruiting
    export naming them is not ambiguous by design): open, at offer, filled and closed; starts passed (overdue),
    within the 90-day horizon, past it, or not given; budgets in the org's currencies or none; one position under
    the manager who left. Drawn with their own generator: the org stays as it was."""
    rng = random.Random(seed * 13 + 5)
    in_org = in_org_indices(people)
    shared = {(p.first, p.last) for p in people if sum((q.first, q.last) == (p.first, p.last) for q in people) > 1}
    leads = [p for p in people if p.index in in_org and (p.first, p.last) not in shared
             and p.title in ("Engineering Manager", "Director of Engineering")]
    positions = []
    for number in range(36):
        manager = rng.choice(leads)
        status = rng.choice(["open"] * 6 + ["offer"] * 2 + ["filled", "closed"])
        start = rng.choice([None, AS_OF - dt.timedelta(days=rng.randrange(5, 60)),
                            AS_OF + dt.timedelta(days=rng.randrange(1, 90)),
                            AS_OF + dt.timedelta(days=rng.randrange(1, 90)),
                            AS_OF + dt.timedelta(days=rng.randrange(91, 240))])
        budget = None if rng.random() < 0.15 else Decimal(rng.randrange(80, 200) * 1000)
        positions.append(Position(f"{4100 + number}", manager.index, status, start, budget, rng.choice(currencies),
                                  "manager" if rng.random() < 0.12 else "ic"))
    gone = next(p for p in people if p.title == "Engineering Manager" and p.status == "inactive")
    positions.append(Position("4199", gone.index, "open", None, Decimal(150000), currencies[0], "ic"))
    return positions


def positions_truth(people, positions, ident):
    """Per manager with planned positions, planned span; per org head (layer 2), planned headcount and the planned
    positions' budgets as all-in cost to the cent; the summary's counts. By the export's own ids."""
    in_org = in_org_indices(people)
    reports = {}
    for p in people:
        if p.index in in_org and p.manager in in_org:
            reports[p.manager] = reports.get(p.manager, 0) + 1
    # Layers along links inside the org; people under someone outside it are on no layer.
    layer = {}
    def layer_of(index):
        if index not in layer:
            person = people[index]
            if person.manager is None:
                layer[index] = 1
            elif person.manager not in in_org:
                layer[index] = 0
            else:
                above = layer_of(person.manager)
                layer[index] = 0 if above == 0 else above + 1
        return layer[index]
    def head_of(index):
        while layer_of(index) > 2:
            index = people[index].manager
        return index if layer_of(index) == 2 else None
    heads = sorted(m for m in reports if layer_of(m) == 2)
    below = {h: 0 for h in heads}
    for p in people:
        if p.index in in_org and p.index not in heads and layer_of(p.index) > 2:
            below[head_of(p.index)] += 1
    planned_by_manager, head_planned, head_budget = {}, {h: 0 for h in heads}, {h: Decimal(0) for h in heads}
    counts = {"positions": len(positions), "open_positions": 0, "offer_positions": 0, "filled_positions": 0,
              "closed_positions": 0, "planned_positions": 0, "planned_manager_positions": 0, "overdue_positions": 0,
              "positions_unknown_manager": 0}
    for position in positions:
        counts[f"{position.status}_positions"] += 1
        if position.status == "open" and position.start is not None and position.start < AS_OF:
            counts["overdue_positions"] += 1
        if position.planned:
            counts["planned_positions"] += 1
            counts["planned_manager_positions"] += position.role == "manager"
        if position.status not in ("open", "offer"):
            continue
        if position.manager not in in_org:
            counts["positions_unknown_manager"] += 1
            continue
        if not position.planned:
            continue
        planned_by_manager[position.manager] = planned_by_manager.get(position.manager, 0) + 1
        head = head_of(position.manager) if layer_of(position.manager) >= 2 else None
        if head is not None:
            head_planned[head] += 1
            if position.budget is not None:
                head_budget[head] += (position.budget * RATES[position.currency] * MULTIPLIER).quantize(
                    Decimal("0.01"), rounding=ROUND_HALF_UP)
    return {
        "positions_summary": counts,
        "positions_quarantined": 2,
        "planned_span": {ident(people[m]): reports.get(m, 0) + n for m, n in sorted(planned_by_manager.items())
                         if reports.get(m)},
        "planned_headcount": {ident(people[h]): below[h] + head_planned[h] for h in heads},
        "planned_budget_cost": {ident(people[h]): str(head_budget[h]) for h in heads},
    }


def position_rows(positions, write_row):
    """Every position as the export writes it, then a repeated row and one with a status no map knows: the two
    rows the quarantine must hold."""
    rows = [write_row(position) for position in positions]
    rows.insert(7, list(rows[3]))
    odd = write_row(positions[5])
    rows.append(odd)
    return rows


def positions_export(system, people, positions):
    if system == "adp":
        ids = {p.index: f"G3{(p.index * 7919) % 1000000:06d}" for p in people}
        header = ["position_id", "manager_id", "team_id", "status", "planned_start", "budget", "currency", "role"]
        def row(x):
            return [f"REQ-{x.id}", ids[x.manager], "", x.status, x.start.isoformat() if x.start else "",
                    "" if x.budget is None else f"{x.budget:.2f}", x.currency if x.budget is not None else "", x.role]
        rows = position_rows(positions, row)
        rows[-1] = ["REQ-4999"] + rows[-1][1:3] + ["pending approval"] + rows[-1][4:]
        write("adp", "positions.csv", csv_text(header, rows, ","))
    elif system == "bamboohr":
        header = ["Job ID", "Job Name", "Opening ID", "Opening Status", "Hiring Manager", "Target Start Date",
                  "Department", "Office", "Salary Budget", "Salary Budget Currency", "People Manager"]
        words = {"open": "Open", "offer": "Offer Extended", "filled": "Hired", "closed": "Closed"}
        def row(x):
            manager = people[x.manager]
            return [f"88{x.id}", "Software Engineer" if x.role == "ic" else "Engineering Manager", f"{x.id}-1",
                    words[x.status], manager.name, us_date(x.start) if x.start else "", manager.department, "Remote",
                    "" if x.budget is None else money_us(x.budget, x.currency) if x.currency == "USD"
                    else f"{x.budget:.2f}", x.currency if x.budget is not None else "",
                    "Yes" if x.role == "manager" else "No"]
        rows = position_rows(positions, row)
        rows[-1] = rows[-1][:2] + ["4999-1", "Pending Approval"] + rows[-1][4:]
        write("bamboohr", "openings.csv", csv_text(header, rows, ","), newline="\r\n")
    elif system == "hibob":
        header = ["Opening ID", "Job Title", "Opening State", "Hiring Manager", "Hiring Manager Email",
                  "Target Start Date", "Team", "Budget", "Currency", "Is People Manager"]
        words = {"open": "Open", "offer": "Offer", "filled": "Filled", "closed": "Closed"}
        def row(x):
            manager = people[x.manager]
            return [f"op-{x.id}", "Software Engineer" if x.role == "ic" else "Engineering Manager", words[x.status],
                    manager.name, f"{manager.first[0].lower()}.{manager.index}@example.com",
                    x.start.isoformat() if x.start else "", "", "" if x.budget is None else f"{x.budget:.2f}",
                    x.currency if x.budget is not None else "", "true" if x.role == "manager" else "false"]
        rows = position_rows(positions, row)
        rows[-1] = ["op-4999"] + rows[-1][1:2] + ["On Hold Pending Review"] + rows[-1][3:]
        write("hibob", "openings.csv", csv_text(header, rows, ","))
    elif system == "workday":
        words = {"open": "Open", "offer": "Offer Extended", "filled": "Filled", "closed": "Closed"}
        def worker_id(p):
            return ("Contingent_Worker_ID", f"C{7000 + p.index}") if p.contractor else ("Employee_ID", f"{21000 + p.index}")
        def entry(x, status=None):
            kind, wid = worker_id(people[x.manager])
            lines = ["  <wd:Report_Entry>",
                     f'    <wd:Position wd:Descriptor="P{x.id} Software Engineer"><wd:ID wd:type="Position_ID">P{x.id}</wd:ID></wd:Position>',
                     f'    <wd:Hiring_Manager wd:Descriptor="{xml_escape(people[x.manager].name)}"><wd:ID wd:type="{kind}">{wid}</wd:ID></wd:Hiring_Manager>',
                     f'    <wd:Position_Status wd:Descriptor="{status or words[x.status]}"/>']
            if x.start:
                lines.append(f"    <wd:Availability_Date>{x.start.isoformat()}-08:00</wd:Availability_Date>")
            if x.budget is not None:
                lines.append(f"    <wd:Budgeted_Annual_Pay>{x.budget:.2f}</wd:Budgeted_Annual_Pay>")
                lines.append(f'    <wd:Currency wd:Descriptor="{x.currency}"><wd:ID wd:type="Currency_ID">{x.currency}</wd:ID></wd:Currency>')
            lines.append(f"    <wd:Management_Position>{1 if x.role == 'manager' else 0}</wd:Management_Position>")
            lines.append("  </wd:Report_Entry>")
            return lines
        out = ['<?xml version="1.0" encoding="UTF-8"?>',
               '<wd:Report_Data xmlns:wd="urn:com.workday.report/Org_Audit_Positions">']
        for index, x in enumerate(positions):
            out += entry(x)
            if index == 6:
                out += entry(positions[3])
        odd = Position("4999", positions[5].manager, "open", None, None, "USD", "ic")
        out += entry(odd, status="Pending Approval")
        out.append("</wd:Report_Data>")
        write("workday", "positions.xml", "\n".join(out) + "\n")


# The systems whose exports carry dotted-line managers: the id each writes for a person, and how many dotted
# managers a person's record holds (Workday's report here carries one Matrix_Manager per worker).
IDENT = {
    "adp": lambda p: f"G3{(p.index * 7919) % 1000000:06d}",
    "bamboohr": lambda p: str(1000 + p.index),
    "hibob": lambda p: f"{3_000_000 + p.index * 7}",
    "workday": lambda p: f"C{7000 + p.index}" if p.contractor else f"{21000 + p.index}",
}
MATRIX = {
    "workday": (lambda p: f"C{7000 + p.index}" if p.contractor else f"{21000 + p.index}", 1),
    "successfactors": (lambda p: f"sf{5000 + p.index}", 3),
    "hibob": (lambda p: f"{3_000_000 + p.index * 7}", 3),
}


def main():
    for system, writer, seed in [
        ("bamboohr", bamboohr_csv, 11), ("bamboohr-xml", bamboohr_xml, 12), ("workday", workday, 13),
        ("hibob", hibob, 14), ("personio", personio, 15), ("successfactors", successfactors, 16), ("adp", adp, 17),
    ]:
        people = build_org(seed)
        if system in MATRIX:
            add_matrix(people, seed)
        rng = random.Random(seed * 101)
        if system == "personio":
            for p in people:
                p.currency = "EUR"
        if system in ("adp", "workday"):
            # Neither report carries an hourly rate in its annual pay field.
            for p in people:
                if system == "adp":
                    p.currency = "USD"
                if p.hourly:
                    p.salary = None
        if system == "successfactors":
            for p in people:
                p.salary = None
            writer(people, rng)
        else:
            writer(people, next(p for p in people if p.status == "active" and p.title == "Software Engineer" and not p.contractor))
        facts = truth(people)
        if system in MATRIX:
            facts.update(matrix_truth(people, *MATRIX[system]))
        if system in POSITIONS:
            positions = add_positions(people, seed, ["USD"] if system == "adp" else ["USD", "USD", "EUR"])
            positions_export(system, people, positions)
            facts.update(positions_truth(people, positions, IDENT[system]))
            # The pipeline publishes costs to the cent.
            if facts["root_cost"] is not None:
                facts["root_cost_published"] = facts["root_cost"]
        write(system, "truth.json", json.dumps(facts, indent=2, ensure_ascii=False) + "\n")
        print(f"{system}: {facts['people']} in the org, {facts['managers']} managers, {facts['contractors']} contractors")


if __name__ == "__main__":
    main()
