package import OrgLensModel
import OrgLensSystem

/// Writes a `SyntheticOrg` as a people export (CSV, or Workday-report XML) plus teams, services and
/// dependencies CSVs, streaming through a buffer so a million people never sit in memory as text.
package enum SyntheticOrgWriter {
    package enum Format: String, Sendable, CaseIterable { case csv, xml }

    private static let first = [
        "Ada", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Frances", "Radia", "Zoë", "José", "Łukasz",
        "Søren", "Priya", "Wei", "Amara",
    ]
    private static let last = [
        "Lovelace", "Hopper", "Torvalds", "Hamilton", "Thompson", "Liskov", "Ritchie", "Allen", "Perlman", "Müller",
        "O'Neil", "Nguyễn", "Sharma", "Okafor",
    ]
    private static let titles = [
        "Software Engineer", "Senior Software Engineer", "Staff Engineer, Platform", "SRE", "Data Scientist",
        "Engineer, \"Tools\"",
    ]
    private static let locations = ["Berlin", "London", "Austin, TX", "Remote", "São Paulo", "Bengaluru"]

    /// Writes the files into `directory` (created if missing) and returns their names.
    package static func write(_ org: SyntheticOrg, format: Format, to directory: String) throws(RunError) -> [String] {
        do { try POSIX.makeDirectory(directory) } catch { throw RunError(.cannotWriteOutput, error) }
        let parent = org.tree()
        let numbers = org.employeeNumbers()
        let width = max(7, String(org.people).count)
        func id(_ person: Int) -> String {
            let digits = String(numbers[person])
            return "E" + String(repeating: "0", count: width - digits.count) + digits
        }
        var isManager = [Bool](repeating: false, count: org.people)
        for manager in parent where manager >= 0 { isManager[Int(manager)] = true }
        func team(_ person: Int) -> String {
            let lead = isManager[person] ? person : Int(max(0, parent[person]))
            return "T" + id(lead).dropFirst()
        }
        var random = SplitMix64(seed: org.seed ^ 0xA77)
        let name = format == .csv ? "people.csv" : "people.xml"
        let people = try BufferedFile(path: directory + "/" + name)
        if format == .csv {
            people.write(
                "employee_id,name,email,title,level,manager_id,team_id,department,location,employment_type,status,hire_date,salary,currency\n"
            )
        } else {
            people.write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<wd:Report_Data xmlns:wd=\"urn:com.workday.report/Synthetic_Org\">\n"
            )
        }
        // Rows are written in employee-number order, so a manager's row may follow their reports'.
        var order = [Int](repeating: 0, count: org.people)
        for person in 0..<org.people { order[numbers[person] - 1] = person }
        for person in order {
            let personName =
                first[Int(random.next() % UInt64(first.count))] + " " + last[Int(random.next() % UInt64(last.count))]
            let manager = parent[person] >= 0 ? id(Int(parent[person])) : ""
            let title = isManager[person] ? "Engineering Manager" : titles[Int(random.next() % UInt64(titles.count))]
            let location = locations[Int(random.next() % UInt64(locations.count))]
            let contractor = !isManager[person] && random.next() % 12 == 0
            let hired = CivilDate(daysSinceEpoch: 10_957 + Int(random.next() % 9_300)).description
            let salary = 60_000 + Int(random.next() % 120) * 1_000
            let row = Row(
                id: id(person), name: personName, email: "\(id(person).lowercased())@example.com", title: title,
                level: isManager[person] ? "L8" : "L\(3 + random.next() % 4)", manager: manager, team: team(person),
                location: location, employment: contractor ? "contractor" : "full-time", hired: hired, salary: salary)
            format == .csv ? people.write(row.csv) : people.write(row.xml)
        }
        try writeDirtyRows(org, format: format, to: people, id: id)
        if format == .xml { people.write("</wd:Report_Data>\n") }
        try people.close()
        try writeCatalog(org, parent: parent, isManager: isManager, id: id, team: team, to: directory)
        return [name, "teams.csv", "services.csv", "dependencies.csv"]
    }

    private struct Row {
        let id, name, email, title, level, manager, team, location, employment, hired: String
        let salary: Int

        var csv: String {
            "\(id),\(quoted(name)),\(email),\(quoted(title)),\(level),\(manager),\(team),Engineering,\(quoted(location)),\(employment),active,\(hired),\(salary),USD\n"
        }

        var xml: String {
            let managerElement =
                manager.isEmpty ? "" : "<wd:Manager><wd:ID wd:type=\"Employee_ID\">\(manager)</wd:ID></wd:Manager>"
            return
                "<wd:Report_Entry><wd:Employee_ID>\(id)</wd:Employee_ID><wd:Worker wd:Descriptor=\"\(escaped(name))\"/>"
                + "<wd:Business_Title>\(escaped(title))</wd:Business_Title>\(managerElement)<wd:Team_ID>\(team)</wd:Team_ID>"
                + "<wd:Location wd:Descriptor=\"\(escaped(location))\"/><wd:Worker_Type wd:Descriptor=\"\(employment)\"/>"
                + "<wd:Worker_Status>active</wd:Worker_Status><wd:Hire_Date>\(hired)</wd:Hire_Date>"
                + "<wd:Annual_Base_Pay>\(salary)</wd:Annual_Base_Pay></wd:Report_Entry>\n"
        }

        private func quoted(_ text: String) -> String {
            text.contains(",") || text.contains("\"") ? "\"" + text.replacingAll("\"", with: "\"\"") + "\"" : text
        }

        private func escaped(_ text: String) -> String {
            text.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll("\"", with: "&quot;")
        }
    }

    /// Dirty rows exercise every quarantine and structure rule: a duplicate id, a dangling manager,
    /// a missing id, bad quoting (CSV) and a two-person reporting loop.
    private static func writeDirtyRows(
        _ org: SyntheticOrg, format: Format, to file: BufferedFile, id: (Int) -> String
    ) throws(RunError) {
        for index in 0..<org.dirtyRows {
            let kind = index % 5
            let extra = "X\(index)"
            let manager = id(index % org.people)
            switch (kind, format) {
            case (0, .csv): file.write("\(id(index % org.people)),Duplicate Row,,,,\(manager),,,,,active,,,\n")
            case (1, .csv): file.write("\(extra),Dangling Manager,,,,NOBODY\(index),,,,,active,,,\n")
            case (2, .csv): file.write(",Missing Id,,,,\(manager),,,,,active,,,\n")
            case (3, .csv): file.write("\(extra),Bad \"Quote,,,,\(manager),,,,,active,,,\n")
            case (4, .csv):
                file.write("\(extra)A,Loop A,,,,\(extra)B,,,,,active,,,\n\(extra)B,Loop B,,,,\(extra)A,,,,,active,,,\n")
            case (0, .xml):
                file.write(
                    "<wd:Report_Entry><wd:Employee_ID>\(id(index % org.people))</wd:Employee_ID></wd:Report_Entry>\n")
            case (1, .xml), (3, .xml):
                file.write(
                    "<wd:Report_Entry><wd:Employee_ID>\(extra)</wd:Employee_ID><wd:Manager_ID>NOBODY\(index)</wd:Manager_ID></wd:Report_Entry>\n"
                )
            case (2, .xml): file.write("<wd:Report_Entry><wd:Manager_ID>\(manager)</wd:Manager_ID></wd:Report_Entry>\n")
            default:
                file.write(
                    "<wd:Report_Entry><wd:Employee_ID>\(extra)A</wd:Employee_ID><wd:Manager_ID>\(extra)B</wd:Manager_ID></wd:Report_Entry>\n<wd:Report_Entry><wd:Employee_ID>\(extra)B</wd:Employee_ID><wd:Manager_ID>\(extra)A</wd:Manager_ID></wd:Report_Entry>\n"
                )
            }
        }
    }

    /// One team per manager (led by them), services owned mostly by one team, some shared or unowned,
    /// and about two dependencies per service.
    private static func writeCatalog(
        _ org: SyntheticOrg, parent: [Int32], isManager: [Bool], id: (Int) -> String, team: (Int) -> String,
        to directory: String
    ) throws(RunError) {
        var random = SplitMix64(seed: org.seed ^ 0xCA7)
        let managers = (0..<org.people).filter { isManager[$0] }
        let teams = try BufferedFile(path: directory + "/teams.csv")
        teams.write("team_id,name,parent_team_id,lead_id,type\n")
        let types = [
            "stream-aligned", "stream-aligned", "stream-aligned", "platform", "enabling", "complicated-subsystem",
        ]
        for manager in managers {
            let parentTeam = parent[manager] >= 0 ? team(Int(parent[manager])) : ""
            teams.write(
                "\(team(manager)),Team \(team(manager).dropFirst()),\(parentTeam),\(id(manager)),\(types[Int(random.next() % 6)])\n"
            )
        }
        try teams.close()
        let serviceCount = max(10, org.people / 10)
        let services = try BufferedFile(path: directory + "/services.csv")
        services.write("service_id,name,owner_team_id\n")
        for service in 0..<serviceCount {
            let draw = random.next() % 100
            let owner = managers.isEmpty || draw < 3 ? "" : team(managers[Int(random.next() % UInt64(managers.count))])
            services.write("S\(service),Service \(service),\(owner)\n")
            if draw >= 95, !managers.isEmpty {
                services.write(
                    "S\(service),Service \(service),\(team(managers[Int(random.next() % UInt64(managers.count))]))\n")
            }
        }
        try services.close()
        let dependencies = try BufferedFile(path: directory + "/dependencies.csv")
        dependencies.write("service_id,depends_on_service_id\n")
        for service in 0..<serviceCount {
            for _ in 0..<Int(random.next() % 4) {
                let target = Int(random.next() % UInt64(serviceCount))
                if target != service { dependencies.write("S\(service),S\(target)\n") }
            }
        }
        try dependencies.close()
    }
}

/// Appends text to a file through a 1 MiB buffer; the one owner of its descriptor.
final class BufferedFile {
    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private var isOpen = true
    /// The first write that failed; reported by `close`.
    private var failure: SystemError?

    init(path: String) throws(RunError) {
        do { descriptor = try POSIX.createFile(path, mode: 0o644) } catch { throw RunError(.cannotWriteOutput, error) }
        self.path = path
        buffer.reserveCapacity(1 << 20)
    }

    deinit { if isOpen { POSIX.close(descriptor) } }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Flushes and closes; reports the first write that failed since the file was opened.
    func close() throws(RunError) {
        flush()
        isOpen = false
        POSIX.close(descriptor)
        if let failure { throw RunError(.cannotWriteOutput, failure) }
    }

    private func flush() {
        if failure == nil {
            do { try POSIX.writeAll(descriptor, buffer, path: path) } catch { failure = error }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
