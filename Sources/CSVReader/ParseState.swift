#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Record assembly behind libcsv's two callbacks: fields are copied into one growing byte
/// buffer and delivered as a ``CSVRecord`` when the record ends; physical lines are counted
/// from the terminators libcsv reports (CSV_REPALL_NL) and newlines inside quoted fields.
///
/// The state belongs to one read on one thread and libcsv never re-enters a callback, so
/// the mutable properties skip the runtime exclusivity check, which perf showed costing
/// more than the work it guarded.
final class ParseState {
    struct Failure { var error: any Error; var line: Int }

    let requireSameFieldCount: Bool
    let handler: (CSVRecord) throws -> Void
    @exclusivity(unchecked) var storage: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) var capacity = 4096
    @exclusivity(unchecked) var length = 0
    @exclusivity(unchecked) var ends: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) var endCapacity = 64
    @exclusivity(unchecked) var fieldCount = 0
    /// Line on which the record being assembled starts.
    @exclusivity(unchecked) var line = 1
    @exclusivity(unchecked) var newlinesInFields = 0
    @exclusivity(unchecked) var lastTerminatorWasCR = false
    @exclusivity(unchecked) var recordNumber = 0
    @exclusivity(unchecked) var expectedFields: Int?
    @exclusivity(unchecked) var failure: Failure?

    init(requireSameFieldCount: Bool, handler: @escaping (CSVRecord) throws -> Void) {
        self.requireSameFieldCount = requireSameFieldCount
        self.handler = handler
        storage = .allocate(capacity: capacity)
        ends = .allocate(capacity: endCapacity)
    }

    func release() {
        storage.deallocate()
        ends.deallocate()
    }

    @inline(__always)
    func append(_ bytes: UnsafeRawPointer?, _ count: Int) {
        if length + count > capacity {
            var newCapacity = capacity * 2
            while newCapacity < length + count { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: storage, count: length)
            storage.deallocate()
            storage = grown
            capacity = newCapacity
        }
        if count > 0, let bytes {
            let source = bytes.assumingMemoryBound(to: UInt8.self)
            (storage + length).update(from: source, count: count)
            // Newlines inside (quoted) fields move the line count on.
            if count < 24 {
                for i in 0..<count where source[i] == 0x0A { newlinesInFields += 1 }
            } else if memchr(bytes, 0x0A, count) != nil {
                newlinesInFields += countNewlines(bytes, count)
            }
        }
        length += count
        if fieldCount == endCapacity {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity * 2)
            grown.update(from: ends, count: fieldCount)
            ends.deallocate()
            ends = grown
            endCapacity *= 2
        }
        ends[fieldCount] = length
        fieldCount += 1
    }

    @inline(__always)
    func endRecord(terminator: Int32) {
        let fields = fieldCount
        if fields > 0 && failure == nil { deliver(fields) }
        line += newlinesInFields
        newlinesInFields = 0
        if terminator == 0x0D {
            line += 1
            lastTerminatorWasCR = true
        } else if terminator == 0x0A {
            if !(lastTerminatorWasCR && fields == 0) { line += 1 }
            lastTerminatorWasCR = false
        }
        length = 0
        fieldCount = 0
    }

    private func deliver(_ fields: Int) {
        recordNumber += 1
        if requireSameFieldCount {
            if let expected = expectedFields, expected != fields {
                failure = Failure(error: RaggedRecord(found: fields, expected: expected), line: line)
                return
            }
            expectedFields = fields
        }
        // A byte-order mark at the start of a record past the file's first bytes: a file
        // joined onto another. It is removed (it would become part of a child's ID) and the
        // record says so, for the reader's warning.
        var mark = false
        if length >= 3 && ends[0] >= 3 && storage[0] == 0xEF && storage[1] == 0xBB && storage[2] == 0xBF {
            mark = true
            memmove(storage, storage + 3, length - 3)  // the regions overlap
            length -= 3
            for i in 0..<fields { ends[i] -= 3 }
        }
        let record = CSVRecord(
            line: line, number: recordNumber,
            bytes: UnsafeBufferPointer(start: storage, count: length),
            ends: UnsafeBufferPointer(start: ends, count: fields), startsWithByteOrderMark: mark)
        do { try handler(record) } catch { failure = Failure(error: error, line: line) }
    }
}

struct RaggedRecord: Error { var found: Int; var expected: Int }

private func countNewlines(_ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    let p = bytes.assumingMemoryBound(to: UInt8.self)
    var n = 0
    for i in 0..<count where p[i] == 0x0A { n += 1 }
    return n
}

// The reader keeps the state alive for the whole parse, so the callbacks borrow it
// without retaining (a retain and release per field was a tenth of the parse time).
let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = { bytes, count, context in
    Unmanaged<ParseState>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.append(bytes, count) }
}

let onRecord: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { terminator, context in
    Unmanaged<ParseState>.fromOpaque(context!)._withUnsafeGuaranteedRef { $0.endRecord(terminator: terminator) }
}
