import CensusIngest
import Indicators
import ReportModel
import Statistics

extension ChapterWorkbook {
    /// The Figures sheet's columns, with their widths; cells are written by column name.
    static let figureLayout: [(title: String, width: Double)] = [
        ("Indicator", 44), ("Indicator id", 24), ("Period", 10), ("Area", 28), ("Area code", 12), ("Compared as", 20),
        ("Count", 10), ("Denominator", 12), ("Value", 10), ("Status", 8),
        ("95% lower", 10), ("95% upper", 10), ("99.8% lower", 11), ("99.8% upper", 11),
        ("Against England", 16), ("Against England decided by", 22), ("Beyond adjusted 99.8% limits", 14),
        ("Against region", 16), ("Against neighbours' mean", 18),
        ("Five-year trend", 20), ("Quality flags", 30),
        ("Rank", 6), ("Of", 6), ("Quartile band", 8),
        ("Against England, chance alone", 18), ("Five-year trend, chance alone", 20), ("Funnel plot, chance alone", 22), ("Unit", 34),
    ]
    static var figureColumns: [String] { figureLayout.map(\.title) }

    static func column(_ title: String) -> Int { figureLayout.firstIndex { $0.title == title }! }

    /// Every indicator and year for the compared areas, one row each.
    func figures(_ book: XLSXBook) throws {
        let sheet = try book.sheet("Figures")
        sheet.header(0, Self.figureColumns)
        var r = 1
        for indicator in IndicatorCatalogue.all {
            for (id, role) in areas {
                for v in table.series(indicator.id, area: id) {
                    row(v, role: role, sheet: sheet, r)
                    r += 1
                }
            }
        }
        sheet.widths(Self.figureLayout.map(\.width))
        sheet.freezeHeader()
        sheet.autofilter(lastRow: r - 1, lastColumn: Self.figureColumns.count - 1)
        sheet.printSetUp()
    }

    func row(_ v: IndicatorValue, role: String, sheet: XLSXSheet, _ r: Int) {
        let unit = v.indicator.unit
        let code = v.area.level == .localAuthority ? v.area.newCode : v.area.id
        let c = Self.column
        sheet.text(r, c("Indicator"), v.indicator.title)
        sheet.text(r, c("Indicator id"), v.indicator.id.rawValue)
        sheet.text(r, c("Period"), v.period)
        sheet.text(r, c("Area"), v.area.name)
        sheet.text(r, c("Area code"), code)
        sheet.text(r, c("Compared as"), role)
        Self.write(v.numerator, unit: nil, to: sheet, r, c("Count"))
        Self.write(v.denominator, unit: nil, to: sheet, r, c("Denominator"))
        Self.write(v.value, unit: unit, to: sheet, r, c("Value"))
        if let m = v.value.missing { sheet.text(r, c("Status"), m.symbol) }
        for (title, bound) in [("95% lower", v.ci95?.lower), ("95% upper", v.ci95?.upper), ("99.8% lower", v.ci998?.lower), ("99.8% upper", v.ci998?.upper)] {
            if let bound { Self.write(.value(bound), unit: unit, to: sheet, r, c(title)) }
        }
        let isAuthority = v.area.level == .localAuthority || v.area.level == .partnership
        let verdict = v.verdict
        if isAuthority || v.area.level == .regional {
            sheet.text(r, c("Against England"), VerdictWords.cell(verdict.england))
            sheet.text(r, c("Against England decided by"), verdict.englandBasis.rawValue)
            if verdict.englandBasis == .adjustedLimits { sheet.text(r, c("Beyond adjusted 99.8% limits"), verdict.beyondAdjusted99_8 ? "yes" : "no") }
            sheet.text(r, c("Against England, chance alone"), Judgement(v.vsEnglandChanceAlone, polarity: v.indicator.polarity).words)
        }
        if isAuthority {
            sheet.text(r, c("Against region"), VerdictWords.cell(verdict.region))
            sheet.text(r, c("Against neighbours' mean"), VerdictWords.cell(verdict.neighbours))
            if !v.quality.isEmpty { sheet.text(r, c("Quality flags"), v.quality.map(\.short).joined(separator: "; ")) }
        }
        if let rank = v.rank {
            sheet.number(r, c("Rank"), Double(rank.rank))
            sheet.number(r, c("Of"), Double(rank.of))
            sheet.text(r, c("Quartile band"), rank.band.rawValue)
        }
        if let trend = v.trend { sheet.text(r, c("Five-year trend"), VerdictWords.trend(trend)) }
        if let trend = v.trendChanceAlone { sheet.text(r, c("Five-year trend, chance alone"), VerdictWords.trend(trend)) }
        if let funnel = v.funnel { sheet.text(r, c("Funnel plot, chance alone"), funnel.rawValue) }
        sheet.text(r, c("Unit"), unit.name)
    }

