import CensusIngest
import Indicators
import ReportModel
import Statistics

extension ChapterWorkbook {
    static let figureColumns = [
        "Indicator", "Indicator id", "Period", "Area", "Area code", "Compared as", "Count", "Denominator", "Value", "Status",
        "95% lower", "95% upper", "99.8% lower", "99.8% upper", "Against England", "Against region", "Against neighbours' mean",
        "Rank", "Of", "Quartile band", "Five-year trend", "Funnel plot", "Unit",
    ]

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
        sheet.widths([44, 24, 10, 28, 12, 20, 10, 12, 10, 8, 10, 10, 11, 11, 18, 18, 22, 6, 6, 8, 22, 22, 34])
        sheet.freezeHeader()
        sheet.autofilter(lastRow: r - 1, lastColumn: Self.figureColumns.count - 1)
    }

    func row(_ v: IndicatorValue, role: String, sheet: XLSXSheet, _ r: Int) {
        let unit = v.indicator.unit
        let code = v.area.level == .localAuthority ? v.area.newCode : v.area.id
        sheet.text(r, 0, v.indicator.title)
        sheet.text(r, 1, v.indicator.id.rawValue)
        sheet.text(r, 2, v.period)
        sheet.text(r, 3, v.area.name)
        sheet.text(r, 4, code)
        sheet.text(r, 5, role)
        Self.write(v.numerator, unit: nil, to: sheet, r, 6)
        Self.write(v.denominator, unit: nil, to: sheet, r, 7)
        Self.write(v.value, unit: unit, to: sheet, r, 8)
        if let m = v.value.missing { sheet.text(r, 9, m.symbol) }
        for (i, bound) in [v.ci95?.lower, v.ci95?.upper, v.ci998?.lower, v.ci998?.upper].enumerated() {
            if let bound { Self.write(.value(bound), unit: unit, to: sheet, r, 10 + i) }
        }
        let isAuthority = v.area.level == .localAuthority
        for (i, test) in [v.vsEngland, v.vsRegion, v.vsNeighbours].enumerated() where isAuthority {
            sheet.text(r, 14 + i, Judgement(test, polarity: v.indicator.polarity).words)
        }
        if let rank = v.rank {
            sheet.number(r, 17, Double(rank.rank))
            sheet.number(r, 18, Double(rank.of))
            sheet.text(r, 19, rank.band.rawValue)
        }
        if let trend = v.trend { sheet.text(r, 20, trend.label) }
        if let funnel = v.funnel { sheet.text(r, 21, funnel.rawValue) }
        sheet.text(r, 22, unit.name)
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
            for (i, cell) in row.cells.enumerated() {
                switch cell {
                case .value(let x): Self.write(.value(x), unit: unit, to: sheet, r, i + 1)
                case .interval: sheet.text(r, i + 1, cell.text(places: unit.decimals) + (unit.isPercentage ? "%" : ""))
                case .count(let n): sheet.number(r, i + 1, n, format: "#,##0")
                case .quantity(let n): sheet.number(r, i + 1, n, format: "#,##0.0")
                case .missing(let symbol): sheet.text(r, i + 1, symbol)
                case .note(let text): sheet.text(r, i + 1, text)
                case .absent: sheet.text(r, i + 1, "–")
                }
            }
        }
        for key in section.table.key {
            r += 1
            sheet.text(r, 0, key)
        }
        sheet.widths([40, 20, 12, 12, 12, 12, 12, 8])
    }
}
