/// What a `status` value means for the org on `as_of`.
package enum StatusClass: String, Sendable, Hashable, CaseIterable {
    /// Working: in the org.
    case active
    /// Away but employed (parental leave, garden leave, sabbatical): still in the org.
    case leave
    /// Gone (terminated, retired): `policy.inactive_status`.
    case inactive
    /// Hired but not started (onboarding, pre-hire): `policy.not_started`.
    case pending
}

/// What an `employment_type` value means.
package enum WorkerClass: String, Sendable, Hashable, CaseIterable {
    case employee, contractor
}

/// Export values → their meaning, matched ignoring case, spaces, `-` and `_` (`Garden leave`,
/// `garden-leave` and `GARDENLEAVE` are one value). Each HRIS has its own words; presets carry them.
package struct ValueVocabulary<Meaning: RawRepresentable & Sendable & Hashable & CaseIterable>: Sendable, Hashable
where Meaning.RawValue == String {
    package private(set) var meanings: [String: Meaning] = [:]

    package init(_ pairs: [String: Meaning] = [:]) {
        for (value, meaning) in pairs { meanings[Self.normalize(value)] = meaning }
    }

    /// Parses `VALUE=MEANING` pairs (the `analyze` flags); the meanings are the raw values of `Meaning`.
    package init(pairs: [String], option: String) throws(VocabularyError) {
        for pair in pairs {
            guard let equals = pair.lastIndex(of: "="),
                let meaning = Meaning(rawValue: String(pair[pair.index(after: equals)...]).lowercased())
            else {
                throw VocabularyError(option: option, text: pair, choices: Meaning.allCases.map(\.rawValue))
            }
            meanings[Self.normalize(String(pair[..<equals]))] = meaning
        }
    }

    /// Adds `other`'s entries where this vocabulary has none: the user's words win over the defaults.
    package func filling(from other: ValueVocabulary) -> ValueVocabulary {
        var merged = self
        merged.meanings.merge(other.meanings) { mine, _ in mine }
        return merged
    }

    package func meaning(of value: String) -> Meaning? { meanings[Self.normalize(value)] }

    package static func normalize(_ value: String) -> String {
        String(
            value.lowercased().unicodeScalars.filter {
                $0 != " " && $0 != "-" && $0 != "_" && $0 != "\t" && $0 != "\u{A0}"
            })
    }
}

/// A `VALUE=MEANING` pair whose meaning is not one of `choices`.
package struct VocabularyError: Error, Sendable {
    /// The flag the pair came with (`--status-map`).
    package let option: String
    package let text: String
    package let choices: [String]
}

extension ValueVocabulary where Meaning == StatusClass {
    /// Words every HRIS uses alike; presets add their own codes (SuccessFactors `A`, `T`, …). The words for
    /// leaving are `PeoplePolicy.inactiveStatuses`, a list the user may replace.
    package static let common = ValueVocabulary([
        "active": .active, "employed": .active, "current": .active,
        "leave": .leave, "on leave": .leave, "garden leave": .leave, "leave of absence": .leave,
        "parental leave": .leave, "maternity leave": .leave, "paternity leave": .leave, "sabbatical": .leave,
        "paid leave": .leave, "unpaid leave": .leave, "suspended": .leave, "furlough": .leave, "furloughed": .leave,
        "onboarding": .pending, "pre-hire": .pending, "preboarding": .pending,
        "pending": .pending, "not started": .pending,
    ])
}

extension ValueVocabulary where Meaning == WorkerClass {
    /// Employee words, so they are not counted as unmapped; contractor words are
    /// `PeoplePolicy.contractorTypes`, a list the user may replace.
    package static let common = ValueVocabulary([
        "employee": .employee, "full-time": .employee, "part-time": .employee, "permanent": .employee,
        "regular": .employee, "fixed-term": .employee, "temporary employee": .employee, "intern": .employee,
        "working student": .employee, "apprentice": .employee, "salaried": .employee, "w2": .employee,
    ])
}
