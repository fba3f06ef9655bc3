import CSVReader
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file for linking records that do not fit in memory. It is created in
/// `TMPDIR` and unlinked at once, so it has no name: nothing is left behind however the
/// process ends (an error, Ctrl-C, a kill), and its space is freed when it is closed.
/// Writes are whole blocks appended; reads are positioned.
final class SpillFile: @unchecked Sendable {
    let fd: Int32
    let directory: String
    private(set) var size = 0

    /// A new, nameless file in `directory`; or an already open descriptor (tests give one
    /// on /dev/full to see a full disk's error).
    init(directory: String = SpillDirectory.path, descriptor: Int32? = nil) throws {
        self.directory = directory
        if let descriptor {
            fd = descriptor
            return
        }
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast()) + Array("jsna-spill-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw Self.error(errno, doing: "create a temporary file in", directory) }
        unlink(template)
        self.fd = fd
    }

    deinit { close(fd) }

    /// Appends `bytes`; returns where they start.
    func append(_ bytes: UnsafeRawBufferPointer) throws -> Int {
        let start = size
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(start + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw Self.error(errno, doing: "write linking records to a temporary file in", directory)
            }
            done += n
        }
        size += bytes.count
        return start
    }

    /// Reads `bytes.count` bytes from `offset`.
    func read(into bytes: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < bytes.count {
            let n = pread(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw Self.error(n < 0 ? errno : EIO, doing: "read linking records back from a temporary file in", directory) }
            done += n
        }
    }

    /// One line for the analyst: what failed, where, and what to do about it.
    static func error(_ code: Int32, doing what: String, _ directory: String) -> CSVError {
        let reason = String(cString: strerror(code))
        let advice: String
        switch code {
        case ENOSPC, EDQUOT:
            advice = "the disk is full: free space there, point TMPDIR at a disk with room (linking needs about 16 bytes a referral), or give more --memory so less is written"
        case ENOENT, ENOTDIR:
            advice = "the folder does not exist: set TMPDIR to a folder that does"
        case EACCES, EPERM, EROFS:
            advice = "jsna may not write there: set TMPDIR to a folder it can write to"
        default:
            advice = "set TMPDIR to another folder, or give more --memory so less is written"
        }
        return CSVError(path: directory, line: 0, column: 0, message: "cannot \(what) it (\(reason)): \(advice)")
    }
}

/// Where spill files go: `TMPDIR`, else /tmp.
public enum SpillDirectory {
    public static var path: String {
        let tmp = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        return tmp.isEmpty ? "/tmp" : tmp
    }
}
