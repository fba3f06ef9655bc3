import CSVReader

/// Accumulates one chunk of an extract: counts per census year as rows stream past, and
/// one linking record per linkable referral (its child's key, day and line: see
/// ``LinkRecord``) for the re-referral test once all chunks are read, held or spilled by
/// the chunk's ``LinkSpill``.
final class ReferralAggregator {
    // Here, `@exclusivity(unchecked)`: an aggregator belongs to one chunk's
    // thread and is never re-entered, so the per-access runtime check (a tenth of the
    // extract's time in perf) guards nothing.

    let format: DateFormat
    let spill: LinkSpill
    let genders = ByteInterner(capacity: 16), ethnicities = ByteInterner(capacity: 64), sources = ByteInterner(capacity: 64)
    /// Each label column's distinct raw values worked out once, not once a row.
    @exclusivity(unchecked) var rawGenders = FieldMemo(), rawEthnicities = FieldMemo(), rawSources = FieldMemo()
    /// Counts by month (so a period of whole months has its own breakdowns).
    let months = MonthCounters()
    @exclusivity(unchecked) var daily = DailyCounts()
    @exclusivity(unchecked) var diagnostics = ExtractDiagnostics()
    @exclusivity(unchecked) var rows = 0
    /// The latest referral date after the last one counted (how far the file reaches).
    @exclusivity(unchecked) var latestBeyond = Int32.min
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

    init(layout: ExtractLayout, format: DateFormat, spill: LinkSpill, detecting: Bool = false, lastDay: CivilDate? = nil) {
        let range = DateRange.referrals
        inRange = range
        lastCounted = min(range.upperBound, lastDay?.dayNumber ?? range.upperBound)
        self.detecting = detecting
        self.spill = spill
        self.format = format
        child = layout[.childID]!
        referral = layout[.dateOfReferral]!
        birth = layout[.dateOfBirth]!
        gender = layout[.gender]!
        ethnicity = layout[.ethnicity]!
        source = layout[.source]!
        nfa = layout[.nfa]!
    }

    func add(_ r: CSVRecord) throws {
        rows += 1
        if r.startsWithByteOrderMark { diagnostics.add(.byteOrderMark, line: r.line) }
        let dateField = r[referral]
        // A row of empty fields (Excel leaves them below the data) is no referral: skipped
        // without a word.
        if dateField.isEmpty, (0..<r.count).allSatisfy({ r[$0].isEmpty }) { return }
        var parsed: (date: CivilDate, year: Int, month: Int, day: Int)?
        if detecting, !dateField.isEmpty {
            // One scan of the field for the vote; day-first, its parts are the date's.
            let (formats, parts) = FormatVotes.readers(dateField)
            formatVotes.count(readers: formats, line: r.line)
            if format == .dayMonthYear {
                // The vote found the parts a real day-first date: no need to check them again.
                if formats & 1 != 0, let (d, m, y) = parts { parsed = (CivilDate(dayNumber: Int32(CivilDate.daysFromCivil(y, m, d))), y, m, d) }
            } else {
                parsed = format.parseParts(dateField)
            }
        } else {
            parsed = format.parseParts(dateField)
        }
        guard let (date, y, month, day) = parsed else {
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
        guard date.dayNumber <= lastCounted else {
            latestBeyond = max(latestBeyond, date.dayNumber)
            return
        }
        let census = month >= 4 ? y + 1 : y
        let m = MonthCounters.slot(census: census, month: (month + 8) % 12)
        months.addReferral(m)
        daily.add(date.dayNumber)
        let id = r[child]
        if Labels.isBlank(id) {
            diagnostics.add(.childIDBlank, line: r.line)
        } else {
            let key = ChildKey.of(id)
            try spill.add(LinkRecord(key: key, day: date.dayNumber, line: UInt32(truncatingIfNeeded: r.line)), partition: LinkRecord.partition(key, of: spill.partitions))
        }
        if Labels.isNoFurtherAction(r[nfa]) { months.addNoFurtherAction(m) }
        months.addAge(m, ageBand(r, on: y * 10_000 + month * 100 + day))
        let g = r[gender], e = r[ethnicity], s = r[source]
        months.addLabel(m, .gender, rawGenders.label(g) ?? rawGenders.remember(g, genders.intern(Labels.label(g))))
        months.addLabel(m, .ethnicity, rawEthnicities.label(e) ?? rawEthnicities.remember(e, ethnicities.intern(Labels.label(e))))
        months.addLabel(m, .source, rawSources.label(s) ?? rawSources.remember(s, sources.intern(Labels.sourceCode(s))))
    }

    /// Index into ReferralFigures.ageBands, from the referral date as yyyymmdd: whole
    /// years are then the difference of the two dates so written, over 10,000 (a birthday
    /// not yet reached this year leaves it short of the next 10,000).
    func ageBand(_ r: CSVRecord, on referral: Int) -> Int {
        let field = r[birth]
        guard let (by, bm, bd) = format.validParts(field) else {
            if field.isEmpty {
                diagnostics.add(.birthDateBlank, line: r.line)
            } else {
                diagnostics.add(.birthDateInvalid, line: r.line, example: r.string(birth))
            }
            return 5
        }
        let born = by * 10_000 + bm * 100 + bd
        guard born <= referral else {
            diagnostics.add(.birthAfterReferral, line: r.line)
            return 5
        }
        switch (referral - born) / 10_000 {
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
        for slot in 0..<MonthCounters.slots where months.referrals(slot) > 0 {
            let key = MonthCounters.key(slot), census = key / 100, i = key % 100
            var f = ReferralFigures(year: census)
            f.referrals = months.referrals(slot)
            f.nfa = months.noFurtherAction(slot)
            f.byAge = Self.named(months.ages(slot)) { ReferralFigures.ageBands[$0] }
            f.byGender = Self.named(months.labels(slot, .gender, count: genders.count), genders.string)
            f.byEthnicity = Self.named(months.labels(slot, .ethnicity, count: ethnicities.count), ethnicities.string)
            f.bySource = Self.named(months.labels(slot, .source, count: sources.count), sources.string)
            let month = (i + 3) % 12 + 1
            f.byMonth = ["\(month >= 4 ? census - 1 : census)-\(month < 10 ? "0" : "")\(month)": f.referrals]
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
