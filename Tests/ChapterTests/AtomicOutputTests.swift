import Foundation
import TestSupport
import Testing

@testable import Chapter

/// Outputs are all written or none: a failure at any step leaves the previous files as
/// they were and no temporary file behind; a file that would not change is not touched.
@Suite struct AtomicOutputTests {
    func contents(_ folder: String) throws -> [String: String] {
        var out: [String: String] = [:]
        let fm = FileManager.default
        for name in try fm.subpathsOfDirectory(atPath: folder) {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + name
            if fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[name] = try String(contentsOfFile: path, encoding: .utf8)
            }
        }
        return out
    }

    func inode(_ path: String) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
    }

    @Test func writesEveryFileAndItsFolders() throws {
        let folder = try temporaryDirectory().path + "/out"
        var output = AtomicOutput()
        output.add("chapter.md", contents: "# A")
        output.add("charts/a.svg", contents: "<svg/>")
        try output.commit(into: folder)
        #expect(try contents(folder) == ["chapter.md": "# A", "charts/a.svg": "<svg/>"])
    }

    @Test func aFileThatWouldNotChangeIsLeftAlone() throws {
        let folder = try temporaryDirectory().path
        var first = AtomicOutput()
        first.add("same.md", contents: "unchanged")
        first.add("changed.md", contents: "old")
        try first.commit(into: folder)
        let same = try inode(folder + "/same.md"), changed = try inode(folder + "/changed.md")
        var second = AtomicOutput()
        second.add("same.md", contents: "unchanged")
        second.add("changed.md", contents: "new")
        try second.commit(into: folder)
        #expect(try inode(folder + "/same.md") == same)
        #expect(try inode(folder + "/changed.md") != changed)
        #expect(try contents(folder) == ["same.md": "unchanged", "changed.md": "new"])
    }

    /// A step fails on purpose after other files were staged: a folder stands where the
    /// last chart should go, so its rename fails. The previous chapter must be intact.
    @Test(arguments: [1, 40])
    func aFailedStepLeavesThePreviousOutputsIntact(files: Int) throws {
        let folder = try temporaryDirectory().path
        var previous = AtomicOutput()
        for i in 0..<files { previous.add("chart\(i).svg", contents: "old \(i)") }
        try previous.commit(into: folder)
        try FileManager.default.createDirectory(atPath: folder + "/blocked.svg", withIntermediateDirectories: false)
        let before = try contents(folder)
        var next = AtomicOutput()
        for i in 0..<files { next.add("chart\(i).svg", contents: "new \(i)") }
        next.add("blocked.svg", contents: "cannot land")
        #expect(throws: OutputError.self) { try next.commit(into: folder) }
        #expect(try contents(folder) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func anOutputFolderThatIsAFileIsAnError() throws {
        let file = try temporaryDirectory().path + "/not-a-folder"
        #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        var output = AtomicOutput()
        output.add("chapter.md", contents: "# A")
        let error = try #require(throws: OutputError.self) { try output.commit(into: file) }
        #expect(error.description.contains("not a folder"))
    }
}

