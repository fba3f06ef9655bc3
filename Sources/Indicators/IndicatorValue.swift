import CensusIngest
import Statistics

/// One indicator for one area and year, with its comparators.
public struct IndicatorValue: Sendable {
    /// The definition and the area are shared by many rows; each is kept once, in a box,
    /// so a row copies as two references instead of twenty-odd strings.
    public var indicator: IndicatorDefinition {
        get { indicatorBox.value }
        set { indicatorBox = Box(newValue) }
    }
    public var year: Int
    public var area: Area {
        get { areaBox.value }
        set { areaBox = Box(newValue) }
    }
    private var indicatorBox: Box<IndicatorDefinition>
    private var areaBox: Box<Area>
    public var numerator: Figure
    public var denominator: Figure
    /// Full precision; round only to show.
    public var value: Figure
    /// DfE's own published value of this indicator, where a file carries one.
    public var published: Published?
    /// Filled on local authority rows.
    public var neighbours: StatisticalNeighbourSummary?
    public var england: Figure?
    public var region: Figure?
    /// Where the value comes from: recomputed from count and denominator (the rule), or
    /// DfE's published value where recomputing would not give DfE's figure.
    public var basis: ValueBasis = .recomputed
    /// Set when the figures are one return for this and other authorities.
    public var jointReturn: JointReturn?
    /// Reasons the figure needs care (``DataQuality``), set for authorities.
    public var quality: [DataQuality.Flag] = []
    /// Set on rows of authorities that were reorganised.
    public var boundaryChange: BoundaryChange?

    // Benchmarking (see ``Benchmarks``).
    public var ci95: ConfidenceInterval?
    public var ci998: ConfidenceInterval?
    /// Fingertips' test of England's value against this 95% interval: chance alone, kept for
    /// indicators.csv and the workbook; the verdict against England is ``verdict``'s.
    public var vsEnglandChanceAlone: Significance?
    /// The 95% interval test against the region's value and the neighbours' mean: the verdicts.
    public var vsRegion: Significance?
    public var vsNeighbours: Significance?

    /// The figure's verdicts (``Verdict``): what every output says of it.
    public var verdict: Verdict {
        Verdict(adjusted: overdispersion?.limits.position, englandInterval: vsEnglandChanceAlone, region: vsRegion,
                neighbours: vsNeighbours, polarity: indicator.polarity, trend: trend, quality: quality)
    }
    /// Position among the authority and its neighbours, highest value first (1 = highest).
    public var neighbourPosition: (position: Int, of: Int)?
    /// LAIT rank and quartile band among all authorities (indicators with a polarity only).
    public var rank: LAITRanking.Position?
    /// Value minus the previous year's, at full precision.
    public var change: Double?
    /// Why there is no change: the previous year's figure was missing (`c`, `x`, …).
    public var changeMissing: Missing?
    /// The five-year trend allowing for year-to-year variation (``TrendTest``): the verdict.
    public var trend: TrendTest.Result?
    /// The same trend on sampling error alone (Fingertips' test), for indicators.csv.
    public var trendChanceAlone: TrendTest.Result?
    public var funnel: FunnelLimits.Position?
    /// Funnel limits allowing for variation between authorities (``OverdispersedFunnel``):
    /// φ and τ² for the indicator and year, this authority's limits and position.
    public var overdispersion: Overdispersion?

    public struct Overdispersion: Sendable {
        /// The indicator-year's funnel: φ, τ², England's comparator (for drawing limits).
        public var funnel: OverdispersedFunnel
        public var limits: OverdispersedFunnel.Limits
        public var phi: Double { funnel.phi }
        public var tau2: Double { funnel.tau2 }

        public init(funnel: OverdispersedFunnel, limits: OverdispersedFunnel.Limits) {
            self.funnel = funnel
            self.limits = limits
        }
    }

    public enum ValueBasis: Sendable, Equatable {
        case recomputed
        /// DfE's value by definition (caseload: DfE divides by the unrounded FTE).
        case publishedDefinition
        /// DfE's England or regional percentage as published: the area's own count ÷
        /// denominator before rounding to 10 (counts marked `c` stay in it), leaving out the
        /// authorities (named) whose figure is `u`, low reliability.
        case publishedComparator(lowReliability: [String])
        /// A partnership's value for an indicator DfE publishes as its own figure
        /// (caseload, workforce percentages): the members' published values weighted by
        /// their denominators, which is DfE's formula applied to the combined area.
        case membersWeighted

        /// The tidy CSV's `value_basis`.
        public var label: String {
            switch self {
            case .recomputed: ""
            case .publishedDefinition: "DfE published"
            case .publishedComparator(let names): "DfE published" + (names.isEmpty ? "" : " (leaves out authorities whose figure is u, low reliability: \(names.joined(separator: ", ")))")
            case .membersWeighted: "members' DfE published values, weighted by their denominators"
            }
        }
    }

    public struct Published: Sendable {
        public var value: Figure
        /// The release (newest time period of the file) it was published in.
        public var release: Int
        public var path: String
        /// The count in the same file, to tell a revised count from a revised population.
        public var numerator: Figure?
    }

    public init(indicator: IndicatorDefinition, year: Int, area: Area, numerator: Figure, denominator: Figure, value: Figure) {
        self.init(indicator: Box(indicator), year: year, area: Box(area), numerator: numerator, denominator: denominator, value: value)
    }

    /// A row sharing its definition's and area's boxes with other rows.
    init(indicator: Box<IndicatorDefinition>, year: Int, area: Box<Area>, numerator: Figure, denominator: Figure, value: Figure) {
        indicatorBox = indicator
        self.year = year
        areaBox = area
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
    }

    /// England and regional counts are rounded to the nearest 10 by DfE.
    public var countsRounded: Bool { area.level == .national || area.level == .regional }

    public var period: String { indicator.periodStyle.label(year) }

    /// The value as shown: rounded half away from zero to the indicator's decimals.
    public func shown(_ figure: Figure?) -> String {
        guard let v = figure?.value else { return figure?.missing?.symbol ?? "" }
        return Rounding.format(v, places: indicator.decimals)
    }

    /// True when DfE's published value differs from the recomputed one by more than rounding.
    public var differsFromPublished: Bool {
        guard let p = published?.value.value, let v = value.value else { return false }
        return abs(v - p) > Rounding.halfUnit(places: indicator.publishedDecimals) + 1e-9
    }
}

/// An immutable value behind one reference.
final class Box<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
