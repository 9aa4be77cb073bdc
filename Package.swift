// swift-tools-version: 6.1
import PackageDescription

// OrgLens runs on Linux only: it swaps folders with renameat2 and asks for huge pages (OrgLensSystem).
// One module per ETL stage; data flows one way:
// bytes → RawTable (OrgLensCSV) → StagedPeople (OrgLensStage) → OrgGraph (OrgLensGraph)
//       → OrgMetrics (OrgLensMetrics) → files (OrgLensLoad); OrgLensPipeline wires them, OrgLensCLI parses flags.
/// The built-in presets, `Sources/OrgLensSettings/Presets/<name>.yml`.
let presetNames = [
    "adp", "ashby-jobs", "bamboohr-csv", "bamboohr-directory", "bamboohr-reports-to", "generic-csv",
    "greenhouse-jobs", "hibob", "personio", "positions-csv", "sap-successfactors", "workday-csv",
    "workday-positions", "workday-report",
]

let package = Package(
    name: "OrgLens",
    products: [
        .executable(name: "orglens", targets: ["orglens"])
    ],
    // PostgreSQL support (`outputs.database`, `orglens load`) is a trait: postgres-nio and its TLS stack more than
    // double a fresh clone's first build, so `make run` and `make test` leave it out unless asked
    // (`ORGLENS_DATABASE=1`, CI, `make install`); `swift build --traits Database` turns it on by hand.
    traits: [
        .trait(name: "Database", description: "load each published night into PostgreSQL (outputs.database)")
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV"),
        .target(name: "OrgLensModel"),
        // The one boundary to the operating system's file calls (EINTR retried, errors naming operation and path).
        .target(name: "OrgLensSystem", dependencies: ["OrgLensModel", "CLinux"]),
        .target(
            name: "OrgLensInput",
            dependencies: [
                "OrgLensModel", "OrgLensSystem", .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(name: "OrgLensCSV", dependencies: ["CLibCSV", "OrgLensModel", "OrgLensInput"]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "OrgLensXML", dependencies: ["CLibXML2", "OrgLensModel", "OrgLensInput"]),
        .systemLibrary(name: "CPrefetch", path: "Sources/CPrefetch"),
        .systemLibrary(name: "CLinux", path: "Sources/CLinux"),
        // Ids → dense keys without a String per row (interner, frozen index, huge-page tables): Stage and History.
        .target(name: "OrgLensKeys", dependencies: ["OrgLensModel", "OrgLensSystem", "CPrefetch"]),
        .target(name: "OrgLensStage", dependencies: ["OrgLensModel", "OrgLensKeys"]),
        .target(name: "OrgLensGraph", dependencies: ["OrgLensModel", "OrgLensStage", "OrgLensKeys"]),
        .target(name: "OrgLensMetrics", dependencies: ["OrgLensModel", "OrgLensGraph", "OrgLensStage", "OrgLensKeys"]),
        // Run-to-run history: structural snapshots and what changed between two runs.
        .target(
            name: "OrgLensHistory",
            dependencies: [
                "OrgLensModel", "OrgLensKeys", "OrgLensGraph", "OrgLensMetrics",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // report.html: the one-page org audit, drawn from dashboard.json alone.
        .target(name: "OrgLensReport", dependencies: ["OrgLensModel", "OrgLensMetrics", "OrgLensContract"]),
        // The output contract, declared once: keys, types, nullability, meaning; JSON Schemas are rendered from it.
        .target(name: "OrgLensContract", dependencies: ["OrgLensModel", "OrgLensMetrics", "OrgLensStage"]),
        .target(
            name: "OrgLensLoad",
            dependencies: [
                "OrgLensModel", "OrgLensMetrics", "OrgLensGraph", "OrgLensStage", "OrgLensContract", "OrgLensSystem",
                "OrgLensHistory", "OrgLensKeys",
            ]),
        // Every setting declared once (pipeline and config files, sources, presets, gates): the YAML reader, the
        // flags' reader, the pipeline contract and --help come from each declaration. The only module with Yams.
        .target(
            name: "OrgLensSettings",
            dependencies: [
                "OrgLensModel", "OrgLensContract", "OrgLensStage", "OrgLensMetrics", "OrgLensCSV", "OrgLensDatabase",
                .product(name: "Yams", package: "Yams"),
            ],
            // The presets ship inside the binary: `orglens run` finds them wherever the pipeline file is.
            resources: presetNames.map { .embedInCode("Presets/\($0).yml") }),
        // The BI database: the tables' DDL rendered from the contract, and each published night loaded with COPY
        // in one transaction (the client only with the Database trait).
        .target(
            name: "OrgLensDatabase",
            dependencies: [
                "OrgLensModel", "OrgLensContract", "OrgLensSystem", "OrgLensLoad",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["Database"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Database"])),
                .product(name: "NIOSSL", package: "swift-nio-ssl", condition: .when(traits: ["Database"])),
            ]),
        .target(
            name: "OrgLensPipeline",
            dependencies: [
                "OrgLensModel", "OrgLensCSV", "OrgLensXML", "OrgLensStage", "OrgLensGraph", "OrgLensMetrics",
                "OrgLensLoad", "OrgLensContract", "OrgLensSystem", "OrgLensHistory", "OrgLensReport", "OrgLensSettings",
                "OrgLensKeys", "OrgLensDatabase",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(name: "OrgLensGenerate", dependencies: ["OrgLensModel", "OrgLensSystem"]),
        .target(
            name: "OrgLensCLI",
            dependencies: [
                "OrgLensPipeline", "OrgLensSettings", "OrgLensModel", "OrgLensGenerate", "OrgLensStage",
                "OrgLensMetrics", "OrgLensLoad", "OrgLensContract", "OrgLensSystem", "OrgLensDatabase",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "OrgLensFuzzTargets",
            dependencies: [
                "OrgLensCSV", "OrgLensXML", "OrgLensPipeline", "OrgLensSettings", "OrgLensStage", "OrgLensLoad",
                "OrgLensModel", "OrgLensHistory", "OrgLensMetrics",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(name: "orglens-fuzz", dependencies: ["OrgLensFuzzTargets"]),
        .executableTarget(name: "orglens", dependencies: ["OrgLensCLI"]),

        .target(name: "OrgLensTestSupport", dependencies: ["OrgLensModel"], path: "Tests/OrgLensTestSupport"),
        .testTarget(name: "OrgLensFuzzTargetsTests", dependencies: ["OrgLensFuzzTargets", "OrgLensTestSupport"]),
        .testTarget(name: "OrgLensCSVTests", dependencies: ["OrgLensCSV", "OrgLensModel", "OrgLensTestSupport"]),
        .testTarget(name: "OrgLensXMLTests", dependencies: ["OrgLensXML", "OrgLensModel", "OrgLensTestSupport"]),
        .testTarget(name: "OrgLensKeysTests", dependencies: ["OrgLensKeys", "OrgLensModel"]),
        .testTarget(
            name: "OrgLensStageTests",
            dependencies: ["OrgLensStage", "OrgLensKeys", "OrgLensModel", "OrgLensTestSupport"]),
        .testTarget(
            name: "OrgLensGraphTests",
            dependencies: [
                "OrgLensGraph", "OrgLensStage", "OrgLensModel", "OrgLensTestSupport",
            ]),
        .testTarget(
            name: "OrgLensMetricsTests",
            dependencies: [
                "OrgLensMetrics", "OrgLensGraph", "OrgLensStage", "OrgLensModel", "OrgLensTestSupport",
            ]),
        .testTarget(name: "OrgLensContractTests", dependencies: ["OrgLensContract"]),
        .testTarget(
            name: "OrgLensDatabaseTests", dependencies: ["OrgLensDatabase", "OrgLensContract", "OrgLensModel"]),
        .testTarget(
            name: "OrgLensReportTests",
            dependencies: ["OrgLensReport", "OrgLensContract", "OrgLensModel", "OrgLensTestSupport"]),
        .testTarget(name: "OrgLensHistoryTests", dependencies: ["OrgLensHistory", "OrgLensMetrics", "OrgLensModel"]),
        .testTarget(
            name: "OrgLensLoadTests",
            dependencies: [
                "OrgLensLoad", "OrgLensModel", "OrgLensTestSupport",
            ]),
        .testTarget(
            name: "OrgLensEndToEndTests",
            dependencies: [
                "OrgLensContract", "OrgLensModel", "OrgLensTestSupport", "orglens",
            ]),
        .testTarget(
            name: "OrgLensSettingsTests",
            dependencies: ["OrgLensSettings", "OrgLensContract", "OrgLensModel", "OrgLensTestSupport"]),
    ]
)

// Strict settings for every Swift target, in one place.
for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("InternalImportsByDefault"),
        ]
}
