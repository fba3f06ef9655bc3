import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A private folder for files that may hold children's data while jsna works on them
/// (a workbook's sheets unpacked to CSV, the Word document's parts).
///
/// It is made inside TMPDIR, which must already exist (jsna never creates it), with mode
/// 0700 and a name that carries the process id: `jsna-workbook-4812-9f3a…`. It is removed
/// when the folder is released, when jsna is interrupted (SIGINT, SIGTERM, SIGHUP: see
/// ``TemporaryFolder/removeOnSignals()``), and, for a run that was killed or crashed, by the
/// next run, which removes every `jsna-*` folder whose process no longer runs.
///
///     let scratch = try TemporaryFolder("docx")
///     try scratch.write(data, to: "chapter.md")   // mode 0600
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL

    public init(_ kind: String) throws {
        let base = FileManager.default.temporaryDirectory.standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw TemporaryFolderError("the temporary folder \(base.path) (TMPDIR) does not exist: jsna does not create it; set TMPDIR to a folder that exists")
        }
        Self.removeStale(in: base)
        url = base.appendingPathComponent("jsna-\(kind)-\(getpid())-\(String(UInt64.random(in: .min ... .max), radix: 16))")
        guard mkdir(url.path, 0o700) == 0 else {
            throw TemporaryFolderError("cannot make a temporary folder in \(base.path): \(String(cString: strerror(errno)))")
        }
        Self.live.insert(url.path)
    }

    deinit { remove() }

    /// Removes the folder and everything in it (also done when it is released).
    public func remove() {
        try? FileManager.default.removeItem(at: url)
        Self.live.remove(url.path)
    }

    /// The URL of a file in the folder.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes a file in the folder readable by this user only (mode 0600), its folders made
    /// as needed (0700). Errors are thrown, never trapped: a full disk is a message.
    @discardableResult
    public func write(_ data: Data, to name: String) throws -> URL {
        let target = file(name)
        let parent = target.deletingLastPathComponent()
        if parent.path != url.path {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        guard FileManager.default.createFile(atPath: target.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw TemporaryFolderError("cannot write \(target.path): \(String(cString: strerror(errno)))")
        }
        return target
    }

    /// ``removeStale(in:)`` in TMPDIR, when it exists.
    public static func removeStaleFolders() { removeStale(in: FileManager.default.temporaryDirectory.standardizedFileURL) }

    /// Removes `jsna-*-<pid>-*` folders in `base` whose process no longer runs (a run that
    /// was killed with SIGKILL, or crashed). Folders of running processes are left alone.
    static func removeStale(in base: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base.path) else { return }
        for name in names where name.hasPrefix("jsna-") {
            let parts = name.split(separator: "-")
            guard parts.count >= 4, let pid = Int32(parts[parts.count - 2]), pid > 0 else { continue }
            if pid == getpid() || kill(pid, 0) == 0 || errno == EPERM { continue }
            let path = base.appendingPathComponent(name)
            var status = stat()
            // Only this user's own folders.
            guard lstat(path.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR, status.st_uid == getuid() else { continue }
            try? FileManager.default.removeItem(at: path)
        }
    }

    /// The folders this process has open, for the signal handler.
    static let live = LiveFolders()

    /// On SIGINT, SIGTERM or SIGHUP: remove every open temporary folder, then exit as the
    /// signal would (128 + its number). Call once, at start.
    public static func removeOnSignals() {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Glibc.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                for path in live.all() { try? FileManager.default.removeItem(atPath: path) }
                // _exit, not exit: the other threads are mid-build, so no atexit work
                // (flushes, a sanitizer's leak check) may run under them.
                _exit(128 + signal)
            }
            source.resume()
            LiveFolders.sources.append(source)
        }
    }
}

/// The paths of the temporary folders this process has open.
final class LiveFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []
    nonisolated(unsafe) static var sources: [any DispatchSourceSignal] = []

    func insert(_ path: String) { lock.lock(); paths.insert(path); lock.unlock() }
    func remove(_ path: String) { lock.lock(); paths.remove(path); lock.unlock() }
    func all() -> [String] { lock.lock(); defer { lock.unlock() }; return Array(paths) }
}

/// A temporary folder that cannot be made or written: a one-line message.
public struct TemporaryFolderError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
