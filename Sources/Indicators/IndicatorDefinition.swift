import CensusIngest
import Statistics

/// A published measure, by the file kind and the column names each release used; or the
/// sum of several such columns (ICPCs within 15 working days: the 0–10 and 11–15 day bands).
public struct MeasureSource: Sendable {
    public var kind: SourceKind
    /// Each column summed, as the names each release used for it, newest release's name
    /// first (`[["referral_count", "Referrals"]]`: 2025, 2023).
    public var columns: [[String]]
    /// The row category to use where a file has several (children looked after).
    public var category: String?

    /// The first (usually only) column's names.
    public var names: [String] { columns[0] }

    public init(_ kind: SourceKind, _ names: [String], category: String? = nil) {
        self.init(kind, sum: [names], category: category)
    }

    /// The sum of several columns of the same file, area and year. A suppressed or missing
    /// part makes the sum missing for the same reason, never a partial sum.
    public init(_ kind: SourceKind, sum columns: [[String]], category: String? = nil) {
        precondition(!columns.isEmpty)
        self.kind = kind
        self.columns = columns
        self.category = category
    }

    /// The measure for an area and year, from the first table (newest release first) with
    /// every column, and that table.
    public func figure(in dataset: CensusDataset, area: String, year: Int) -> (figure: Figure, table: SourceTable)? {
        for table in dataset.tables(kind) {
            guard let figure = figure(in: table, area: area, year: year) else { continue }
            return (figure, table)
        }
        return nil
    }

    /// The measure from one table, or nil when the table lacks a column or the row.
    public func figure(in table: SourceTable, area: String, year: Int) -> Figure? {
        var parts: [Figure] = []
        for names in columns {
            guard let column = table.column(among: names), let part = table.figure(column, area: area, year: year, category: category) else { return nil }
            parts.append(part)
        }
        return Figure.sum(parts)
    }

    /// True when `table` has every column.
    public func isIn(_ table: SourceTable) -> Bool { columns.allSatisfy { table.column(among: $0) != nil } }
}

/// What an indicator is divided by.
public enum Denominator: Sendable {
    /// ONS mid-year estimate of children aged 0 to 17, for mid-(census year − 1).
    case childPopulation
    /// Another measure from the same file, area and year.
    case measure(MeasureSource)
}

/// Which confidence interval fits an indicator.
public enum IntervalKind: Sendable {
    /// A count over a population: Byar (count ≥ 10) or exact Poisson.
    case poissonRate
    /// Part of a whole: Wilson score.
    case wilsonPercentage
    /// No interval (a ratio of two measured quantities, such as caseload).
    case none
}

/// How an indicator's periods are written.
public enum PeriodStyle: Sendable {
    /// Census year ending 31 March: 2025 is "2024-25".
    case censusYear
    /// Workforce snapshot at 30 September: 2025 is "Sep 2025".
    case septemberSnapshot

    public func label(_ year: Int) -> String {
        switch self {
        case .censusYear:
            let next = year % 100
            return "\(year - 1)-\(next < 10 ? "0" : "")\(next)"
        case .septemberSnapshot:
            return "Sep \(year)"
        }
    }
}

/// What an indicator counts, in words: "3,803 referrals", "1 child looked after".
public struct Noun: Sendable, Hashable {
    public var one: String
    public var many: String
    /// Decimal places of the count: 0 for people and events, 1 for full-time equivalents.
    public var places: Int

    public init(_ one: String, _ many: String, places: Int = 0) {
        self.one = one
        self.many = many
        self.places = places
    }

    /// "3,803 referrals", "1 referral", "4,276.3 FTE leavers".
    public func count(_ n: Double) -> String {
        "\(Rounding.grouped(n, places: places)) \(n == 1 ? one : many)"
    }
}

/// One indicator of the chapter: everything needed to compute, compare and describe it.
public struct IndicatorDefinition: Sendable, Identifiable {
    /// The contract id (`referrals_rate`): column values and template names use it.
    public var id: IndicatorID
    /// Table and chart heading: "Referrals to children's social care".
    public var title: String
    /// Completes "Bolton's … was": "rate of referrals".
    public var phrase: String
    public var numerator: MeasureSource
    public var denominator: Denominator
    public var multiplier: Double
    /// Columns where DfE published its own value of this indicator, newest release first.
    public var published: [String]
    /// Decimals DfE publishes the rate with (whole numbers for children looked after).
    public var publishedDecimals: Int
    public var polarity: Polarity
    /// What the value measures: rate per 10,000, percentage, whole-number rate, caseload.
    public var unit: IndicatorUnit
    public var periodStyle: PeriodStyle
    /// The interval method for this indicator's values.
    public var interval: IntervalKind
    /// Plain-English definition for the methods note.
    public var definition: String
    /// What the numerator counts ("referrals") and, for percentages and caseloads, what the
    /// denominator counts ("referrals", "FTE social workers").
    public var counts: Noun
    public var denominatorCounts: Noun?
    /// The value is DfE's published one, not count ÷ denominator (caseload: DfE divides
    /// by the unrounded FTE, which the file does not give).
    public var valueIsPublished = false
    /// Where the chapter puts it on the pathway.
    public var stage: IndicatorStage = .frontDoor

    /// Decimals shown: 1 for rates and percentages, 0 for whole-number rates.
    public var decimals: Int { unit.decimals }

    /// "503.0 per 10,000 children aged under 18", "20.5%".
    public func withUnit(_ text: String) -> String { unit.withUnit(text) }
}
