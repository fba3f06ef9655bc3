import Foundation

/// Writes a set of output files so that none is ever half-written.
///
/// Every file is first written in full to a temporary file in its target folder; only
/// when all are written are they renamed into place (rename is atomic on one file
/// system). If any step fails, the temporary files are removed and the previous outputs
/// are left as they were.
///
///     var output = AtomicOutput()
///     output.add("chapter.md", contents: markdown)
///     try output.commit(into: "reports/bolton")
public struct AtomicOutput: Sendable {
    public private(set) var files: [(name: String, contents: Data)] = []

    public init() {}

    public mutating func add(_ relativePath: String, contents: String) {
        files.append((relativePath, Data(contents.utf8)))
    }

    /// Writes every file below `folder` (created if needed), all or nothing.
    public func commit(into folder: String, createFolder: Bool = true) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if !fm.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard createFolder else { throw OutputError("\(folder): output folder does not exist") }
            do { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw OutputError("\(folder): cannot create the output folder (\(error.localizedDescription))")
            }
        } else if !isDirectory.boolValue {
            throw OutputError("\(folder): exists and is not a folder")
        }
        var staged: [(temporary: String, final: String)] = []
        do {
            for file in files {
                let final = (folder as NSString).appendingPathComponent(file.name)
                let parent = (final as NSString).deletingLastPathComponent
                try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
                let temporary = (parent as NSString).appendingPathComponent(".\((final as NSString).lastPathComponent).\(UUID().uuidString).tmp")
                guard fm.createFile(atPath: temporary, contents: file.contents) else {
                    throw OutputError("\(final): cannot write (is the folder writable?)")
                }
                staged.append((temporary, final))
            }
            for item in staged {
                guard rename(item.temporary, item.final) == 0 else {
                    throw OutputError("\(item.final): cannot rename into place (\(String(cString: strerror(errno))))")
                }
            }
        } catch {
            for item in staged { try? fm.removeItem(atPath: item.temporary) }
            if let e = error as? OutputError { throw e }
            throw OutputError("\(folder): cannot write outputs (\(error.localizedDescription))")
        }
    }

    /// Writes one file atomically at `path`; its folder must exist.
    public static func write(_ contents: String, to path: String) throws {
        var output = AtomicOutput()
        let url = URL(fileURLWithPath: path)
        output.add(url.lastPathComponent, contents: contents)
        try output.commit(into: url.deletingLastPathComponent().path, createFolder: false)
    }
}

/// An output that could not be written; nothing was changed.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
