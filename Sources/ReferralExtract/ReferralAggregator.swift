import CSVReader

/// Accumulates one extract: counts per census year as rows stream past, plus one packed
/// (child, day) key per linkable referral for the re-referral test at the end.
final class ReferralAggregator {
    struct Entry: Comparable {
        var key: UInt64
        var line: UInt32
        static func < (a: Entry, b: Entry) -> Bool { (a.key, a.line) < (b.key, b.line) }
    }

    /// Counters for one census year; breakdowns indexed by interned label id.
    final class Year {
        var referrals = 0, nfa = 0, rereferrals = 0
        var age = [Int](repeating: 0, count: 6)
        var gender: [Int] = [], ethnicity: [Int] = [], source: [Int] = []
        var month = [Int](repeating: 0, count: 12)
    }

    static let dayBase: Int32 = -25_567  // 1900-01-01

    let layout: ExtractLayout
    let format: DateFormat
    let children = ByteInterner(capacity: 1 << 16)
    let genders = ByteInterner(capacity: 16), ethnicities = ByteInterner(capacity: 64), sources = ByteInterner(capacity: 64)
    var entries: [Entry] = []
    var years: [Int: Year] = [:]
    var daily: [Int32: Int] = [:]
    var diagnostics = ExtractDiagnostics()
    let child: Int, referral: Int, birth: Int, gender: Int, ethnicity: Int, source: Int, nfa: Int

    init(layout: ExtractLayout, format: DateFormat) {
        self.layout = layout
        self.format = format
        child = layout[.childID]!
        referral = layout[.dateOfReferral]!
        birth = layout[.dateOfBirth]!
        gender = layout[.gender]!
        ethnicity = layout[.ethnicity]!
        source = layout[.source]!
        nfa = layout[.nfa]!
    }

    func add(_ r: CSVRecord) {
        let dateField = r[referral]
        guard let date = format.parse(dateField) else {
            if dateField.isEmpty {
                diagnostics.add(.referralDateBlank, line: r.line)
            } else {
                diagnostics.add(.referralDateInvalid, line: r.line, example: r.string(referral))
            }
            return
        }
        let census = date.censusYear
        let year = years[census] ?? { let y = Year(); years[census] = y; return y }()
        year.referrals += 1
        daily[date.dayNumber, default: 0] += 1
        let id = r[child]
        if Labels.isBlank(id) {
            diagnostics.add(.childIDBlank, line: r.line)
        } else {
            let childIndex = UInt64(children.intern(id))
            let day = UInt64(Int64(date.dayNumber - Self.dayBase))
            entries.append(Entry(key: childIndex << 20 | day, line: UInt32(truncatingIfNeeded: r.line)))
        }
        if Labels.isNoFurtherAction(r[nfa]) { year.nfa += 1 }
        year.age[ageBand(r, referral: date)] += 1
        Self.count(&year.gender, genders.intern(Labels.label(r[gender])))
        Self.count(&year.ethnicity, ethnicities.intern(Labels.label(r[ethnicity])))
        Self.count(&year.source, sources.intern(Labels.sourceCode(r[source])))
        let (_, month, _) = date.components
        year.month[(month + 8) % 12] += 1
    }

    @inline(__always)
    static func count(_ counts: inout [Int], _ id: Int) {
        while counts.count <= id { counts.append(0) }
        counts[id] += 1
    }

    /// Index into ReferralFigures.ageBands.
    func ageBand(_ r: CSVRecord, referral date: CivilDate) -> Int {
        let field = r[birth]
        guard let dob = format.parse(field) else {
            if field.isEmpty {
                diagnostics.add(.birthDateBlank, line: r.line)
            } else {
                diagnostics.add(.birthDateInvalid, line: r.line, example: r.string(birth))
            }
            return 5
        }
        guard dob <= date else {
            diagnostics.add(.birthAfterReferral, line: r.line)
            return 5
        }
        switch dob.completedYears(on: date) {
        case ..<1: return 0
        case 1...4: return 1
        case 5...9: return 2
        case 10...15: return 3
        default: return 4
        }
    }

    func finish(path: String, rows: Int, detected: Bool) -> ReferralExtract {
        entries.sort()
        var previousChild = UInt64.max, lastDay: Int32 = 0, previousDistinct: Int32?
        var previousKey = UInt64.max
        for entry in entries {
            let childIndex = entry.key >> 20
            let day = Int32(entry.key & 0xFFFFF) + Self.dayBase
            if childIndex != previousChild {
                previousChild = childIndex
                previousDistinct = nil
                lastDay = day
            } else if day != lastDay {
                previousDistinct = lastDay
                lastDay = day
            }
            if entry.key == previousKey { diagnostics.add(.duplicate, line: Int(entry.line)) }
            previousKey = entry.key
            let date = CivilDate(dayNumber: day)
            if let p = previousDistinct, p >= date.oneYearBefore.dayNumber {
                years[date.censusYear]?.rereferrals += 1
            }
        }
        var figures: [Int: ReferralFigures] = [:]
        for (census, y) in years {
            var f = ReferralFigures(year: census)
            f.referrals = y.referrals
            f.rereferrals = y.rereferrals
            f.nfa = y.nfa
            f.byAge = Self.named(y.age) { ReferralFigures.ageBands[$0] }
            f.byGender = Self.named(y.gender, genders.string)
            f.byEthnicity = Self.named(y.ethnicity, ethnicities.string)
            f.bySource = Self.named(y.source, sources.string)
            f.byMonth = Self.named(y.month) { i in
                let month = (i + 3) % 12 + 1
                return "\(month >= 4 ? census - 1 : census)-\(month < 10 ? "0" : "")\(month)"
            }
            figures[census] = f
        }
        let days = daily.keys
        return ReferralExtract(
            path: path, rowsRead: rows, dateFormat: format, dateFormatDetected: detected, figures: figures,
            daily: Dictionary(uniqueKeysWithValues: daily.map { (CivilDate(dayNumber: $0.key), $0.value) }),
            firstDate: days.min().map(CivilDate.init(dayNumber:)), lastDate: days.max().map(CivilDate.init(dayNumber:)),
            diagnostics: diagnostics)
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
