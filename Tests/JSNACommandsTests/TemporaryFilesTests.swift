import Foundation
import TestSupport
import Testing

@testable import TemporaryFiles

/// Issue 29, item 3: files that hold children's data while jsna works (a workbook's sheets,
/// the Word document's parts) were left in TMPDIR readable by others after a kill or crash,
/// and `TMPDIR=/nonexistent --docx` created /nonexistent.
@Suite(.serialized) struct TemporaryFilesTests {
    static func privateTMPDIR() throws -> URL {
        let folder = try temporaryDirectory().appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func foldersAreThisUsersOnlyAndGoWhenReleased() throws {
        var kept: String
        do {
            let scratch = try TemporaryFolder("test")
            kept = scratch.url.path
            let file = try scratch.write(Data("DEMO0001,01/01/2015".utf8), to: "sheets/sheet0.csv")
            #expect(try Self.mode(kept) == 0o700 && Self.mode(file.deletingLastPathComponent().path) == 0o700)
            #expect(try Self.mode(file.path) == 0o600)
            #expect(scratch.url.lastPathComponent.hasPrefix("jsna-test-\(getpid())-"))
        }
        #expect(!FileManager.default.fileExists(atPath: kept), "removed when released")
    }

    /// A folder left by a process that no longer runs is removed; one of a running process is not.
    @Test func staleFoldersOfDeadProcessesAreRemoved() throws {
        let base = try Self.privateTMPDIR()
        let dead = base.appendingPathComponent("jsna-workbook-999999-1a2b")
        let alive = base.appendingPathComponent("jsna-docx-\(getppid())-3c4d")
        let other = base.appendingPathComponent("jsna-notes")
        for folder in [dead, alive, other] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try Data("DEMO0001".utf8).write(to: dead.appendingPathComponent("sheet0.csv"))
        TemporaryFolder.removeStale(in: base)
        #expect(!FileManager.default.fileExists(atPath: dead.path))
        #expect(FileManager.default.fileExists(atPath: alive.path) && FileManager.default.fileExists(atPath: other.path))
    }

    @Test func aMissingTMPDIRIsAnErrorAndIsNeverCreated() throws {
        let missing = try temporaryDirectory().appendingPathComponent("no/such/tmp")
        let out = try temporaryDirectory().appendingPathComponent("out")
        let run = try Run.jsna(["build", "--data", demoData, "--la", "971", "--docx", "--out", out.path], environment: ["TMPDIR": missing.path])
        #expect(run.status != 0 && run.stderr.contains("(TMPDIR) does not exist"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing.path) && !FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path))
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
    }

    /// SIGTERM while the Word document is being made: its folder goes with the process.
    /// SIGKILL cannot be caught: the next run removes what was left.
    @Test(.enabled(if: (try? Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["pandoc", "--version"]).waitUntilExit()) != nil, "needs pandoc"))
    func interruptedRunsLeaveNothing() throws {
        for signal in [SIGTERM, SIGKILL] {
            let tmp = try Self.privateTMPDIR()
            let process = Process()
            process.executableURL = Run.executable
            process.arguments = ["build", "--data", demoData, "--la", "971", "--docx", "--out", try temporaryDirectory().appendingPathComponent("out").path]
            process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": tmp.path, "JSNA_PROGRESS_AFTER": "600"]) { $1 }
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait for the Word document's folder to appear, then signal: for as long as the
            // build runs (under the sanitizers, with other tests beside it, that is minutes).
            var seen = false
            while !seen && process.isRunning {
                seen = ((try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? []).contains { $0.hasPrefix("jsna-docx-") }
                if !seen { usleep(5_000) }
            }
            #expect(seen, "the build made its folder")
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            let left = (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? []
            if signal == SIGTERM {
                #expect(process.terminationStatus == 128 + SIGTERM)
                #expect(!left.contains { $0.hasPrefix("jsna-") }, "\(left)")
            } else {
                #expect(left.contains { $0.hasPrefix("jsna-docx-") }, "SIGKILL leaves it")
                _ = try Run.jsna(["--version"], environment: ["TMPDIR": tmp.path])
                let after = (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? []
                #expect(!after.contains { $0.hasPrefix("jsna-") }, "the next run removed it: \(after)")
            }
        }
    }
}
