import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension AtomicOutput {
    /// The file that marks a folder as jsna's output, replaced as a whole by each build.
    public static let marker = ".jsna-output"

    /// Replaces `folder` as a whole with exactly these files, so a reader sees the whole old
    /// output or the whole new one, never a mix, and files the new build does not write are
    /// gone.
    ///
    /// The files are written into a fresh staging folder beside `folder`, flushed, and
    /// swapped in with one `renameat2(RENAME_EXCHANGE)` (where the kernel lacks it: the old
    /// folder renamed aside, the new one renamed in, and the old one restored by the next run
    /// if a kill fell between the two). A lock file beside the folder stops a second build
    /// into it; leftovers of killed runs are removed first. A file whose bytes are unchanged
    /// is hard-linked from the old output, so it keeps the time it last changed.
    ///
    /// An existing folder that jsna did not write (no marker, no chapter) is refused: it is
    /// somebody's folder, and replacing it would delete their files.
    public func replace(folder: String) throws {
        let fm = FileManager.default
        // A symlinked folder is followed: the build goes into its target, locked there.
        let url = Self.followingLink(URL(fileURLWithPath: folder).standardizedFileURL)
        let parent = url.deletingLastPathComponent().path, name = url.lastPathComponent
        do { try fm.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw OutputError("\(folder): cannot create the folder it goes in (\(error.localizedDescription))")
        }
        let lock = try OutputLock(path: (parent as NSString).appendingPathComponent(".\(name).lock"), folder: folder)
        defer { lock.release() }
        let target = url.path
        try Self.recoverAndClean(parent: parent, name: name, target: target)
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: target, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else { throw OutputError("\(folder): exists and is not a folder") }
            let entries = (try? fm.contentsOfDirectory(atPath: target)) ?? []
            // Only the marker makes a folder jsna's: a folder with the user's own index.html
            // or chapter.html beside their other files is theirs.
            let ours = entries.isEmpty || entries.contains(Self.marker)
            guard ours else {
                throw OutputError("\(folder): the folder holds files jsna did not write (\(entries.sorted().prefix(3).joined(separator: ", "))\(entries.count > 3 ? ", …" : "")); a build replaces its output folder as a whole, so choose a new or empty folder")
            }
        }
        let staging = (parent as NSString).appendingPathComponent(".\(name).staging-\(String(UInt64.random(in: .min ... .max), radix: 36))")
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
            let all = files + [(Self.marker, Data("Written by jsna. Each build replaces this folder as a whole: do not keep other files here.\n".utf8))]
            var folders: Set<String> = [staging]
            for file in all {
                let parentFolder = ((staging as NSString).appendingPathComponent(file.name) as NSString).deletingLastPathComponent
                if folders.insert(parentFolder).inserted { try fm.createDirectory(atPath: parentFolder, withIntermediateDirectories: true) }
            }
            let failures = Self.inParallel(all.count) { i in
                let new = (staging as NSString).appendingPathComponent(all[i].name)
                let old = (target as NSString).appendingPathComponent(all[i].name)
                if exists, Self.holds(old, all[i].contents), link(old, new) == 0 { return }
                try Self.writeNew(new, all[i].contents, reportAs: (folder as NSString).appendingPathComponent(all[i].name))
            }
            if let failure = failures.first { throw failure }
            sync()
            try Self.swap(staging, into: target, exists: exists, parent: parent, name: name)
        } catch {
            try? fm.removeItem(atPath: staging)
            if let e = error as? OutputError { throw e }
            throw OutputError("\(folder): cannot write outputs (\(error.localizedDescription)); nothing was changed")
        }
    }

    /// The folder a symlink points at (links followed in turn, up to 40), or the path itself.
    static func followingLink(_ url: URL) -> URL {
        var current = url
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current.path) else { return current }
            current = (destination.hasPrefix("/") ? URL(fileURLWithPath: destination)
                : current.deletingLastPathComponent().appendingPathComponent(destination)).standardizedFileURL
        }
        return current
    }

    /// One rename makes the new folder current; the old one is then removed.
    static func swap(_ staging: String, into target: String, exists: Bool, parent: String, name: String) throws {
        guard exists else {
            guard rename(staging, target) == 0 else { throw OutputError("\(target): cannot rename into place (\(String(cString: strerror(errno))))") }
            return
        }
        if let exchange = renameExchange, exchange(AT_FDCWD, staging, AT_FDCWD, target, 2 /* RENAME_EXCHANGE */) == 0 {
            try? FileManager.default.removeItem(atPath: staging)  // now the old output
            return
        }
        // Without RENAME_EXCHANGE: old aside, new in; a kill in between leaves the old one
        // beside the folder, and the next run puts it back (``recoverAndClean``).
        let old = (parent as NSString).appendingPathComponent(".\(name).old-\(String(UInt64.random(in: .min ... .max), radix: 36))")
        guard rename(target, old) == 0 else { throw OutputError("\(target): cannot move the old output aside (\(String(cString: strerror(errno))))") }
        guard rename(staging, target) == 0 else {
            let reason = String(cString: strerror(errno))
            rename(old, target)
            throw OutputError("\(target): cannot rename into place (\(reason)); nothing was changed")
        }
        try? FileManager.default.removeItem(atPath: old)
    }

    /// Puts back an old output that a killed run left aside (its folder missing), then
    /// removes every staging and old folder of earlier runs.
    static func recoverAndClean(parent: String, name: String, target: String) throws {
        let fm = FileManager.default
        let entries = (try? fm.contentsOfDirectory(atPath: parent)) ?? []
        let olds = entries.filter { $0.hasPrefix(".\(name).old-") }
        if !fm.fileExists(atPath: target), let old = olds.first {
            rename((parent as NSString).appendingPathComponent(old), target)
        }
        for entry in entries where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
            try? fm.removeItem(atPath: (parent as NSString).appendingPathComponent(entry))
        }
    }

    /// glibc's renameat2 (2.28 and later), found at run time: Swift's Glibc module does not
    /// declare it.
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    static let renameExchange: RenameAt2? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()
}

/// An exclusive lock on an output folder (flock on a file beside it), held for one build.
/// The file stays (empty between builds): removing it would let two builds lock different files.
final class OutputLock {
    let fd: Int32

    init(path: String, folder: String) throws {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError("\(folder): cannot create the lock file \(path) (\(String(cString: strerror(errno))))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, 31, 0)
            let holder = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "?"
            close(fd)
            throw OutputError("\(folder): another jsna build (process \(holder)) is writing into this folder; wait for it to finish, or build into another folder")
        }
        let pid = Array("\(getpid())\n".utf8)
        ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
    }

    func release() {
        ftruncate(fd, 0)
        close(fd)
    }
}
