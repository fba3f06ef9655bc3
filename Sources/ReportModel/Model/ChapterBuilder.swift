import Diagnostics
import CensusIngest
import Indicators
import Statistics

/// Assembles the chapter model for one authority and census year from the indicator table.
public struct ChapterBuilder: Sendable {
    public var table: IndicatorTable
    public var dataset: CensusDataset
    public var isSynthetic: Bool
    /// Years shown in each table and chart, ending at the chapter's year.
    public var window = 5

    public init(table: IndicatorTable, dataset: CensusDataset, isSynthetic: Bool) {
        self.table = table
        self.dataset = dataset
        self.isSynthetic = isSynthetic
    }

    /// A partnership's members, when the chapter is for a partnership; a region's
    /// authorities, or England's regions, when it is for one of those.
    public var members: [Area] = []
    /// Members get rows in the comparison tables (a partnership's few), or only bars in
    /// the charts (a region's many authorities).
    public var membersInTables = true

    public func build(authority: Area, year: Int) -> ChapterModel {
        let neighbours = table.neighbours?.neighbours(of: authority.id) ?? []
        let sections = IndicatorCatalogue.all.map { section($0, authority: authority, year: year) }
        var notes = dataNotes(authority: authority, year: year, neighbours: neighbours)
        switch authority.level {
        case .partnership: notes.insert(contentsOf: partnershipNotes(authority, year: year), at: 0)
        case .regional, .national:
            let what = authority.level == .regional ? "\(authority.name) is a region: it is compared with England, and its \(members.count) authorities are shown beside it in the bar charts" : "England is the benchmark every authority is compared with: its regions are shown beside it in the bar charts"
            notes.insert("\(what). DfE rounds regional and national counts to the nearest 10, so their intervals are widened to allow for it; statistical neighbours, ranks and funnel positions are for authorities only.", at: 0)
        case .localAuthority: break
        }
        notes += dataset.diagnostics.map { "\($0.severity == .note ? "Note" : "Warning") on the inputs: \($0.text(showing: SourceLocation.short, severity: false))" }
        return ChapterModel(
            title: "Children's safeguarding: \(authority.name)",
            authority: authority, year: year, period: PeriodStyle.censusYear.label(year), isSynthetic: isSynthetic,
            neighbourModel: table.model.rawValue,
            neighbourNames: neighbours.map { dataset.areas[$0]?.name ?? $0 }, members: members,
            sections: sections, spine: ComparisonChartBuilder.spine(authority, year: year, table: table),
            factors: factors(authority: authority, year: year), keyMessages: KeyMessages.pick(table: table, authority: authority, year: year), dataNotes: notes, dataNoteDetails: lowReliabilityLeftOut(authority: authority, year: year),
            methods: MethodsText.notes(model: table.model.rawValue), sources: sources(), local: nil)
    }

