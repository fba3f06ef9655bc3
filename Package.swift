// swift-tools-version: 6.0
import PackageDescription

/// One set of Swift settings for every target: Swift 6 language mode, strict concurrency.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "jsna",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jsna", targets: ["jsna"]),
        // The readers on their own, for the libFuzzer targets in Fuzz/ (a separate package,
        // so ordinary builds never need the fuzzer runtime).
        .library(name: "JSNAReaders", targets: ["Diagnostics", "CSVReader", "CensusIngest", "ReferralExtract", "AnnexAPathway"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // One located diagnostic type for every reader (file, line, column).
        .target(name: "Diagnostics", swiftSettings: swiftSettings),
        // Work spread over every core, results in order: the one unchecked shared buffer.
        .target(name: "Parallel", swiftSettings: swiftSettings),
        // Private temporary folders for files that may hold children's data.
        .target(name: "TemporaryFiles", swiftSettings: swiftSettings),
        // 1. CSV reading on libcsv.
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"]), .brew(["libcsv"])]
        ),
        .target(name: "CSVReader", dependencies: ["CLibCSV", "Diagnostics"], swiftSettings: swiftSettings),
        // Markdown → HTML for analyst templates (Debian libcmark-gfm-dev).
        .systemLibrary(name: "CCmarkGFM", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // 3. Statistics: pure functions, no I/O (no Foundation file access).
        .target(name: "Statistics", swiftSettings: swiftSettings),
        // 2. Ingest of DfE explore-education-statistics files.
        .target(name: "CensusIngest", dependencies: ["CSVReader", "Diagnostics", "Parallel", "Statistics"], swiftSettings: swiftSettings),
        // Local child-level referral extracts (Ofsted Annex A List 3 and mapped exports).
        .target(name: "ReferralExtract", dependencies: ["CSVReader", "Diagnostics", "Parallel"], swiftSettings: swiftSettings),
        // The council's Annex A lists 1, 3-8: the child protection pathway in-year.
        .target(name: "AnnexAPathway", dependencies: ["CSVReader", "Diagnostics", "Parallel", "ReferralExtract", "TemporaryFiles", .product(name: "ZIPFoundation", package: "ZIPFoundation")], swiftSettings: swiftSettings),
        // Disclosure control for everything published: one module owns it; GLPK audits it.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]),
        .target(name: "DisclosureControl", dependencies: ["CGLPK"], swiftSettings: swiftSettings),
        // The indicator catalogue and the tidy indicator table built from ingested data.
        .target(name: "Indicators", dependencies: ["CensusIngest", "Statistics"], swiftSettings: swiftSettings),
        // 4. Chapter. The report model: typed values built from the indicators and the extract.
        .target(
            name: "ReportModel",
            dependencies: ["Diagnostics", "Indicators", "Statistics", "ReferralExtract", "AnnexAPathway", "DisclosureControl", "CensusIngest"],
            swiftSettings: swiftSettings
        ),
        // One small document tree and its writers (Markdown, HTML page, Word's Markdown).
        .target(name: "Document", swiftSettings: swiftSettings),
        // Hand-made SVG charts from the model's chart values.
        .target(name: "Charts", dependencies: ["ReportModel", "Document", "Statistics"], swiftSettings: swiftSettings),
        // The chapter as a document, analyst templates, Word (pandoc) and all-or-nothing output.
        .target(
            name: "Chapter",
            dependencies: [
                "ReportModel", "Document", "Charts", "Indicators", "Statistics", "CCmarkGFM", "Diagnostics", "Parallel", "TemporaryFiles",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        // Excel with libxlsxwriter (Debian libxlsxwriter-dev).
        .systemLibrary(name: "CXLSXWriter", providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]),
        .target(name: "Workbook", dependencies: ["CXLSXWriter", "CensusIngest", "ReportModel", "Indicators", "Statistics", "TemporaryFiles"], swiftSettings: swiftSettings),
        // Synthetic demonstration data with fictional authorities.
        .target(name: "DemoData", dependencies: ["Statistics", "ReferralExtract"], swiftSettings: swiftSettings),
        // 5. CLI: thin commands that only wire the stages.
        .target(
            name: "JSNACommands",
            dependencies: [
                "CSVReader", "CensusIngest", "Indicators", "Statistics", "ReportModel", "Document", "Chapter", "Workbook", "DemoData", "ReferralExtract", "Diagnostics", "AnnexAPathway",
                "DisclosureControl", "Parallel", "TemporaryFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "jsna", dependencies: ["JSNACommands"], swiftSettings: swiftSettings),

        .target(
            name: "TestSupport",
            dependencies: ["ReportModel", "CensusIngest", "Indicators", "ReferralExtract", "AnnexAPathway", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"], swiftSettings: swiftSettings),
        .testTarget(name: "CSVReaderTests", dependencies: ["CSVReader", "CLibCSV", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "TestSupport"], exclude: ["Reference"], swiftSettings: swiftSettings),
        .testTarget(name: "ReferralExtractTests", dependencies: ["ReferralExtract", "CSVReader", "TestSupport", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        .testTarget(name: "DisclosureControlTests", dependencies: ["DisclosureControl", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CensusIngestTests", dependencies: ["CensusIngest", "CSVReader", "Diagnostics", "Statistics", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "IndicatorsTests", dependencies: ["Indicators", "CensusIngest", "Statistics", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ReportModelTests",
            dependencies: ["ReportModel", "Chapter", "Charts", "Document", "Indicators", "CensusIngest", "ReferralExtract", "DisclosureControl", "Statistics", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "DocumentTests", dependencies: ["Document"], swiftSettings: swiftSettings),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "ReportModel", "TestSupport"], exclude: ["Golden"], swiftSettings: swiftSettings),
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook", "ReportModel", "Indicators", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ChapterTests",
            dependencies: [
                "Chapter", "ReportModel", "Document", "Charts", "Indicators", "CensusIngest", "DemoData", "TestSupport",
                "ReferralExtract", "AnnexAPathway", "DisclosureControl", "Statistics", .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AnnexAPathwayTests",
            dependencies: ["AnnexAPathway", "ReferralExtract", "TestSupport", "CXLSXWriter", "ReportModel", "CSVReader"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JSNACommandsTests",
            // "jsna": the executable the end-to-end tests run (imported by none).
            dependencies: ["JSNACommands", "jsna", "TestSupport", "Chapter", "ReportModel", "CensusIngest", "TemporaryFiles"],
            exclude: ["Snapshots"],
            swiftSettings: swiftSettings
        ),
    ]
)
