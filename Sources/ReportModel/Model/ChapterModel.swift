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
    /// For a partnership, its member authorities (shown beside it in every table and bar
    /// chart, in place of statistical neighbours); empty for one authority.
    public var members: [Area] = []
    public var sections: [IndicatorSection]
    /// The pathway's indicators against all authorities.
    public var spine: SpineChart?
    /// The factors identified at assessment: one summary and one chart (with its table),
    /// rather than a section each.
    public var factors: FactorsSummary?
    /// What a board acts on first (``KeyMessages``), each with why it was chosen.
    public var keyMessages: [KeyMessage]
    public var dataNotes: [String]
    /// The detail behind the data notes that names other authorities: the workbook's
    /// Notes sheet lists it, the chapter counts it.
    public var dataNoteDetails: [String] = []
    public var methods: [MethodNote]
    public var sources: [SourceNote]
    /// From the council's own referral extract, when one is given.
    public var local: LocalSection?
    /// From the council's own Annex A lists, when they are given.
    public var pathway: PathwayThisYear?
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

/// The assessment factors in one place: a summary in words, and a spine chart (highest
/// first) whose table gives each factor's value, count and comparators.
public struct FactorsSummary: Sendable {
    public var sentence: String
    public var chart: SpineChart
}
