import OrgLensCSV
import OrgLensGraph
import OrgLensLoad
import OrgLensModel
import OrgLensStage

/// Reading and accounting for the optional catalog exports (teams, services, dependencies).
enum CatalogInputs {
    struct Tables {
        let teams: RawTable?
        let services: RawTable?
        let dependencies: RawTable?
    }

    struct Part {
        let quality: DataQuality
        let rejections: [Rejection]
        let file: SourceFileInfo
    }

    static func read(_ request: AnalysisRequest) throws(RunError) -> Tables {
        Tables(
            teams: try request.teams?.read(), services: try request.services?.read(),
            dependencies: try request.dependencies?.read())
    }

    /// Each catalog's rows: in the model or quarantined (with their original text).
    static func accounting(
        _ request: AnalysisRequest, catalogs: Tables, linked: TeamCatalogBuilder.Result?,
        services: LinkedServices?, dependencies: LinkedDependencies?
    ) throws(RunError) -> [Part] {
        var parts: [Part] = []
        if let source = request.teams, let table = catalogs.teams, let linked {
            parts.append(
                try part(
                    .teams, table: table, rejections: linked.rejections, rawRecords: source.reader().rawRecords,
                    accepted: linked.catalog.removed.filter { !$0 }.count))
        }
        if let source = request.services, let table = catalogs.services, let services {
            parts.append(
                try part(
                    .services, table: table, rejections: services.rejections, rawRecords: source.reader().rawRecords))
        }
        if let source = request.dependencies, let table = catalogs.dependencies, let dependencies {
            parts.append(
                try part(
                    .dependencies, table: table, rejections: dependencies.rejections,
                    rawRecords: source.reader().rawRecords))
        }
        return parts
    }

    /// One input's books: its rejections with their raw text, and every other row accepted unless `accepted`
    /// says otherwise (teams removed in a parent loop).
    static func part(
        _ input: DataQuality.Input, table: RawTable, rejections given: [Rejection],
        rawRecords: (Set<Int>) throws(RunError) -> [Int: String], accepted: Int? = nil
    ) throws(RunError) -> Part {
        var rejections = given
        try RawText.fill(&rejections) { lines throws(RunError) in try rawRecords(lines) }
        let notKept = table.rejectionsNotKept.values.reduce(0, +)
        return Part(
            quality: DataQuality(
                input: input, rowsRead: table.rowsRead,
                accepted: accepted ?? table.rowsRead - rejections.count - notKept,
                rejections: rejections, notKept: table.rejectionsNotKept),
            rejections: rejections, file: table.file)
    }
}
