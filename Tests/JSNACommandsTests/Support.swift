import Foundation
import Testing

/// Runs the built `jsna` executable as a separate process, as a user would.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String

    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("jsna")
        }
        #endif
        return Bundle.main.bundleURL.appendingPathComponent("jsna")
    }

    static func jsna(_ arguments: [String], in directory: URL = projectRoot) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "100"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("jsna-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

let demoData = Run.projectRoot.appendingPathComponent("data/demo").path

var sharedDFE: String? {
    let path = Run.projectRoot.deletingLastPathComponent().appendingPathComponent("shared/data/dfe").path
    if FileManager.default.fileExists(atPath: path) { return path }
    print("SKIP: \(path) is absent; real-data CLI tests are skipped")
    return nil
}