    func section(_ indicator: IndicatorDefinition, authority: Area, year: Int) -> IndicatorSection {
        let years = Array((year - window + 1)...year)
        let periods = years.map(indicator.periodStyle.label)
        let series = years.map { table.value(indicator.id, area: authority.id, year: $0) }
        let current = series.last ?? nil
        var notes: [String] = []
        let sentence: String
        var details: [String] = []
        if let current {
            sentence = Narrative.headline(current, authority: authority)
            details = Narrative.details(current, previous: table.value(indicator.id, area: authority.id, year: year - 1), authority: authority)
            if let sn = current.neighbours, sn.used < sn.neighbours {
                let reasons = sn.missingReasons.map(\.explanation).joined(separator: " or ")
                notes.append("The statistical neighbour average for \(current.period) uses \(sn.used) of \(sn.neighbours) neighbours; the others' figures were \(reasons).")
            }
        } else {
            let when = indicator.periodStyle == .censusYear ? "In \(indicator.periodStyle.label(year))" : "At 30 September \(year)"
            sentence = "\(when) no figure for \(authority.possessive) \(indicator.phrase) was published in the data given."
        }
        var boundaryKey: String?
        let coverage = table.coverage(indicator.id, year: year)
        if coverage.withValue < coverage.authorities {
            let hidden = coverage.authorities - coverage.withValue
            let symbols = coverage.missing.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            notes.append("In \(indicator.periodStyle.label(year)), \(hidden) of \(coverage.authorities) authorities \(hidden == 1 ? "has" : "have") no published figure for this indicator (\(symbols)), so ranks, bands and neighbour averages cover the other \(coverage.withValue).")
        }
        // A partnership's figures stop where a member's boundary changed, as a member's do.
        let span = years.first!...years.last!
        let changed = ([authority] + (authority.level == .partnership ? members : [])).lazy.compactMap { area in
            BoundaryChange.affecting(area.id).flatMap { $0.crosses(span, for: area.id) ? ($0, area) : nil }
        }.first
        if let (change, area) = changed {
            notes.append(BoundaryNarrative.note(change, authority: area, areas: dataset.areas))
            boundaryKey = "boundary change in \(change.effective): figures before \(PeriodStyle.censusYear.label(change.firstCensusYear)) are for different areas and are not joined"
        }
        var rows: [(String, ComparisonTable.Role, (IndicatorValue) -> Figure?, [IndicatorValue?])] = [
            (authority.name, .authority, { $0.value }, series),
            ("Statistical neighbours (mean)", .neighbours, { $0.neighbours?.mean }, series),
            (authority.regionName.isEmpty ? "Region" : authority.regionName, .region, { $0.region }, series),
            ("England", .england, { $0.england }, series),
        ]
        if authority.level == .regional || authority.level == .national {
            // A region against England; England against nothing but its own past.
            rows.removeAll { $0.1 == .neighbours || $0.1 == .region || (authority.level == .national && $0.1 == .england) }
        }
        if !members.isEmpty && membersInTables {
            // A partnership: each member in place of the neighbours' mean, and each member's
            // region where they differ.
            let memberRows = members.map { m in (m.name, ComparisonTable.Role.member, { (v: IndicatorValue) in v.value } as (IndicatorValue) -> Figure?, years.map { table.value(indicator.id, area: m.id, year: $0) }) }
            rows.replaceSubrange(1...1, with: memberRows)
            if authority.regionName.isEmpty && authority.level == .partnership {
                let regionRows = Dictionary(grouping: members, by: \.regionCode).keys.sorted().compactMap { code -> (String, ComparisonTable.Role, (IndicatorValue) -> Figure?, [IndicatorValue?])? in
                    guard let region = dataset.areas[code] else { return nil }
                    return (region.name, .region, { $0.value }, years.map { table.value(indicator.id, area: code, year: $0) })
                }
                rows.removeAll { $0.1 == .region }
                rows.insert(contentsOf: regionRows, at: rows.count - 1)
            }
        }
        var symbols: Set<String> = []
        var tableRows = rows.map { label, role, pick, values in
            ComparisonTable.Row(label: label, role: role, cells: values.map { v -> Shown in
                let shown = Shown(v.flatMap(pick))
                switch shown {
                case .absent: symbols.insert(Shown.absentSymbol)
                case .missing(let symbol): symbols.insert(symbol)
                default: break
                }
                return shown
            })
        }
        if indicator.interval != .none {
            let intervals = series.map { v -> Shown in v?.ci95.map { .interval(lower: $0.lower, upper: $0.upper) } ?? .absent }
            tableRows.insert(ComparisonTable.Row(label: "\(authority.name): 95% confidence interval", role: .interval, cells: intervals), at: 1)
        }
        // Counts beside the rates: the number behind each year's figure.
        let counts = series.map { v -> Shown in v.map { $0.numerator.value.map { .count($0, of: indicator.counts) } ?? Shown($0.numerator) } ?? .absent }
        var countRows = [ComparisonTable.Row(label: "\(authority.name): \(indicator.counts.many) (number)", role: .count, cells: counts)]
        if let whole = indicator.denominatorCounts {
            let isCount = indicator.unit.isPercentage
            let denominators = series.map { v -> Shown in
                v.map { row in row.denominator.value.map { isCount ? .count($0, of: whole) : .value($0) } ?? Shown(row.denominator) } ?? .absent
            }
            countRows.append(ComparisonTable.Row(label: "\(authority.name): \(whole.many) (number)", role: .denominator, cells: denominators))
        }
        // Data-quality flags beside the figures they qualify.
        if series.contains(where: { !($0?.quality.isEmpty ?? true) }) {
            let flags = series.map { v -> Shown in
                guard let v else { return .absent }
                guard !v.quality.isEmpty else { return .note("none") }
                return .note(v.quality.map(\.short).joined(separator: "; "))
            }
            countRows.append(ComparisonTable.Row(label: "\(authority.name): needs care (data quality)", role: .quality, cells: flags))
        }
        tableRows.insert(contentsOf: countRows, at: indicator.interval != .none ? 2 : 1)
        let comparison = ComparisonTable(
            caption: "\(indicator.title) (\(indicator.unit.name)), \(authority.name) and comparators, \(periods.first!) to \(periods.last!)",
            unit: indicator.unit, columns: periods, rows: tableRows, key: keyLines(symbols) + (boundaryKey.map { [$0] } ?? []))
        let chart = TrendChartBuilder.chart(indicator, authority: authority, periods: periods, series: series)
        return IndicatorSection(
            indicator: indicator, current: current, sentence: sentence, details: details, notes: notes, table: comparison, chart: chart,
            neighbourChart: current.flatMap { ComparisonChartBuilder.neighbours(indicator, $0, table: table, areas: dataset.areas, members: members) },
            funnel: current.flatMap { ComparisonChartBuilder.funnel(indicator, $0, table: table) })
    }

    func keyLines(_ symbols: Set<String>) -> [String] {
        symbols.sorted().map { symbol in
            symbol == Shown.absentSymbol ? "–: no figure for this area and period"
                : "\(symbol): \(Missing(symbol: symbol)?.reason.explanation ?? "not available")"
        }
    }

    func sources() -> [SourceNote] {
        var notes: [SourceNote] = []
        for kind in SourceKind.allCases {
            for t in dataset.tables(kind) {
                notes.append(SourceNote(
                    file: SourceLocation.short(t.path), title: kind.title,
                    years: t.yearRange.map { "\($0.lowerBound) to \($0.upperBound)" } ?? "", rows: t.rowsRead, sha256: t.sha256))
            }
        }
        for model in StatisticalNeighbours.Model.allCases {
            if let n = dataset.neighbours(model) {
                notes.append(SourceNote(file: SourceLocation.short(n.path), title: "DfE statistical neighbours, \(model.rawValue) model", years: "", rows: n.groups.count, sha256: n.sha256))
            }
        }
        return notes
    }
}
