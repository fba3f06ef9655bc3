import Foundation
import TestSupport
import Testing

/// Runs the built `jsna` executable as a separate process, as a user would.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String

    static let projectRoot = SharedData.projectRoot

    static var executable: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("jsna")
        }
        #endif
        return Bundle.main.bundleURL.appendingPathComponent("jsna")
    }

    /// Progress lines are off (after 600 s) unless `environment` says otherwise, so stderr
    /// holds only what a test expects, however slow the machine (or the sanitizer).
    static func jsna(_ arguments: [String], in directory: URL = projectRoot, environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "100"
        environment["JSNA_PROGRESS_AFTER"] = "600"
        environment.merge(extra) { $1 }
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

let demoData = SharedData.demo

var sharedDFE: String? { SharedData.dfe }
