import Foundation
import TestSupport
import Testing

/// Issue 29, item 7: a named pipe given to --annex-a or `jsna check` blocked for ever.
/// Every reader refuses what is not a regular file, at once.
@Suite struct NamedPipes {
    /// Runs jsna, killing it if it has not finished within 60 s (a hang is a failure).
    static func runOrKill(_ arguments: [String]) throws -> (status: Int32, stderr: String, hung: Bool) {
        let process = Process()
        process.executableURL = Run.executable
        process.arguments = arguments
        process.currentDirectoryURL = Run.projectRoot
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var hung = false
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning {
            if Date() > deadline { hung = true; kill(process.processIdentifier, SIGKILL); break }
            usleep(20_000)
        }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), hung)
    }

    @Test func pipesAreRefusedNotWaitedOn() throws {
        let work = try temporaryDirectory()
        let fifo = work.appendingPathComponent("list5.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let config = work.appendingPathComponent("jsna.yml").path
        #expect(mkfifo(config, 0o600) == 0)
        let out = work.appendingPathComponent("out").path
        for arguments in [
            ["check", fifo],
            ["annex-a", fifo, "--year", "2025"],
            ["build", "--data", demoData, "--la", "971", "--annex-a", fifo, "--out", out],
            ["build", "--data", demoData, "--la", "971", "--extract", fifo, "--out", out],
            ["build", "--config", config],
        ] {
            let run = try Self.runOrKill(arguments)
            #expect(!run.hung, "\(arguments) waited on the pipe")
            #expect(run.status != 0 && (run.stderr.contains("named pipe (FIFO)") || run.stderr.contains("is a pipe")), "\(arguments): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
