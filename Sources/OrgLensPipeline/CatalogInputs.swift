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
        services: StagedServices?, dependencies: StagedDependencies?
    ) throws(RunError) -> [Part] {
        var parts: [Part] = []
        if let source = request.teams, let table = catalogs.teams, let linked {
            var rejections = linked.rejections
            try RawText.fill(&rejections) { lines throws(RunError) in
                try source.reader().rawRecords(startingOnLines: lines)
            }
            let accepted = linked.catalog.removed.filter { !$0 }.count
            parts.append(
                Part(
                    quality: DataQuality(
                        input: .teams, rowsRead: table.rowsRead, accepted: accepted, rejections: rejections,
                        notKept: table.rejectionsNotKept),
                    rejections: rejections, file: table.file))
        }
        if let source = request.services, let table = catalogs.services, let services {
            var rejections = services.rejections
            try RawText.fill(&rejections) { lines throws(RunError) in
                try source.reader().rawRecords(startingOnLines: lines)
            }
            let notKept = table.rejectionsNotKept.values.reduce(0, +)
            parts.append(
                Part(
                    quality: DataQuality(
                        input: .services, rowsRead: table.rowsRead,
                        accepted: table.rowsRead - rejections.count - notKept,
                        rejections: rejections, notKept: table.rejectionsNotKept),
                    rejections: rejections, file: table.file))
        }
        if let source = request.dependencies, let table = catalogs.dependencies, let dependencies {
            var rejections = dependencies.rejections
            try RawText.fill(&rejections) { lines throws(RunError) in
                try source.reader().rawRecords(startingOnLines: lines)
            }
            let notKept = table.rejectionsNotKept.values.reduce(0, +)
            parts.append(
                Part(
                    quality: DataQuality(
                        input: .dependencies, rowsRead: table.rowsRead,
                        accepted: table.rowsRead - rejections.count - notKept,
                        rejections: rejections, notKept: table.rejectionsNotKept),
                    rejections: rejections, file: table.file))
        }
        return parts
    }
}
