import Foundation
import Testing

/// The shared real-data folder (../shared/data beside the project), if present.
enum SharedData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    static var dfe: String? { existing("dfe") }
    static var release2023: String? { existing("dfe-2023-release") }

    static func existing(_ sub: String) -> String? {
        let path = root.appendingPathComponent(sub).path
        if FileManager.default.fileExists(atPath: path) { return path }
        print("SKIP: \(path) is absent; real-data tests are skipped (they run when ../shared/data exists)")
        return nil
    }
}

/// Writes files into a fresh temporary folder and returns its path.
func temporaryFolder(_ files: [String: String]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jsna-ingest-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, text) in files {
        try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }
    return dir.path
}

let eesHeader = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category"
