import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A build's outputs appear all at once (issue 17, item 2): killed builds leave one whole
/// output, a second build into the same folder is refused, and files an earlier build
/// wrote but this one does not are gone.
@Suite(.serialized) struct AllOrNothingOutputs {
    /// Every visible file under `folder` with its bytes (the marker and hidden files aside).
    static func visible(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[name] = FileManager.default.contents(atPath: path)
            }
        }
        return out
    }

    static func leftovers(beside folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(folder.lastPathComponent).") && !$0.hasSuffix(".lock") }
    }

    static func build(_ year: String, _ out: URL) -> [String] {
        ["build", "--data", demoData, "--la", "971", "--year", year, "--extract", demoData + "/amberfold_referrals_list3.csv", "--out", out.path]
    }

    /// SIGKILL at 16 points spread over a build's run: afterwards the folder is exactly one
    /// build's output, and the next build removes what the killed one left.
    @Test func killedBuildsLeaveOneWholeOutput() throws {
        try Self.kill(at: 16, Self.build)
    }

    /// The same for `--all`: the whole tree (12 chapters and the index, 614 files) is one
    /// run's, never chapters of one year beside an index of the other.
    @Test func killedBatchBuildsLeaveOneWholeTree() throws {
        try Self.kill(at: 10) { year, out in ["build", "--all", "--data", demoData, "--year", year, "--out", out.path] }
    }

    /// Builds the two outputs (2023-24 and 2024-25), then starts builds of the other year
    /// and kills each at one of `points` moments spread over a build's run; after each
    /// kill the folder must be one build's whole output.
    static func kill(at points: Int, _ build: (String, URL) -> [String]) throws {
        // The two outputs, made in the folder itself (the command line, with --out, is in them).
        let out = try temporaryDirectory().appendingPathComponent("out")
        // The kills are spread over the quickest of three builds (the first is often slowed
        // by a cold cache), so most land while a build is still running.
        var durations: [TimeInterval] = []
        func timed(_ year: String) throws {
            let started = Date()
            #expect(try Run.jsna(build(year, out)).status == 0)
            durations.append(Date().timeIntervalSince(started))
        }
        try timed("2024")
        let a = try Self.visible(out)
        try timed("2025")
        let b = try Self.visible(out)
        #expect(a != b && !a.isEmpty)
        try timed("2024")
        let duration = durations.min()!
        var killedPartWay = 0
        for k in 0..<points {
            let now = try Self.visible(out)
            #expect(now == a || now == b, "kill point \(k): a mix of two builds")
            let next = now == a ? "2025" : "2024"
            let process = Process()
            process.executableURL = Run.executable
            process.arguments = build(next, out)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(duration * Double(k) / Double(points) * 1_000_000))
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedPartWay += 1 }
            let after = try Self.visible(out)
            #expect(after == a || after == b, "kill point \(k) (\(next)): \(after.count) files, neither build's output")
        }
        #expect(killedPartWay > points / 2, "most kills land during the build")
        #expect(try Run.jsna(build("2025", out)).status == 0)
        #expect(try Self.visible(out) == b)
        let left = try Self.leftovers(beside: out)
        #expect(left.isEmpty, "\(left)")
    }

    @Test func aSecondBuildIntoTheSameFolderIsRefused() throws {
        let work = try temporaryDirectory()
        let out = work.appendingPathComponent("out")
        let fd = open(work.appendingPathComponent(".out.lock").path, O_RDWR | O_CREAT, 0o644)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        _ = "4242\n".withCString { pwrite(fd, $0, 5, 0) }
        let run = try Run.jsna(Self.build("2025", out))
        #expect(run.status != 0)
        #expect(run.stderr.contains("another jsna build (process 4242) is writing into this folder"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        flock(fd, LOCK_UN)
        #expect(try Run.jsna(Self.build("2025", out)).status == 0)
    }

    /// Two builds at once into one folder: one wins whole, the other is refused.
    @Test func concurrentBuildsNeverMix() throws {
        let out = try temporaryDirectory().appendingPathComponent("out")
        #expect(try Run.jsna(Self.build("2024", out)).status == 0)
        let a = try Self.visible(out)
        #expect(try Run.jsna(Self.build("2025", out)).status == 0)
        let b = try Self.visible(out)
        for trial in 0..<4 {
            let group = DispatchGroup()
            for year in ["2024", "2025"] {
                group.enter()
                DispatchQueue.global().async {
                    _ = try? Run.jsna(Self.build(year, out))
                    group.leave()
                }
            }
            group.wait()
            let result = try Self.visible(out)
            #expect(result == a || result == b, "trial \(trial): a mix")
        }
    }

    /// Files from an earlier build that this one does not write are gone, as are foreign
    /// folders' files protected: a folder jsna did not write is refused.
    @Test func staleFilesGoAndForeignFoldersAreRefused() throws {
        let work = try temporaryDirectory()
        let out = work.appendingPathComponent("out")
        #expect(try Run.jsna(Self.build("2025", out)).status == 0)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("charts/local-monthly.svg").path))
        let without = try Run.jsna(["build", "--data", demoData, "--la", "972", "--out", out.path])
        #expect(without.status == 0, "\(without.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("charts/local-monthly.svg").path))
        let mine = work.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: mine.appendingPathComponent("notes.txt"))
        let refused = try Run.jsna(["build", "--data", demoData, "--la", "971", "--out", mine.path])
        #expect(refused.status != 0 && refused.stderr.contains("the folder holds files jsna did not write (notes.txt)"), "\(refused.stderr)")
        #expect(FileManager.default.fileExists(atPath: mine.appendingPathComponent("notes.txt").path))
    }

    /// Issue 29, item 6: a folder holding the user's index.html (or chapter.html) and other
    /// files was taken as jsna's and their files deleted. Only the marker makes it jsna's.
    @Test(arguments: ["index.html", "chapter.html"]) func aFolderIsJsnasOnlyWithItsMarker(page: String) throws {
        let site = try temporaryDirectory().appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("<h1>Our site</h1>".utf8).write(to: site.appendingPathComponent(page))
        try Data("notes".utf8).write(to: site.appendingPathComponent("notes.txt"))
        let run = try Run.jsna(["build", "--data", demoData, "--la", "971", "--out", site.path])
        #expect(run.status != 0 && run.stderr.contains("the folder holds files jsna did not write"), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("notes.txt").path))
        #expect(try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8) == "<h1>Our site</h1>")
    }

    /// Issue 29, item 9: a symlinked --out was replaced by a real folder (the link's target
    /// kept the old chapter, and the two paths took different locks). It is followed.
    @Test func aSymlinkedOutIsFollowed() throws {
        let work = try temporaryDirectory()
        let target = work.appendingPathComponent("real-out"), link = work.appendingPathComponent("out")
        #expect(try Run.jsna(["build", "--data", demoData, "--la", "971", "--out", target.path]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real-out")
        let run = try Run.jsna(["build", "--data", demoData, "--la", "972", "--out", link.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real-out", "the link is still a link")
        #expect(try String(contentsOf: target.appendingPathComponent("chapter.md"), encoding: .utf8).contains("Brindlecombe"), "built into the target")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent(".out.lock").path), "one lock, beside the target")
    }
}
