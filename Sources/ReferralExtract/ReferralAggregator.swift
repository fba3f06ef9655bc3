import CSVReader

/// Accumulates one chunk of an extract: counts per census year as rows stream past, and
/// one entry per linkable referral (hash of the child's ID, a reference to its bytes, the
/// day and the line) for the re-referral test after all chunks are merged.
final class ReferralAggregator {
    struct Entry {
        var hash: UInt64
        /// chunk (8 bits) | ID length (16 bits) | offset in the chunk's ID bytes (40 bits).
        var id: UInt64
        var day: Int32
        var line: UInt32
    }

    /// Counters for one census year; breakdowns indexed by interned label id.
    final class Year {
        var referrals = 0, nfa = 0, rereferrals = 0
        var age = [Int](repeating: 0, count: 6)
        var gender: [Int] = [], ethnicity: [Int] = [], source: [Int] = []
        var month = [Int](repeating: 0, count: 12)
    }

    let chunk: UInt64
    let format: DateFormat
    var ids: [UInt8] = []
    let genders = ByteInterner(capacity: 16), ethnicities = ByteInterner(capacity: 64), sources = ByteInterner(capacity: 64)
    var entries: [Entry] = []
    var years: [Int: Year] = [:]
    var lastYear: (Int, Year)?
    var daily: [Int32: Int] = [:]
    var diagnostics = ExtractDiagnostics()
    var rows = 0
    let child: Int, referral: Int, birth: Int, gender: Int, ethnicity: Int, source: Int, nfa: Int

    init(layout: ExtractLayout, format: DateFormat, chunk: Int) {
        self.chunk = UInt64(chunk)
        self.format = format
        child = layout[.childID]!
        referral = layout[.dateOfReferral]!
        birth = layout[.dateOfBirth]!
        gender = layout[.gender]!
        ethnicity = layout[.ethnicity]!
        source = layout[.source]!
        nfa = layout[.nfa]!
    }

    func year(_ census: Int) -> Year {
        if let (y, counters) = lastYear, y == census { return counters }
        let counters = years[census] ?? { let y = Year(); years[census] = y; return y }()
        lastYear = (census, counters)
        return counters
    }

    func add(_ r: CSVRecord) {
        rows += 1
        let dateField = r[referral]
        guard let date = format.parse(dateField) else {
            if dateField.isEmpty {
                diagnostics.add(.referralDateBlank, line: r.line)
            } else {
                diagnostics.add(.referralDateInvalid, line: r.line, example: r.string(referral))
            }
            return
        }
        let (y, month, day) = date.components
        let census = month >= 4 ? y + 1 : y
        let counters = year(census)
        counters.referrals += 1
        daily[date.dayNumber, default: 0] += 1
        let id = r[child]
        if Labels.isBlank(id) {
            diagnostics.add(.childIDBlank, line: r.line)
        } else {
            let offset = UInt64(ids.count)
            ids.append(contentsOf: id)
            entries.append(Entry(
                hash: UInt64(bitPattern: Int64(ByteInterner.hash(id))), id: chunk << 56 | UInt64(min(id.count, 0xFFFF)) << 40 | offset,
                day: date.dayNumber, line: UInt32(truncatingIfNeeded: r.line)))
        }
        if Labels.isNoFurtherAction(r[nfa]) { counters.nfa += 1 }
        counters.age[ageBand(r, on: (y, month, day))] += 1
        Self.count(&counters.gender, genders.intern(Labels.label(r[gender])))
        Self.count(&counters.ethnicity, ethnicities.intern(Labels.label(r[ethnicity])))
        Self.count(&counters.source, sources.intern(Labels.sourceCode(r[source])))
        counters.month[(month + 8) % 12] += 1
    }

    @inline(__always)
    static func count(_ counts: inout [Int], _ id: Int) {
        while counts.count <= id { counts.append(0) }
        counts[id] += 1
    }

    /// Index into ReferralFigures.ageBands, from the referral date's year, month and day.
    func ageBand(_ r: CSVRecord, on date: (Int, Int, Int)) -> Int {
        let field = r[birth]
        guard let dob = format.parse(field) else {
            if field.isEmpty {
                diagnostics.add(.birthDateBlank, line: r.line)
            } else {
                diagnostics.add(.birthDateInvalid, line: r.line, example: r.string(birth))
            }
            return 5
        }
        let (by, bm, bd) = dob.components
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

    /// This chunk's figures by name, without re-referrals (those need every chunk).
    func figures() -> [Int: ReferralFigures] {
        var out: [Int: ReferralFigures] = [:]
        for (census, y) in years {
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
            out[census] = f
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
