import Foundation

/// The chapter project: the folder that holds `jsna.yml`. A config is a file analysts pass
/// around, so what it points at is held inside this folder — the template jsna renders
/// into a published page, the child-level extract it reads, and the folder it writes to.
/// The DfE data folders may be anywhere (they are published open data, read only, and
/// `jsna init` points at a shared download folder by default).
///
/// Symbolic links are followed before the test: a link inside the project that points
/// outside is outside.
///
///     out: reports/2025        # fine
///     out: ../../elsewhere     # refused: jsna.yml: out "../../elsewhere" is outside …
struct ProjectFolder {
    let configPath: String
    /// The folder, as written and with links resolved.
    let path: String
    let real: String

    init(configPath: String, folder: URL) {
        self.configPath = configPath
        path = folder.standardizedFileURL.path
        real = Self.realPath(path)
    }

    /// `value` (relative to the project) as an absolute path, if it stays inside.
    func contain(_ key: String, _ value: String) throws -> String {
        let full = value.hasPrefix("/") ? URL(fileURLWithPath: value).standardizedFileURL.path
            : URL(fileURLWithPath: path).appendingPathComponent(value).standardizedFileURL.path
        let resolved = Self.realPath(full)
        guard full == path || full.hasPrefix(path + "/"), resolved == real || resolved.hasPrefix(real + "/") else {
            throw UserError("\(configPath): \(key) \"\(value)\" is outside the project folder \(path) (give it on the command line if you mean it)")
        }
        return full
    }

    /// Links resolved in the longest part of `path` that exists; the rest appended as is
    /// (an output folder need not exist yet).
    /// The path resolved from the working folder, links followed (``realPath(_:)``).
    static func absolute(_ path: String) -> String {
        realPath(path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
    }

    static func realPath(_ path: String) -> String {
        var existing = path
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing), existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard let resolved = realpath(existing, nil) else { return path }
        defer { free(resolved) }
        return ([String(cString: resolved)] + rest).joined(separator: "/").replacingOccurrences(of: "//", with: "/")
    }
}
