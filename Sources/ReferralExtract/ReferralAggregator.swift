import CSVReader

/// Accumulates one chunk of an extract: counts per census year as rows stream past, and
/// one entry per linkable referral (hash of the child's ID, a reference to its bytes, the
/// day and the line) for the re-referral test after all chunks are merged. Entries are kept
/// only for children whose hash is in `hashes` (see ``LinkingPasses``); a `linkOnly`
/// aggregator, for a later pass, keeps entries and counts nothing else.
final class ReferralAggregator {
    struct Entry {
        var hash: UInt64
        /// chunk (8 bits) | ID length (16 bits) | offset in the chunk's ID bytes (40 bits).
        var id: UInt64
        var day: Int32
        var line: UInt32
    }

    /// Counters for one month of a census year (so a period of whole months can have its
    /// own breakdowns); breakdowns indexed by interned label id.
    ///
    /// Here and below, `@exclusivity(unchecked)`: an aggregator belongs to one chunk's
    /// thread and is never re-entered, so the per-access runtime check (a tenth of the
    /// extract's time in perf) guards nothing.
    final class Year {
        @exclusivity(unchecked) var referrals = 0, nfa = 0, rereferrals = 0
        @exclusivity(unchecked) var age = [Int](repeating: 0, count: 6)
        @exclusivity(unchecked) var gender: [Int] = [], ethnicity: [Int] = [], source: [Int] = []
        @exclusivity(unchecked) var month = [Int](repeating: 0, count: 12)
    }

    let chunk: UInt64
    let format: DateFormat
    let ids: ChildIDBytes
    let genders = ByteInterner(capacity: 16), ethnicities = ByteInterner(capacity: 64), sources = ByteInterner(capacity: 64)
    @exclusivity(unchecked) var entries: [Entry] = []
    @exclusivity(unchecked) var years: [Int: Year] = [:]
    @exclusivity(unchecked) var lastYear: (Int, Year)?
    @exclusivity(unchecked) var daily = DailyCounts()
    @exclusivity(unchecked) var diagnostics = ExtractDiagnostics()
    @exclusivity(unchecked) var rows = 0
    /// Referral dates after today, or before 1990, are typing slips: left out of every
    /// figure (as invalid dates are), so one stray row cannot move the period's end.
    let inRange: ClosedRange<Int32>
    /// The last referral date counted (``ExtractOptions/lastDay``): later rows are after the
    /// period asked for, not mistakes, so they are left out without a diagnostic.
    let lastCounted: Int32
    /// Set while the file's format is still being decided: how many non-blank referral dates
    /// each format reads, and the first lines each cannot.
    let detecting: Bool
    @exclusivity(unchecked) var formatVotes = FormatVotes()
    let child: Int, referral: Int, birth: Int, gender: Int, ethnicity: Int, source: Int, nfa: Int
    let hashes: ClosedRange<UInt64>
    let linkOnly: Bool

    init(layout: ExtractLayout, format: DateFormat, chunk: Int, hashes: ClosedRange<UInt64> = 0...UInt64.max, linkOnly: Bool = false, detecting: Bool = false,
         lastDay: CivilDate? = nil) {
        let range = DateRange.referrals
        inRange = range
        lastCounted = min(range.upperBound, lastDay?.dayNumber ?? range.upperBound)
        self.chunk = UInt64(chunk)
        self.detecting = detecting && !linkOnly
        self.hashes = hashes
        self.linkOnly = linkOnly
        ids = ChildIDBytes(chunk: chunk)
        self.format = format
        child = layout[.childID]!
        referral = layout[.dateOfReferral]!
        birth = layout[.dateOfBirth]!
        gender = layout[.gender]!
        ethnicity = layout[.ethnicity]!
        source = layout[.source]!
        nfa = layout[.nfa]!
    }

    /// Reserves room for about `rows` referrals, so the arrays are not doubled (and copied,
    /// with both copies resident) as they grow.
    func reserve(rows: Int, bytesPerID: Double) {
        entries.reserveCapacity(rows)
        ids.reserve(Int(Double(rows) * bytesPerID))
    }

    /// The counters for a month: key census year × 100 + month index (0 = April).
    func year(_ key: Int) -> Year {
        if let (y, counters) = lastYear, y == key { return counters }
        let counters = years[key] ?? { let y = Year(); years[key] = y; return y }()
        lastYear = (key, counters)
        return counters
    }

