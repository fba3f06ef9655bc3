import ReferralExtract

/// One row of a list as a section sees it: the bytes of the list's columns
/// (``PathwayList/columns``; stripped, blank where the row is short) and its dates, each
/// read once in the list's date format. Only valid while the row is being added.
struct PathwayRow {
    let fields: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>
    /// Day numbers; `Int32.min` where the column is not a date column or holds no date.
    let days: UnsafeMutableBufferPointer<Int32>

    @inline(__always) func field(_ i: Int) -> UnsafeBufferPointer<UInt8> { fields[i] }
    @inline(__always) func date(_ i: Int) -> CivilDate? { days[i] == .min ? nil : CivilDate(dayNumber: days[i]) }
}

/// Counts by a label read from the row's bytes ("a) Male" → "Male"), each label's bytes
/// stored once: no String per row. A label never counted is absent, as the peers omit
/// zero groups.
struct LabelTally {
    private let labels = ByteInterner(capacity: 16)
    private var counts: [Int] = []

    mutating func add(_ label: UnsafeBufferPointer<UInt8>) {
        let id = labels.intern(label)
        if id == counts.count { counts.append(0) }
        counts[id] += 1
    }

    /// Adds another chunk's counts.
    mutating func merge(_ other: LabelTally) {
        for id in other.counts.indices {
            let mine = other.labels.withBytes(id) { labels.intern($0) }
            if mine == counts.count { counts.append(0) }
            counts[mine] += other.counts[id]
        }
    }

    /// Blank labels are "Unknown".
    var json: PythonJSON.Value {
        var merged: [String: Int] = [:]
        for id in counts.indices { merged[PathwayValues.text(labels.withBytes(id) { $0 }), default: 0] += counts[id] }
        return .object(merged.map { ($0.key, .int($0.value)) })
    }
}

/// Counts over a fixed set of labels (age bands, categories of abuse, needs, months).
struct IndexTally {
    let labels: [String]
    private(set) var counts: [Int]

    init(labels: [String]) {
        self.labels = labels
        counts = Array(repeating: 0, count: labels.count)
    }

    @inline(__always) mutating func add(_ i: Int) { counts[i] += 1 }

    mutating func merge(_ other: IndexTally) {
        for i in counts.indices { counts[i] += other.counts[i] }
    }

    var json: PythonJSON.Value { .object(counts.indices.filter { counts[$0] > 0 }.map { (labels[$0], .int(counts[$0])) }) }
}

/// Distinct non-blank child IDs (``DistinctChildren``: 16-byte keys, held or spilled, so
/// memory does not grow with the children). ``resolve()`` counts them once the chunks are
/// merged; a spill that failed is thrown there.
struct ChildSet {
    private let children = DistinctChildren()
    private(set) var count = 0

    func add(_ id: UnsafeBufferPointer<UInt8>) { children.add(id) }

    func merge(_ other: ChildSet) { children.merge(other.children) }

    mutating func resolve() throws { count = try children.count() }
}
