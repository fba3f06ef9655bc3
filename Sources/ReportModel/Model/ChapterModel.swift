import CensusIngest
import Indicators
import Statistics

/// Everything a chapter says, independent of how it is written (Markdown, HTML, Word,
/// Excel). Numbers stay numbers here; writers format them.
public struct ChapterModel: Sendable {
    public var title: String
    public var authority: Area
    public var year: Int
    public var period: String
    /// Set when built from jsna's synthetic demonstration data: every output says so.
    public var isSynthetic: Bool
    public var neighbourModel: String
    public var neighbourNames: [String]
    public var sections: [IndicatorSection]
    /// Every indicator against all authorities.
    public var spine: SpineChart?
    /// The indicators whose tested comparisons are significant, worst first.
    public var keyMessages: [String]
    public var dataNotes: [String]
    public var methods: [MethodNote]
    public var sources: [SourceNote]
    /// From the council's own referral extract, when one is given.
    public var local: LocalSection?
    public var provenance = Provenance()
}

/// One indicator's part of the chapter.
public struct IndicatorSection: Sendable {
    public var indicator: IndicatorDefinition
    public var id: IndicatorID { indicator.id }
    public var title: String { indicator.title }
    /// The authority's figures in the chapter's year (nil: nothing published).
    public var current: IndicatorValue?
    public var sentence: String
    /// Change on last year, trend, rank, position among neighbours, funnel position.
    public var details: [String]
    public var notes: [String]
    public var table: ComparisonTable
    public var chart: TrendChart
    public var neighbourChart: NeighbourChart?
    public var funnel: FunnelChart?
}

/// A figure as a table shows it: a value, an interval, a missing-value symbol, or nothing.
public enum Shown: Sendable, Hashable {
    case value(Double)
    case interval(lower: Double, upper: Double)
    /// Published as a symbol (`c`, `x`, …), or hidden by disclosure control (`c`).
    case missing(symbol: String)
    /// No figure for this area and period.
    case absent

    public init(_ figure: Figure?) {
        switch figure {
        case .value(let v)?: self = .value(v)
        case .missing(let m)?: self = .missing(symbol: m.symbol)
        case nil: self = .absent
        }
    }

    /// "503.0", "480.2–526.9", "c", "–".
    public func text(places: Int) -> String {
        switch self {
        case .value(let v): Rounding.format(v, places: places)
        case .interval(let l, let u): "\(Rounding.format(l, places: places))–\(Rounding.format(u, places: places))"
        case .missing(let symbol): symbol
        case .absent: "–"
        }
    }
}

/// The authority, its neighbours' mean, its region and England over recent years.
public struct ComparisonTable: Sendable {
    public enum Role: Sendable { case authority, interval, neighbours, region, england }
    public struct Row: Sendable {
        public var label: String
        public var role: Role
        public var cells: [Shown]
    }
    public var caption: String
    public var unit: IndicatorUnit
    public var columns: [String]
    public var rows: [Row]
    /// Missing-value symbols in the table with what they mean, for a key under it.
    public var key: [String]

    public func row(_ role: Role) -> Row? { rows.first { $0.role == role } }
}

/// A line chart of one indicator over time; drawn as SVG.
public struct TrendChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var values: [Double?]
    }
    public var id: String
    public var title: String
    public var axisLabel: String
    public var periods: [String]
    public var series: [Series]
    /// The authority's 95% confidence interval per period, drawn as a band (nil: none).
    public var band: [ClosedRange<Double>?] = []
    /// The text alternative: what the chart shows, in words.
    public var description: String
    public var decimals: Int
}

public struct MethodNote: Sendable {
    public var term: String
    public var explanation: String
}

public struct SourceNote: Sendable {
    public var file: String
    public var title: String
    public var years: String
    public var rows: Int
    public var sha256: String
}

/// How the chapter was made: for the provenance appendix.
public struct Provenance: Sendable {
    public var generator = "jsna \(JSNAVersion.current)"
    /// The command as typed (set by the command line; empty in library use).
    public var commandLine = ""
    /// Only when asked for (`--timestamp`): otherwise the same inputs give the same bytes.
    public var generatedAt: String?
    public init() {}
}

public enum JSNAVersion {
    public static let current = "0.1.0"
}
