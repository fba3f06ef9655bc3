import Foundation

/// How an extract's referrals are linked within a fixed amount of memory, whatever the
/// file's size: how many partitions its children are split into, and whether their records
/// are held in memory or spilled to a temporary file as the file is read (``LinkSpill``).
///
/// Records are held when even a file of the shortest linkable rows (a one-character ID, a
/// date of eight characters, the commas, a line break) would fit; otherwise they are
/// spilled from the first row. Partitions are small enough to sort in the processor's cache
/// (about 256,000 records, 4 MB) and, when spilled, for one per core to fit the memory.
///
///     LinkingPlan(dataBytes: 112_000_000, sampledRows: 1_000_000, fieldCount: 11, memory: 96 << 20, workers: 2).spills  // false
public struct LinkingPlan: Sendable, Equatable {
    /// The default memory for linking records (96 MB): about six million referrals held.
    public static let defaultMemory = 96 << 20
    /// At most this many partitions (each chunk keeps a 64 KB block for each while spilling).
    public static let maximumPartitions = 128
    static let cacheRecords = 1 << 18

    /// Records that may be held at once.
    public let records: Int
    public let partitions: Int
    /// Written to a temporary file from the first row.
    public let spills: Bool
    /// Records each partition of each chunk gathers before writing them, once spilling: a
    /// quarter of the memory over all of them, from 16 to 4,096 (64 KB).
    public let blockRecords: Int

    public init(dataBytes: Int, sampledRows: Double, fieldCount: Int, memory: Int, workers: Int, partitions forced: Int? = nil) {
        records = max(memory / MemoryLayout<LinkRecord>.stride, 1024)
        let shortest = Double(max(dataBytes, 0)) / Double(9 + max(fieldCount, 1))
        spills = shortest > Double(records)
        let rows = max(sampledRows, 1)
        let cache = (rows / Double(Self.cacheRecords)).rounded(.up)
        let share = spills ? (rows * Double(max(workers, 1)) / Double(records)).rounded(.up) : 1
        partitions = min(max(forced ?? Int(min(max(cache, share), 1e6)), 1), Self.maximumPartitions)
        blockRecords = min(max(records / (partitions * max(workers, 1) * 4), 16), 4096)
    }
}
