import CSVReader

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many times an extract is read so that linking each child's referrals (to find
/// re-referrals and duplicates) fits in a fixed amount of memory, whatever the file's size.
///
/// Linking needs every referral of a child side by side: about 24 bytes plus the child's ID
/// per referral. Children are split into `count` ranges of their ID's hash; the first pass
/// computes every count and breakdown and links the first range, and each later pass reads
/// only the child ID and referral date of each row and links the next range. A child's
/// referrals share a hash, so no child is split, and the figures are the same for any count.
///
///     LinkingPasses(dataBytes: 1_129_000_000, bytesPerRow: 113, bytesPerID: 9, memory: 128 << 20).count  // 3
public struct LinkingPasses: Sendable, Equatable {
    /// The default memory for linking (128 MB): a million-row extract links in one pass.
    public static let defaultMemory = 128 << 20
    /// Never more than this many passes, however small the memory given.
    public static let maximum = 256

    public let count: Int

    public init(count: Int) { self.count = min(max(count, 1), Self.maximum) }

    /// Estimated from the file's data bytes and the sampled row and ID sizes.
    public init(dataBytes: Int, bytesPerRow: Double, bytesPerID: Double, memory: Int) {
        self.init(rows: Self.sampledRows(dataBytes: dataBytes, bytesPerRow: bytesPerRow), bytesPerID: bytesPerID, memory: memory)
    }

    /// Rows estimated from the sampled bytes per row, with a 5% margin.
    static func sampledRows(dataBytes: Int, bytesPerRow: Double) -> Double {
        Double(max(dataBytes, 0)) / max(bytesPerRow, 1) * 1.05
    }

    /// For `rows` referrals at most.
    public init(rows: Double, bytesPerID: Double, memory: Int) {
        let need = rows * (Double(MemoryLayout<ReferralAggregator.Entry>.stride) + bytesPerID)
        let passes = need / Double(max(memory, 1 << 20))
        self.init(count: passes >= Double(Self.maximum) ? Self.maximum : Int(passes.rounded(.up)))
    }

    /// The passes for an extract, and the rows planned for. A file too small to need a
    /// second pass even if every row were as short as a linkable row can be (about 20
    /// bytes: a one-byte ID, a date, ten commas, a line break) is planned from its sampled
    /// rows. A larger one counts its line breaks, which cannot be fewer than its rows: the
    /// first rows alone could mislead (long ones first, short ones after), and memory would
    /// grow past the bound.
    static func plan(path: String, dataStart: Int, dataBytes: Int, bytesPerRow: Double, bytesPerID: Double, memory: Int) -> (passes: LinkingPasses, rows: Double) {
        let sampled = sampledRows(dataBytes: dataBytes, bytesPerRow: bytesPerRow)
        let shortest = Double(max(dataBytes, 0)) / 20
        if LinkingPasses(rows: shortest, bytesPerID: bytesPerID, memory: memory).count == 1 {
            return (LinkingPasses(rows: sampled, bytesPerID: bytesPerID, memory: memory), sampled)
        }
        let counted = Double(RecordBoundaries.maximumRecords(path: path, from: dataStart))
        return (LinkingPasses(rows: counted, bytesPerID: bytesPerID, memory: memory), counted)
    }

    /// The hashes pass `pass` (from 0) links: equal ranges that cover every UInt64.
    public func hashes(_ pass: Int) -> ClosedRange<UInt64> {
        let width = UInt64.max / UInt64(count)
        let low = UInt64(pass) * width
        return low...(pass == count - 1 ? UInt64.max : low + width - 1)
    }
}

/// A file's size and modification time, to notice a file changed between passes (a CMS
/// export still being written, say), which would make the passes disagree.
struct FileIdentity: Equatable {
    let size: Int
    let modified: timespec
    /// A pipe, a terminal or a device: not a plain file or a folder (following links).
    let isStream: Bool

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        isStream = (info.st_mode & S_IFMT) != S_IFREG && (info.st_mode & S_IFMT) != S_IFDIR
        #if canImport(Darwin)
        modified = info.st_mtimespec
        #else
        modified = info.st_mtim
        #endif
    }

    static func == (a: FileIdentity, b: FileIdentity) -> Bool {
        a.size == b.size && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
    }
}
