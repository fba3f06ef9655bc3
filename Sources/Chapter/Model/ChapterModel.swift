import CensusIngest

/// Everything a chapter says, independent of how it is rendered (Markdown, HTML).
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
    public var id: String
    public var title: String
    public var sentence: String
    /// Change on last year, trend, rank, position among neighbours, funnel position.
    public var details: [String]
    public var notes: [String]
    public var table: ComparisonTable
    public var chart: TrendChart
    public var neighbourChart: NeighbourChart?
    public var funnel: FunnelChart?
}

/// The authority, its neighbours' mean, its region and England over recent years.
public struct ComparisonTable: Sendable {
    public var caption: String
    public var columns: [String]
    public var rows: [(label: String, cells: [String])]
    /// Missing-value symbols in the table with what they mean, for a key under it.
    public var key: [String]
}

/// A line chart of one indicator over time; rendered as SVG.
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
