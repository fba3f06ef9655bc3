/// One figure's verdicts, decided once: against England, the region and the statistical
/// neighbours, its trend and its data-quality flags. Every output (sentences, tables,
/// charts, the workbook, indicators.csv) renders these and nothing else, so a figure never
/// gets two verdicts.
///
/// - Against England the overdispersion-adjusted 95% funnel limits decide (an authority is
///   higher only when outside what variation between authorities explains); where a figure
///   has no such limits (a region, or too few authorities to fit them) its 95% interval is
///   tested against England's value instead, and ``englandBasis`` says which.
/// - Against the region and the neighbours' average the 95% interval test decides.
/// - A direction word is only ever a tested difference; otherwise "similar".
///
///     let v = Verdict(adjusted: .below95, englandInterval: .lower, region: .similar,
///                     neighbours: .lower, polarity: .lowIsGood)
///     v.england.words      // "lower (better)"
///     v.region.words       // "similar"
public struct Verdict: Sendable, Hashable {
    /// What decided the comparison with England.
    public enum EnglandBasis: String, Sendable, Hashable {
        /// The overdispersion-adjusted funnel limits.
        case adjustedLimits = "adjusted funnel limits"
        /// The figure's 95% interval against England's value.
        case interval = "95% interval"
        case notTested = "not tested"
    }

    public var england: Judgement
    public var englandBasis: EnglandBasis
    /// Outside the adjusted 99.8% limits: unusual among authorities, not only different.
    public var beyondAdjusted99_8: Bool
    public var region: Judgement
    public var neighbours: Judgement
    /// The five-year trend allowing for year-to-year variation.
    public var trend: TrendTest.Result?
    public var quality: [DataQuality.Flag]

    public init(adjusted: FunnelLimits.Position?, englandInterval: Significance?, region: Significance?, neighbours: Significance?,
                polarity: Polarity, trend: TrendTest.Result? = nil, quality: [DataQuality.Flag] = []) {
        if let adjusted {
            let side: Significance = switch adjusted {
            case .above95, .above99_8: .higher
            case .below95, .below99_8: .lower
            case .within: .similar
            }
            england = Judgement(side, polarity: polarity)
            englandBasis = .adjustedLimits
            beyondAdjusted99_8 = adjusted == .above99_8 || adjusted == .below99_8
        } else {
            england = Judgement(englandInterval, polarity: polarity)
            englandBasis = englandInterval == nil ? .notTested : .interval
            beyondAdjusted99_8 = false
        }
        self.region = Judgement(region, polarity: polarity)
        self.neighbours = Judgement(neighbours, polarity: polarity)
        self.trend = trend
        self.quality = quality
    }

    /// True when a figure's quality flags (other than a joint return, which is a fact about
    /// the return) mean it must not be a finding.
    public var needsCare: Bool { quality.contains { $0 != .jointReturn } }
}
