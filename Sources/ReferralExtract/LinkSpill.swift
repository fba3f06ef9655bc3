#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One chunk's linking records, partitioned by child (``LinkRecord/partition(_:of:)``). They
/// are held in memory until they pass the chunk's share of the memory bound; from then on
/// each partition's records go to the chunk's ``SpillFile`` in blocks, so what is held
/// stays small however large the file. A child's records all go to one partition, so each
/// partition can be linked on its own.
///
///     let spill = LinkSpill(partitions: 8, budget: 1 << 20)
///     try spill.add(record, partition: LinkRecord.partition(key, of: 8))
final class LinkSpill {
    /// A run of one partition's records in the file.
    struct Block { var count: Int32; var offset: Int }

    /// One partition's held records: raw storage, so an append is a store and a count
    /// (no array is checked for sharing on every row).
    struct Run {
        var base: UnsafeMutablePointer<LinkRecord>?
        var count = 0, capacity = 0
        /// Records added, held and written.
        var total = 0
    }

    let partitions: Int
    /// Records held before spilling (when not spilling from the start).
    let budget: Int
    /// Records a partition gathers before they are written as one block, once spilling.
    let blockRecords: Int
    /// Opens the file (in `TMPDIR`; tests give other openers).
    let makeFile: () throws -> SpillFile
    // One chunk's thread uses a spill while the file is read, then the linker reads it:
    // the per-access exclusivity check guards nothing.
    @exclusivity(unchecked) private var runs: UnsafeMutablePointer<Run>
    @exclusivity(unchecked) private(set) var held = 0
    @exclusivity(unchecked) private(set) var peakHeld = 0
    @exclusivity(unchecked) private(set) var file: SpillFile?
    @exclusivity(unchecked) private(set) var spilling: Bool
    /// Each partition's blocks in the file, in the order written (so reading a partition
    /// back does not scan every other partition's blocks).
    @exclusivity(unchecked) private(set) var blocks: [[Block]]
    /// Records per partition, held and written.
    var counts: [Int] { (0..<partitions).map { runs[$0].total } }

    /// - Parameter budget: records held before spilling; nil: spill from the first block.
    init(partitions: Int, budget: Int?, blockRecords: Int = 4096, makeFile: @escaping () throws -> SpillFile = { try SpillFile() }) {
        self.partitions = max(partitions, 1)
        self.blockRecords = max(blockRecords, 1)
        self.budget = budget ?? 0
        spilling = budget == nil
        self.makeFile = makeFile
        runs = .allocate(capacity: self.partitions)
        runs.initialize(repeating: Run(), count: self.partitions)
        blocks = Array(repeating: [], count: self.partitions)
        if spilling { for p in 0..<self.partitions { reserve(p, self.blockRecords) } }
    }

    deinit {
        for p in 0..<partitions { free(runs[p].base) }
        runs.deallocate()
    }

    private func reserve(_ p: Int, _ capacity: Int) {
        guard capacity > runs[p].capacity else { return }
        let grown = realloc(runs[p].base, capacity * MemoryLayout<LinkRecord>.stride)!
        runs[p].base = grown.assumingMemoryBound(to: LinkRecord.self)
        runs[p].capacity = capacity
    }

    /// Reserves room for `records` in all, spread over the partitions, when they will be
    /// held (so the runs are not doubled, and copied, as they grow).
    func reserve(records: Int) {
        guard !spilling, records <= budget else { return }
        let each = records / partitions + records / partitions / 16 + 64
        for p in 0..<partitions { reserve(p, each) }
    }

    @inline(__always)
    func add(_ record: LinkRecord, partition p: Int) throws {
        if runs[p].count == runs[p].capacity { reserve(p, max(runs[p].capacity * 2, 64)) }
        runs[p].base![runs[p].count] = record
        runs[p].count += 1
        runs[p].total += 1
        held += 1
        if spilling {
            if runs[p].count >= blockRecords { try write(p) }
        } else if held > budget {
            try spillAll()
        }
    }

    /// Spills every record held, and from now on each partition a block at a time: when
    /// the budget is passed, or before linking when the records held and the linking
    /// buffers would not both fit.
    func spillAll() throws {
        peakHeld = max(peakHeld, held)
        spilling = true
        for p in 0..<partitions {
            if runs[p].count > 0 { try write(p) }
            // The held capacity goes back; a block's worth is kept.
            free(runs[p].base)
            runs[p].base = nil
            runs[p].capacity = 0
            reserve(p, blockRecords)
        }
    }

    /// Writes a partition's held records as blocks of at most ``blockRecords``.
    private func write(_ p: Int) throws {
        let count = runs[p].count
        if file == nil { file = try makeFile() }
        let records = UnsafeBufferPointer(start: runs[p].base, count: count)
        for start in stride(from: 0, to: count, by: blockRecords) {
            let run = UnsafeBufferPointer(rebasing: records[start..<min(start + blockRecords, count)])
            let offset = try file!.append(UnsafeRawBufferPointer(run))
            blocks[p].append(Block(count: Int32(run.count), offset: offset))
        }
        held -= count
        runs[p].count = 0
    }

    /// Records held at the most, for the memory the read used.
    var mostHeld: Int { max(peakHeld, held) }

    /// Bytes written to the file.
    var spilledBytes: Int { file?.size ?? 0 }

    /// Calls `body` with each run of partition `p`'s records, in the order they were added,
    /// reading the written ones into `scratch` (at least ``blockRecords`` long).
    func forEachRun(of p: Int, scratch: UnsafeMutableBufferPointer<LinkRecord>, _ body: (UnsafeBufferPointer<LinkRecord>) throws -> Void) throws {
        if let file {
            for block in blocks[p] {
                let run = UnsafeMutableBufferPointer(rebasing: scratch[0..<Int(block.count)])
                try file.read(into: UnsafeMutableRawBufferPointer(run), at: block.offset)
                try body(UnsafeBufferPointer(run))
            }
        }
        try body(UnsafeBufferPointer(start: runs[p].base, count: runs[p].count))
    }

    /// Frees a partition's held records once it is linked (``held`` is left as it was:
    /// workers release partitions at once).
    func release(_ p: Int) {
        free(runs[p].base)
        runs[p].base = nil
        runs[p].count = 0
        runs[p].capacity = 0
    }
}
