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
        .library(name: "JSNAReaders", targets: ["CSVReader", "CensusIngest", "ReferralExtract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // 1. CSV reading on libcsv.
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"]), .brew(["libcsv"])]
        ),
        .target(name: "CSVReader", dependencies: ["CLibCSV"], swiftSettings: swiftSettings),
        // Markdown → HTML for analyst templates (Debian libcmark-gfm-dev).
        .systemLibrary(name: "CCmarkGFM", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // 3. Statistics: pure functions, no I/O (no Foundation file access).
        .target(name: "Statistics", swiftSettings: swiftSettings),
        // 2. Ingest of DfE explore-education-statistics files.
        .target(name: "CensusIngest", dependencies: ["CSVReader", "Statistics"], swiftSettings: swiftSettings),
        // Local child-level referral extracts (Ofsted Annex A List 3 and mapped exports).
        .target(name: "ReferralExtract", dependencies: ["CSVReader"], swiftSettings: swiftSettings),
        // Disclosure control for everything published: one module owns it.
        .target(name: "DisclosureControl", swiftSettings: swiftSettings),
        // The indicator catalogue and the tidy indicator table built from ingested data.
        .target(name: "Indicators", dependencies: ["CensusIngest", "Statistics"], swiftSettings: swiftSettings),
        // 4. Chapter: one report model; Markdown, HTML and SVG renderers.
        .target(
            name: "Chapter",
            dependencies: [
                "CSVReader", "Indicators", "Statistics", "ReferralExtract", "DisclosureControl", "CCmarkGFM",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),
        // Synthetic demonstration data with fictional authorities.
        .target(name: "DemoData", dependencies: ["Statistics", "ReferralExtract"], swiftSettings: swiftSettings),
        // 5. CLI: thin commands that only wire the stages.
        .target(
            name: "JSNACommands",
            dependencies: [
                "CensusIngest", "Indicators", "Chapter", "DemoData", "ReferralExtract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "jsna", dependencies: ["JSNACommands"], swiftSettings: swiftSettings),

        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "CSVReaderTests", dependencies: ["CSVReader", "CLibCSV"], swiftSettings: swiftSettings),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"], exclude: ["Reference"], swiftSettings: swiftSettings),
        .testTarget(name: "ReferralExtractTests", dependencies: ["ReferralExtract", "CSVReader", "TestSupport", .product(name: "Yams", package: "Yams")], swiftSettings: swiftSettings),
        .testTarget(name: "DisclosureControlTests", dependencies: ["DisclosureControl", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CensusIngestTests", dependencies: ["CensusIngest", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "IndicatorsTests", dependencies: ["Indicators", "CensusIngest", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ChapterTests",
            dependencies: ["Chapter", "Indicators", "CensusIngest", "DemoData", "TestSupport", "ReferralExtract", "DisclosureControl"],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "JSNACommandsTests",
            dependencies: ["JSNACommands", "jsna", "TestSupport", "Chapter"],
            exclude: ["Snapshots"],
            swiftSettings: swiftSettings
        ),
    ]
)
