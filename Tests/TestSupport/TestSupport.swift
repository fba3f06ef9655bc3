import Foundation

/// Paths and fixtures shared by the test targets.
public enum SharedData {
    /// The project's root folder.
    public static let projectRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared real-data folder (../shared/data beside the project).
    public static let root: URL = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

    /// jsna's own synthetic demonstration data.
    public static let demo: String = projectRoot.appendingPathComponent("data/demo").path

    /// True when ../shared/data/dfe is there: real-data tests use `.enabled(if: SharedData.hasDFE)`,
    /// so they are reported as skipped, never passed, without it.
    public static let hasDFE = FileManager.default.fileExists(atPath: root.appendingPathComponent("dfe").path)
    /// True when ../shared/data/dfe-2023-release is there.
    public static let has2023Release = FileManager.default.fileExists(atPath: root.appendingPathComponent("dfe-2023-release").path)

    /// ../shared/data/dfe, or nil (printing why) when it is absent.
    public static var dfe: String? { existing("dfe") }
    /// ../shared/data/dfe-2023-release, or nil (printing why) when it is absent.
    public static var release2023: String? { existing("dfe-2023-release") }

    static func existing(_ sub: String) -> String? {
        let path = root.appendingPathComponent(sub).path
        if FileManager.default.fileExists(atPath: path) { return path }
        print("SKIP: \(path) is absent; real-data tests are skipped (they run when ../shared/data exists)")
        return nil
    }
}

/// A fresh empty temporary folder, inside this test process's own folder
/// (`$TMPDIR/jsna-tests/<pid>`). Swift Testing has no end-of-run hook, so the first call
/// in a process removes the folders of test processes that have ended: test runs leave at
/// most one run's folders behind, never thousands.
public func temporaryDirectory() throws -> URL {
    let url = TestFolders.current.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

enum TestFolders {
    static let current: URL = {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("jsna-tests")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names {
            // A folder whose process has ended (kill(pid, 0) fails with ESRCH) is left over.
            guard let pid = Int32(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
        return parent.appendingPathComponent(String(getpid()))
    }()
}

/// Writes files into a fresh temporary folder and returns its path.
public func temporaryFolder(_ files: [String: String]) throws -> String {
    let dir = try temporaryDirectory()
    for (name, text) in files {
        try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }
    return dir.path
}

/// The geography columns of an explore-education-statistics file, with `category`.
public let eesHeader = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category"
