import CensusIngest
import Statistics

/// One indicator for one area and year, with its comparators.
public struct IndicatorValue: Sendable {
    public var indicator: IndicatorDefinition
    public var year: Int
    public var area: Area
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
    /// Set on rows of authorities that were reorganised.
    public var boundaryChange: BoundaryChange?

    public struct Published: Sendable {
        public var value: Figure
        /// The release (newest time period of the file) it was published in.
        public var release: Int
        public var path: String
        /// The count in the same file, to tell a revised count from a revised population.
        public var numerator: Figure?
    }

    public init(indicator: IndicatorDefinition, year: Int, area: Area, numerator: Figure, denominator: Figure, value: Figure) {
        self.indicator = indicator
        self.year = year
        self.area = area
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
    }

    /// England and regional counts are rounded to the nearest 10 by DfE.
    public var countsRounded: Bool { area.level != .localAuthority }

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
