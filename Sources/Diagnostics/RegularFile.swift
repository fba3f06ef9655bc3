import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// jsna reads files, never named pipes, sockets or devices: opening a FIFO blocks until
/// something writes to it, so `jsna check fifo` would wait for ever. Every reader checks
/// first and refuses anything else with a one-line error naming the path.
public enum RegularFile {
    /// Throws unless `path` (following links) is a regular file; a missing path is left to
    /// the reader, which says "not found" in its own words.
    public static func require(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if let what = kind(info.st_mode) { throw Diagnostic(.error, at: .whole(path), "is \(what), not a file: jsna reads only regular files") }
    }

    /// What a file mode is when it is not a regular file or a folder ("a named pipe").
    public static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG, S_IFDIR: nil
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "not a regular file"
        }
    }
}