    func add(_ r: CSVRecord) {
        rows += 1
        if linkOnly { return link(r) }
        let dateField = r[referral]
        // A row of empty fields (Excel leaves them below the data) is no referral: skipped
        // without a word.
        if dateField.isEmpty, (0..<r.count).allSatisfy({ r[$0].isEmpty }) { return }
        if detecting, !dateField.isEmpty { formatVotes.count(dateField, line: r.line) }
        guard let (date, y, month, day) = format.parseParts(dateField) else {
            if dateField.isEmpty {
                diagnostics.add(.referralDateBlank, line: r.line)
            } else {
                diagnostics.add(.referralDateInvalid, line: r.line, example: r.string(referral))
            }
            return
        }
        guard inRange.contains(date.dayNumber) else {
            diagnostics.add(.referralOutOfRange, line: r.line, example: r.string(referral))
            return
        }
        guard date.dayNumber <= lastCounted else { return }
        let census = month >= 4 ? y + 1 : y
        let counters = year(census * 100 + (month + 8) % 12)
        counters.referrals += 1
        daily.add(date.dayNumber)
        let id = r[child]
        if Labels.isBlank(id) {
            diagnostics.add(.childIDBlank, line: r.line)
        } else {
            keep(id, day: date.dayNumber, line: r.line)
        }
        if Labels.isNoFurtherAction(r[nfa]) { counters.nfa += 1 }
        counters.age[ageBand(r, on: (y, month, day))] += 1
        Self.count(&counters.gender, genders.intern(Labels.label(r[gender])))
        Self.count(&counters.ethnicity, ethnicities.intern(Labels.label(r[ethnicity])))
        Self.count(&counters.source, sources.intern(Labels.sourceCode(r[source])))
        counters.month[(month + 8) % 12] += 1
    }

    /// A later pass: only the child and the day, for rows the first pass kept an entry for
    /// (its diagnostics and counts are already made).
    func link(_ r: CSVRecord) {
        guard let (date, _, _, _) = format.parseParts(r[referral]), inRange.contains(date.dayNumber), date.dayNumber <= lastCounted else { return }
        let id = r[child]
        if !Labels.isBlank(id) { keep(id, day: date.dayNumber, line: r.line) }
    }

    @inline(__always)
    func keep(_ id: UnsafeBufferPointer<UInt8>, day: Int32, line: Int) {
        let hash = UInt64(bitPattern: Int64(ByteInterner.hash(id)))
        guard hashes.contains(hash) else { return }
        entries.append(Entry(hash: hash, id: ids.append(id), day: day, line: UInt32(truncatingIfNeeded: line)))
    }

    /// Sorts this chunk's entries by child, then day, then line: by hash first (integer
    /// compares only), then, where one hash holds different IDs (a collision), by the
    /// IDs' bytes, so the order is exact. Run in the chunk's own thread.
    func sortEntries() {
        entries.withUnsafeMutableBufferPointer { InPlaceSort.sort($0, key: \.hash) { ($0.hash, $0.day, $0.line) < ($1.hash, $1.day, $1.line) } }
        var start = 0
        while start < entries.count {
            var end = start + 1
            var collision = false
            while end < entries.count && entries[end].hash == entries[start].hash {
                if ChildIDBytes.compare(entries[start].id, in: ids, entries[end].id, in: ids) != 0 { collision = true }
                end += 1
            }
            if collision {
                let ids = self.ids
                entries[start..<end].withUnsafeMutableBufferPointer {
                    InPlaceSort.sort($0) { a, b in
                        let c = ChildIDBytes.compare(a.id, in: ids, b.id, in: ids)
                        return c != 0 ? c < 0 : (a.day, a.line) < (b.day, b.line)
                    }
                }
            }
            start = end
        }
    }

    @inline(__always)
    static func count(_ counts: inout [Int], _ id: Int) {
        while counts.count <= id { counts.append(0) }
        counts[id] += 1
    }

    /// Index into ReferralFigures.ageBands, from the referral date's year, month and day.
    func ageBand(_ r: CSVRecord, on date: (Int, Int, Int)) -> Int {
        let field = r[birth]
        guard let (_, by, bm, bd) = format.parseParts(field) else {
            if field.isEmpty {
                diagnostics.add(.birthDateBlank, line: r.line)
            } else {
                diagnostics.add(.birthDateInvalid, line: r.line, example: r.string(birth))
            }
            return 5
        }
        guard (by, bm, bd) <= date else {
            diagnostics.add(.birthAfterReferral, line: r.line)
            return 5
        }
        switch date.0 - by - ((date.1, date.2) < (bm, bd) ? 1 : 0) {
        case ..<1: return 0
        case 1...4: return 1
        case 5...9: return 2
        case 10...15: return 3
        default: return 4
        }
    }

    /// This chunk's figures by name for each month (key census year × 100 + month index,
    /// 0 = April), without re-referrals (those need every chunk).
    func monthFigures() -> [Int: ReferralFigures] {
        var out: [Int: ReferralFigures] = [:]
        for (key, y) in years {
            let census = key / 100
            var f = ReferralFigures(year: census)
            f.referrals = y.referrals
            f.nfa = y.nfa
            f.byAge = Self.named(y.age) { ReferralFigures.ageBands[$0] }
            f.byGender = Self.named(y.gender, genders.string)
            f.byEthnicity = Self.named(y.ethnicity, ethnicities.string)
            f.bySource = Self.named(y.source, sources.string)
            f.byMonth = Self.named(y.month) { i in
                let month = (i + 3) % 12 + 1
                return "\(month >= 4 ? census - 1 : census)-\(month < 10 ? "0" : "")\(month)"
            }
            out[key] = f
        }
        return out
    }

    /// Non-zero counts by name; labels that map to the same name (blank → "Unknown") add up.
    static func named(_ counts: [Int], _ name: (Int) -> String) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, n) in counts.enumerated() where n > 0 {
            let label = name(i)
            out[label.isEmpty ? "Unknown" : label, default: 0] += n
        }
        return out
    }
}
