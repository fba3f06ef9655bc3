import CensusIngest
import Statistics

/// A published measure, by the file kind and the column names each release used.
public struct MeasureSource: Sendable {
    public var kind: SourceKind
    /// Newest release's name first, e.g. `["referral_count", "Referrals"]` (2025, 2023).
    public var names: [String]
    /// The row category to use where a file has several (children looked after).
    public var category: String?

    public init(_ kind: SourceKind, _ names: [String], category: String? = nil) {
        self.kind = kind
        self.names = names
        self.category = category
    }
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

    public init(_ one: String, _ many: String) {
        self.one = one
        self.many = many
    }

    /// "3,803 referrals", "1 referral"; counts are whole.
    public func count(_ n: Double) -> String {
        "\(Rounding.grouped(n, places: 0)) \(n == 1 ? one : many)"
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

    /// Decimals shown: 1 for rates and percentages, 0 for whole-number rates.
    public var decimals: Int { unit.decimals }

    /// "503.0 per 10,000 children aged under 18", "20.5%".
    public func withUnit(_ text: String) -> String { unit.withUnit(text) }
}
