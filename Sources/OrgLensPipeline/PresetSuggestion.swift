import OrgLensCSV
import OrgLensSettings

extension PresetCatalog {
    /// "the header is what preset hibob reads: add --preset hibob" when a preset recognises the header of the CSV
    /// people export; nil otherwise.
    package static func suggestion(for people: PeopleSource) -> String? {
        guard people.format == .csv,
            let header = try? CSVReader(path: people.path, dialect: people.dialect).resolvingEncoding().header(),
            let best = recognising(header: header).first
        else { return nil }
        return "the header is what preset \(best) reads: add --preset \(best)"
    }
}
