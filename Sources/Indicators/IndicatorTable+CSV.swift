import CensusIngest
import Foundation
import Statistics

extension IndicatorTable {
    /// The tidy CSV columns, in order. The first fourteen are a contract.
    public static let csvColumns = [
        "indicator", "time_period", "geographic_level", "new_la_code", "old_la_code", "area_name",
        "numerator", "denominator", "value", "status", "sn_mean", "sn_median", "england_value", "region_value",
        "ci95_lower", "ci95_upper", "ci998_lower", "ci998_upper", "ci_method", "vs_england", "vs_region", "vs_sn",
        "sn_count", "sn_min", "sn_max", "rank", "rank_of", "quartile_band", "change", "trend", "funnel",
        "period", "area_code", "region_name", "published_value", "published_release", "sn_model", "sn_position",
        "counts_rounded", "boundary_change",
        "od_phi", "od_tau2", "od_lower95", "od_upper95", "od_lower998", "od_upper998", "od_position",
        "quality", "value_basis", "joint_return", "trend_chance_alone", "vs_england_chance_alone", "vs_england_basis",
    ]

    /// The table as CSV: one row per indicator, area and year; England, regions, then
    /// authorities; values at full precision. Cells that a spreadsheet would run as a formula
    /// are prefixed with an apostrophe.
    ///
    /// With a `note`, a last column `note` repeats it on every row (used to mark synthetic data).
    public func csv(rows selected: [IndicatorValue]? = nil, note: String? = nil) -> String {
        var out = (Self.csvColumns + (note == nil ? [] : ["note"])).joined(separator: ",") + "\n"
        let ordered = (selected ?? rows).sorted {
            ($0.indicator.id, $0.area.level, $0.area.id, $0.year) < ($1.indicator.id, $1.area.level, $1.area.id, $1.year)
        }
        for row in ordered {
            out += (csvCells(row) + (note.map { [$0] } ?? [])).map(CSVText.escape).joined(separator: ",") + "\n"
        }
        return out
    }

    func csvCells(_ row: IndicatorValue) -> [String] {
        let isLA = row.area.level == .localAuthority
        let sn = row.neighbours
        let polarity = row.indicator.polarity
        let verdict = row.verdict
        let number = { (x: Double?) in x.map { CSVText.number(.value($0)) } ?? "" }
        var method = row.ci95?.method.rawValue ?? ""
        if row.ci95?.fromRoundedCount == true { method += " (widened: counts rounded to the nearest 10)" }
        return [
            row.indicator.id.rawValue, String(row.year), row.area.level.rawValue,
            isLA ? row.area.newCode : "", isLA || row.area.level == .partnership ? row.area.oldCode : "", row.area.name,
            CSVText.number(row.numerator), CSVText.number(row.denominator), CSVText.number(row.value),
            row.value.missing?.symbol ?? "",
            CSVText.number(sn?.mean), CSVText.number(sn?.median),
            isLA ? CSVText.number(row.england) : "", isLA ? CSVText.number(row.region) : "",
            number(row.ci95?.lower), number(row.ci95?.upper), number(row.ci998?.lower), number(row.ci998?.upper), method,
            verdict.england.csv, verdict.region.csv, verdict.neighbours.csv,
            sn.map { "\($0.used)/\($0.neighbours)" } ?? "", CSVText.number(sn?.minimum), CSVText.number(sn?.maximum),
            row.rank.map { String($0.rank) } ?? "", row.rank.map { String($0.of) } ?? "", row.rank?.band.rawValue ?? "",
            row.change.map { number($0) } ?? row.changeMissing?.symbol ?? "", row.trend?.label ?? "", row.funnel?.rawValue ?? "",
            row.period, isLA ? row.area.newCode : row.area.id, row.area.regionName,
            CSVText.number(row.published?.value), row.published.map { String($0.release) } ?? "",
            sn == nil ? "" : model.rawValue, row.neighbourPosition.map { "\($0.position) of \($0.of)" } ?? "",
            row.countsRounded ? "nearest 10" : "",
            row.boundaryChange.map { BoundaryText.short($0) } ?? "",
            number(row.overdispersion?.phi), number(row.overdispersion?.tau2),
            number(row.overdispersion?.limits.lower95), number(row.overdispersion?.limits.upper95),
            number(row.overdispersion?.limits.lower99_8), number(row.overdispersion?.limits.upper99_8),
            row.overdispersion?.limits.position.rawValue ?? "",
            row.quality.map(\.rawValue).joined(separator: ";"), row.basis.label,
            row.jointReturn.map { $0.codes.joined(separator: " / ") } ?? "",
            row.trendChanceAlone?.label ?? "", row.vsEnglandChanceAlone?.label(polarity) ?? "",
            verdict.englandBasis == .notTested ? "" : verdict.englandBasis.rawValue,
        ]
    }
}

/// CSV cell text: full-precision numbers, symbols for missing values, safe escaping.
public enum CSVText {
    /// A figure at full precision ("3803", "503.04898212939327"); the symbol if missing.
    public static func number(_ figure: Figure?) -> String {
        guard let figure else { return "" }
        switch figure {
        case .missing(let m): return m.symbol
        case .value(let v):
            if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
            return String(v)
        }
    }

    /// Quotes a cell when needed, and defuses spreadsheet formulas: text that is not a
    /// number and starts with = + - @, tab or carriage return gets a leading apostrophe
    /// (OWASP's advice for CSV injection).
    public static func escape(_ cell: String) -> String {
        var text = cell
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Words for boundary changes.
public enum BoundaryText {
    /// "909 → 942, 943 from 2023-24".
    public static func short(_ change: BoundaryChange) -> String {
        "\(change.predecessors.joined(separator: ", ")) → \(change.successors.joined(separator: ", ")) from \(PeriodStyle.censusYear.label(change.firstCensusYear))"
    }
}