    /// The latest year's comparison (authority, neighbours, region, England) and the trend.
    func indicatorSheet(_ book: XLSXBook, _ section: IndicatorSection, name: String) throws {
        let sheet = try book.sheet(name)
        let unit = section.indicator.unit
        sheet.text(0, 0, section.title, bold: true)
        sheet.text(1, 0, section.sentence)
        let period = section.indicator.periodStyle.label(model.year)
        sheet.text(3, 0, "\(period): \(model.authority.name), its statistical neighbours, region and England (\(unit.name))", bold: true)
        sheet.header(4, ["Area", "Compared as", "Count", "Denominator", "Value", "95% lower", "95% upper", "Status"])
        var r = 5
        for (id, role) in areas {
            guard let v = table.value(section.id, area: id, year: model.year) else { continue }
            sheet.text(r, 0, v.area.name)
            sheet.text(r, 1, role)
            Self.write(v.numerator, unit: nil, to: sheet, r, 2)
            Self.write(v.denominator, unit: nil, to: sheet, r, 3)
            Self.write(v.value, unit: unit, to: sheet, r, 4)
            if let ci = v.ci95 {
                Self.write(.value(ci.lower), unit: unit, to: sheet, r, 5)
                Self.write(.value(ci.upper), unit: unit, to: sheet, r, 6)
            }
            if let m = v.value.missing { sheet.text(r, 7, m.symbol) }
            r += 1
        }
        r += 1
        sheet.text(r, 0, section.table.caption, bold: true)
        r += 1
        sheet.header(r, ["Area"] + section.table.columns)
        for row in section.table.rows {
            r += 1
            sheet.text(r, 0, row.label)
            // An interval row becomes two rows of numbers (lower, upper), never text.
            if row.cells.contains(where: { if case .interval = $0 { true } else { false } }) {
                sheet.text(r, 0, row.label + ": lower")
                sheet.text(r + 1, 0, row.label + ": upper")
                for (i, cell) in row.cells.enumerated() {
                    if case .interval(let lower, let upper) = cell {
                        Self.write(.value(lower), unit: unit, to: sheet, r, i + 1)
                        Self.write(.value(upper), unit: unit, to: sheet, r + 1, i + 1)
                    } else {
                        sheet.text(r, i + 1, cell.text(places: unit.decimals))
                    }
                }
                r += 1
                continue
            }
            for (i, cell) in row.cells.enumerated() {
                switch cell {
                case .value(let x): Self.write(.value(x), unit: unit, to: sheet, r, i + 1)
                case .interval: break  // written as two rows of numbers above
                case .count(let n): sheet.number(r, i + 1, n, format: "#,##0")
                case .quantity(let n): sheet.number(r, i + 1, n, format: "#,##0.0")
                case .missing(let symbol): sheet.text(r, i + 1, symbol)
                case .note(let text): sheet.text(r, i + 1, text)
                case .absent: sheet.text(r, i + 1, Shown.absentSymbol)
                }
            }
        }
        for key in section.table.key {
            r += 1
            sheet.text(r, 0, key)
        }
        sheet.widths([40, 20, 12, 12, 12, 12, 12, 8])
        sheet.freezeHeader(rows: 5)
        sheet.printSetUp(headerRows: 0)
    }
}
