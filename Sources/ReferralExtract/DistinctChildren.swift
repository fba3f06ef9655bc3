import Foundation

/// Distinct non-blank child IDs among rows, counted in flat memory, as referrals are linked:
/// each ID leaves a 16-byte key (``ChildKey``, kept as a ``LinkRecord``) in a ``LinkSpill``,
/// held until the chunk passes its share and then written to a temporary file; the count
/// links the keys a partition at a time. A chunk's set takes the later chunks' sets as they
/// are merged, so no key is copied.
///
///     let children = DistinctChildren()
///     try children.add(idBytes)
///     let n = try children.count()
public final class DistinctChildren {
    /// Keys a chunk's set holds before it spills (16 MB).
    public static let heldPerChunk = 1 << 20
    static let partitions = 16

    private var spills: [LinkSpill]
    private var failure: (any Error)?

    public convenience init(held: Int = DistinctChildren.heldPerChunk) {
        self.init(held: held) { try SpillFile() }
    }

    /// `makeFile` opens the spill file (tests give other folders, or /dev/full).
    init(held: Int, makeFile: @escaping () throws -> SpillFile) {
        spills = [LinkSpill(partitions: Self.partitions, budget: held, blockRecords: 4096, makeFile: makeFile)]
    }

    /// Adds a child (nothing for a blank ID). A write that fails (a full disk) is kept and
    /// thrown by ``count()``.
    @inline(__always)
    public func add(_ id: UnsafeBufferPointer<UInt8>) {
        guard !id.isEmpty, failure == nil else { return }
        let key = ChildKey.of(id)
        do {
            try spills[0].add(LinkRecord(key: key, day: LinkRecord.firstDay, line: 0), partition: LinkRecord.partition(key, of: Self.partitions))
        } catch { failure = error }
    }

    /// Takes a later chunk's children.
    public func merge(_ other: DistinctChildren) {
        spills += other.spills
        failure = failure ?? other.failure
    }

    /// How many distinct children, linking the keys a partition at a time.
    public func count() throws -> Int {
        if let failure { throw failure }
        let linker = PartitionLinker(spills: spills, lineOffsets: spills.map { _ in 0 }, records: 4 * Self.heldPerChunk)
        let (parts, _) = try linker.run({ 0 }) { distinct, records in
            for i in records.indices where i == 0 || !records[i - 1].sameChild(records[i]) { distinct += 1 }
        }
        return parts.reduce(0, +)
    }

    /// Bytes written to temporary files (0: every key held).
    public var spilledBytes: Int { spills.reduce(0) { $0 + $1.spilledBytes } }
}
