import Dispatch
import Foundation
import Parallel

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

    public mutating func add(_ relativePath: String, data: Data) {
        files.append((relativePath, data))
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
        var folders: Set<String> = []
        do {
            for file in files {
                let final = (folder as NSString).appendingPathComponent(file.name)
                let parent = (final as NSString).deletingLastPathComponent
                if folders.insert(parent).inserted { try fm.createDirectory(atPath: parent, withIntermediateDirectories: true) }
                // A random name (getrandom, not Foundation's UUID, which opens /dev/urandom per
                // call); O_EXCL refuses to reuse a name that exists.
                let temporary = (parent as NSString).appendingPathComponent(".\((final as NSString).lastPathComponent).\(String(UInt64.random(in: .min ... .max), radix: 36)).tmp")
                staged.append((temporary, final))
            }
            // Creating files is most of the time a batch takes, so every core shares it. A
            // file whose bytes are already in place is left alone: rebuilding an unchanged
            // chapter creates no files, and its files keep the time they last changed.
            let names = staged, files = self.files
            let unchanged = Flags(count: names.count)
            let failures = Self.inParallel(names.count) { i in
                if Self.holds(names[i].final, files[i].contents) {
                    unchanged[i] = true
                } else {
                    try Self.writeNew(names[i].temporary, files[i].contents, reportAs: names[i].final)
                }
            }
            staged = zip(staged, unchanged.values).filter { !$0.1 }.map(\.0)
            if let failure = failures.first { throw failure }
            // The data reaches the disk before any rename, so a crash leaves either the old
            // file or the whole new one. One sync for a batch; fsync per file is far slower.
            if staged.count > 8 { sync() } else { for item in staged { try Self.flush(item.temporary, reportAs: item.final) } }
            try Self.renameAll(staged)
        } catch {
            for item in staged { unlink(item.temporary) }
            if let e = error as? OutputError { throw e }
            throw OutputError("\(folder): cannot write outputs (\(error.localizedDescription))")
        }
    }

    /// Runs `body` for 0..<count on every core; returns the errors, in index order.
    static func inParallel(_ count: Int, _ body: @Sendable (Int) throws -> Void) -> [any Error] {
        parallelResults(count, body).compactMap { result in
            if case .failure(let error) = result { error } else { nil }
        }
    }

    /// Renames every staged file into place, or none: each file it replaces is first kept
    /// under a second name (a hard link, no copy), and if any rename fails, those already
    /// made are undone.
    static func renameAll(_ staged: [(temporary: String, final: String)]) throws {
        var done: [(final: String, backup: String?)] = []
        defer { for item in done { if let backup = item.backup { unlink(backup) } } }
        for item in staged {
            let backup = item.temporary + ".previous"
            let kept = link(item.final, backup) == 0
            guard rename(item.temporary, item.final) == 0 else {
                let reason = String(cString: strerror(errno))
                if kept { unlink(backup) }
                for undo in done.reversed() {
                    if let previous = undo.backup { rename(previous, undo.final) } else { unlink(undo.final) }
                }
                done = []
                throw OutputError("\(item.final): cannot rename into place (\(reason)); nothing was changed")
            }
            done.append((item.final, kept ? backup : nil))
        }
    }

    /// Whether the file at `path` exists and holds exactly `data`.
    static func holds(_ path: String, _ data: Data) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count,
            let existing = FileManager.default.contents(atPath: path)
        else { return false }
        return existing == data
    }

    /// Creates `path` (which must not exist) and writes `data` to it; on failure removes it.
    static func writeNew(_ path: String, _ data: Data, reportAs name: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError("\(name): cannot write (\(String(cString: strerror(errno))); is the folder writable?)") }
        var failure: Int32 = 0
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var done = 0
            while done < buffer.count {
                let n = posixWrite(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            unlink(path)
            throw OutputError("\(name): cannot write (\(String(cString: strerror(failure))))")
        }
    }

    static func flush(_ path: String, reportAs name: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        defer { if fd >= 0 { close(fd) } }
        guard fd >= 0, fsync(fd) == 0 else { throw OutputError("\(name): cannot write to disk (\(String(cString: strerror(errno))))") }
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

/// `write(2)`, named apart from ``AtomicOutput/write(_:to:)``.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }

/// One flag per index, set from several threads (each index by one thread only).
final class Flags: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Bool>
    init(count: Int) { storage = .allocate(capacity: count); storage.initialize(repeating: false) }
    deinit { storage.deallocate() }
    subscript(i: Int) -> Bool {
        get { storage[i] }
        set { storage[i] = newValue }
    }
    var values: [Bool] { Array(storage) }
}
