import CensusIngest
import Indicators
import Statistics

extension PathwayThisYear.Comparators {
    /// A figure from the council's own records (an extract or Annex A lists) beside the
    /// authority's latest published year: England's, the region's and the neighbours' values,
    /// and the local figure's verdicts decided as a published figure's are — its 95% interval
    /// against the region and the neighbours, and its place on that year's adjusted funnel
    /// against England. The referral section and the pathway section both use this, so one
    /// local rate never gets two verdicts.
    /// - Parameter funnelPoint: the local count and its exposure (children ÷ the flow's
    ///   scale, or the whole a percentage is of), to place on the published funnel.
    static func published(_ id: IndicatorID, table: IndicatorTable, authority: Area, year: Int, interval: ConfidenceInterval?,
                          funnelPoint: (count: Double, denominator: Double)?) -> Self {
        guard let v = table.value(id, area: authority.id, year: year) else { return Self() }
        let england: Figure? = v.england, region: Figure? = v.region, neighbours: Figure? = v.neighbours?.mean
        var c = Self(authority: v.value, england: england, region: region, neighbours: neighbours)
        c.polarity = v.indicator.polarity
        // Plain bindings: optional chaining through these enums crashed the 6.3 optimiser.
        if let interval {
            if case .value(let e)? = england { c.vsEnglandChanceAlone = Significance.compare(interval, with: e) }
            if case .value(let r)? = region { c.vsRegion = Significance.compare(interval, with: r) }
            if case .value(let n)? = neighbours { c.vsNeighbours = Significance.compare(interval, with: n) }
        }
        if let funnelPoint, let funnel = v.overdispersion?.funnel {
            c.allowingForVariation = funnel.limits(count: funnelPoint.count, denominator: funnelPoint.denominator)?.position
        }
        return c
    }
}
