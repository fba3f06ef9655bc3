#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's size and kind, before it is read: a pipe cannot be read in byte ranges, nor
/// have its header sampled first.
struct FileIdentity {
    let size: Int
    /// A pipe, a terminal or a device: not a plain file or a folder (following links).
    let isStream: Bool

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        isStream = (info.st_mode & S_IFMT) != S_IFREG && (info.st_mode & S_IFMT) != S_IFDIR
    }
}
