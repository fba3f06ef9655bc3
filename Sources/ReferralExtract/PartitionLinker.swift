import Dispatch
import Foundation

/// Links every chunk's spilled records a partition at a time, on every core: a partition's
/// records from all chunks (read back from the spill files, lines moved to the whole
/// file's) are gathered into one worker's buffer, sorted by child, day and line, and handed
/// to `link`. A partition larger than a worker's share of the memory is linked in ranges
/// of its children's first hash, each read again from the spill, so memory stays within the
/// bound even if the rows were many more than planned. Every child lies wholly in one range.
struct PartitionLinker {
    let spills: [LinkSpill]
    /// Where each chunk's lines start in the file.
    let lineOffsets: [UInt32]
    /// Records all workers may hold at once.
    let records: Int
    var workers = ProcessInfo.processInfo.activeProcessorCount

    /// The sorted runs given to `link`, and the most records held at once while linking.
    func run<R>(_ make: () -> R, _ link: @escaping (inout R, UnsafeBufferPointer<LinkRecord>) -> Void) throws -> (results: [R], mostHeld: Int) {
        let partitions = spills.first?.partitions ?? 0
        guard partitions > 0 else { return ([], 0) }
        let counts = spills.map(\.counts)
        let totals = (0..<partitions).map { p in counts.reduce(0) { $0 + $1[p] } }
        let slots = (0..<max(1, min(workers, partitions))).map { _ in LinkWorker(make()) }
        // Each worker gathers into one buffer and sorts into a second: half its share each.
        let share = max(records / slots.count / 2, 1)
        let queue = PartitionQueue(count: partitions)
        let linker = UncheckedSendable(self), linking = UncheckedSendable(link)
        DispatchQueue.concurrentPerform(iterations: slots.count) { w in
            let slot = slots[w]
            do {
                try linker.value.work(slot, queue: queue, totals: totals, share: share, link: linking.value)
            } catch { slot.failure = error }
        }
        if let failure = slots.compactMap(\.failure).first { throw failure }
        return (slots.map(\.result), slots.reduce(0) { $0 + $1.held })
    }

    /// One worker: partitions claimed in turn, each gathered (in ranges if it must be),
    /// sorted and linked, then released.
    private func work<R>(_ slot: LinkWorker<R>, queue: PartitionQueue, totals: [Int], share: Int, link: (inout R, UnsafeBufferPointer<LinkRecord>) -> Void) throws {
        var buffer = UnsafeMutableBufferPointer<LinkRecord>.allocate(capacity: max(min(share, totals.max() ?? 0), 1))
        var sorted = UnsafeMutableBufferPointer<LinkRecord>.allocate(capacity: buffer.count)
        let scratch = UnsafeMutableBufferPointer<LinkRecord>.allocate(capacity: spills.map(\.blockRecords).max() ?? 1)
        var counts: [Int] = []
        defer {
            buffer.deallocate()
            sorted.deallocate()
            scratch.deallocate()
        }
        while let p = queue.next() {
            // A quarter to spare, so a range seldom outgrows the buffer; one that does is
            // split in two (range r of R is ranges 2r and 2r + 1 of 2R).
            var ranges = totals[p] <= buffer.count ? 1 : (totals[p] * 5 / 4 + buffer.count - 1) / buffer.count
            var range = 0
            while range < ranges {
                guard let n = try gather(p, range: range, of: ranges, into: buffer, scratch: scratch) else {
                    if ranges < 64 {
                        ranges *= 2
                        range *= 2
                    } else {
                        // Splitting has not helped: one child has more referrals than the
                        // share (a pathological file). It gets the room.
                        let larger = UnsafeMutableBufferPointer<LinkRecord>.allocate(capacity: buffer.count * 2)
                        buffer.deallocate()
                        buffer = larger
                        sorted.deallocate()
                        sorted = .allocate(capacity: buffer.count)
                    }
                    continue
                }
                slot.held = max(slot.held, 2 * n)
                BucketSort.sort(UnsafeMutableBufferPointer(rebasing: buffer[0..<n]), into: sorted, counts: &counts)
                link(&slot.result, UnsafeBufferPointer(rebasing: sorted[0..<n]))
                range += 1
            }
            for spill in spills { spill.release(p) }
        }
    }

    /// Gathers partition `p`'s records whose children fall in `range` of `ranges` (by the
    /// first hash), from every chunk in file order, into `buffer`; returns how many, or nil
    /// if they do not fit.
    func gather(_ p: Int, range: Int, of ranges: Int, into buffer: UnsafeMutableBufferPointer<LinkRecord>, scratch: UnsafeMutableBufferPointer<LinkRecord>) throws -> Int? {
        struct Full: Error {}
        var n = 0
        do {
            for (spill, offset) in zip(spills, lineOffsets) {
                try spill.forEachRun(of: p, scratch: scratch) { run in
                    for r in run where ranges == 1 || Int(r.high.multipliedFullWidth(by: UInt64(ranges)).high) == range {
                        guard n < buffer.count else { throw Full() }
                        buffer[n] = r.moved(by: offset)
                        n += 1
                    }
                }
            }
        } catch is Full { return nil }
        return n
    }
}

/// One linking worker's result, and the most records it held.
final class LinkWorker<R>: @unchecked Sendable {
    var result: R
    var failure: (any Error)?
    var held = 0
    init(_ result: R) { self.result = result }
}

/// Hands out partitions to workers, each once.
final class PartitionQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = 0
    let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard claimed < count else { return nil }
        claimed += 1
        return claimed - 1
    }
}

/// A value handed to worker threads that only read it.
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

