package import OrgLensKeys
package import OrgLensModel

/// The people of one source, typed and deduplicated, as compact parallel arrays indexed by person.
///
/// Ids are interned once: every id and manager reference is a `key` into `keys`, so later stages
/// join on `Int32`s, never on strings.
package struct StagedPeople: Sendable {
    /// How a person's `manager_id` reads before it is resolved against the org.
    package enum ManagerLink: Sendable, Hashable {
        /// Empty, or a root marker.
        case none
        /// The person names themself (some HRIS do this for the CEO).
        case selfManaged
        /// Another id (interned), which may or may not be a person in the org.
        case key(Int32)
        /// An email or name that several people share: the person is kept, at the top of their own tree.
        case ambiguous(candidates: Int32)
    }

    /// What a key stands for after staging.
    package typealias KeyState = OrgLensKeys.KeyState

    package let source: String
    /// What `manager_id` values held; with emails or names, messages must not repeat them.
    package internal(set) var managerReference: ManagerReference = .id
    /// Record (row of the `RawTable`) of each person.
    package internal(set) var record: [Int32] = []
    /// Interned ids, as UTF-8 bytes: value `k` is key `k`.
    package internal(set) var keys = TextColumn()
    package internal(set) var keyStates: [KeyState] = []
    /// Per person in the org (index = person): their id key, manager link and source line.
    package internal(set) var personKey: [Int32] = []
    package internal(set) var managerLink: [ManagerLink] = []
    package internal(set) var line: [Int] = []
    /// Rows left out by policy, per rule.
    package internal(set) var excluded: [Rule: Int] = [:]
    package internal(set) var rejections: [Rejection] = []
    package internal(set) var findings: [Finding] = []
    package internal(set) var rowsRead = 0

    /// The export's `team_id` column, by source record (`record`), when it has one: joined to the teams export
    /// after staging.
    package internal(set) var teamIDs: TextColumn?
    /// With a `salary` column: each person's pay.
    package internal(set) var pay: StagedPay?
    /// With a `dotted_manager_ids` column: person `p`'s dotted-line managers are the keys
    /// `dottedKeys[dottedStart[p]..<dottedStart[p + 1]]` (-1: a name or email several people share); nil without
    /// the column. Keys like `managerLink`'s: a key may be no one in the org.
    package internal(set) var dottedStart: [Int32]?
    package internal(set) var dottedKeys: [Int32] = []
    /// With an `employment_type` column: whether each person is a contractor (empty otherwise).
    package internal(set) var isContractor: [Bool] = []
    /// Values read per field (hire dates, salaries): how many were there and how many could not be read.
    package internal(set) var readings: [PersonField: FieldReading] = [:]
    /// Status and employment-type values no vocabulary knows (counted as active / employee), with their rows.
    package internal(set) var unmapped: [PersonField: [String: Int]] = [:]
    /// Manager names (as normalized) shared by several people, with the rows that named them and the ids that
    /// share them: personal data, for `orglens validate` on a terminal only.
    package internal(set) var nameClashes: [String: (rows: Int, ids: [String])] = [:]

    init(source: String) { self.source = source }

    package var count: Int { personKey.count }

    /// Share of the manager references of people in the org that name someone with a row (in the org or
    /// not): how well `manager_id` reads as ids. 1 when there are no references.
    package var managerIDShare: Double {
        var references = 0
        var resolved = 0
        for link in managerLink {
            guard case .key(let key) = link else { continue }
            references += 1
            if keyStates[Int(key)] != .unknown { resolved += 1 }
        }
        return references == 0 ? 1 : Double(resolved) / Double(references)
    }

    package func id(ofPerson person: Int) -> String { keys.string(at: Int(personKey[person])) }

    /// Real ids for quarantine rows when `keys` holds pseudonyms (nil otherwise).
    package internal(set) var quarantineKeys: TextColumn?

    /// A person's id as the quarantine shows it: always the real one.
    package func quarantineID(ofPerson person: Int) -> String {
        (quarantineKeys ?? keys).string(at: Int(personKey[person]))
    }

    /// Replaces every id (people and unknown manager references) with `pseudonym(id)`, keeping the real
    /// ids for the quarantine; findings made while staging are rewritten the same way.
    package mutating func pseudonymize(_ pseudonym: (String) -> String) {
        var published = TextColumn()
        var mapping: [String: String] = [:]
        for key in 0..<keys.count {
            let real = keys.string(at: key)
            let replaced = pseudonym(real)
            mapping[real] = replaced
            published.append(Array(replaced.utf8))
        }
        quarantineKeys = keys
        keys = published
        findings = findings.map { $0.mappingIDs { mapping[$0] ?? $0 } }
    }
}
