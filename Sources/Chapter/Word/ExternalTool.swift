import Foundation

/// A program jsna runs (pandoc, rsvg-convert), found on PATH, with what to install when
/// it is missing.
public struct ExternalTool: Sendable {
    var name: String
    var install: String

    static let pandoc = ExternalTool(name: "pandoc", install: "pandoc")
    static let rsvgConvert = ExternalTool(name: "rsvg-convert", install: "librsvg2-bin")

    /// The program's path, or nil when it is not on PATH.
    var path: String? {
        let search = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return search.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs the program; its standard output is returned, a failure is a ``WordError``
    /// carrying the first line it printed on standard error.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil) throws -> Data {
        guard let path else { throw WordError.missing(self) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Standard error is read on its own thread, so a chatty program cannot fill one
        // pipe while jsna waits on the other.
        nonisolated(unsafe) var messages = Data()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { messages = errors.fileHandleForReading.readDataToEndOfFile() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        reading.wait()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: messages, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            throw WordError.failed(name, message)
        }
        return data
    }
}

/// Why a Word document could not be made: one line for the analyst.
public enum WordError: Error, CustomStringConvertible, Sendable {
    case missing(ExternalTool)
    case failed(String, String)
    case referenceDocument(String, String)

    public var description: String {
        switch self {
        case .missing(let tool):
            "--docx needs \(tool.name): on Debian or Ubuntu `apt-get install \(tool.install)` (or `make docx-deps`); elsewhere install \(tool.name) and put it on PATH"
        case .failed(let tool, let message): "\(tool) failed: \(message)"
        case .referenceDocument(let path, let why): "\(path): \(why)"
        }
    }
}
