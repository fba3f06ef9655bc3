// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for jsna's readers. Build and run them with `make fuzz SECONDS=60`
/// (see FUZZING.md); the Makefile passes `--sanitize=fuzzer --sanitize=address`, which
/// instruments jsna's own modules as well as these entry points.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    // libFuzzer supplies `main`; the entry point is `LLVMFuzzerTestOneInput`.
    .unsafeFlags(["-parse-as-library"]),
]

let package = Package(
    name: "jsna-fuzz",
    dependencies: [.package(name: "jsna", path: "..")],
    targets: [
        .target(name: "FuzzSupport", swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(
            name: "FuzzCSVReader",
            dependencies: ["FuzzSupport", .product(name: "JSNAReaders", package: "jsna")],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "FuzzCensusIngest",
            dependencies: ["FuzzSupport", .product(name: "JSNAReaders", package: "jsna")],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "FuzzAnnexAWorkbook",
            dependencies: ["FuzzSupport", .product(name: "JSNAReaders", package: "jsna")],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "FuzzReferralExtract",
            dependencies: ["FuzzSupport", .product(name: "JSNAReaders", package: "jsna")],
            swiftSettings: swiftSettings),
    ]
)
