import DisclosureControl
import Statistics

/// The chapter's section from the council's own Annex A lists: the child protection
/// pathway from 1 April to the as-at date, each stage's count and rate beside the latest
/// published figures, the conversion from one stage to the next, timeliness, and child
/// protection plans by category, age and gender. Every count in it has passed disclosure
/// control, in one table with the referral section's counts.
public struct PathwayThisYear: Sendable {
    public var title: String
    /// "1 April 2025 to 31 October 2025".
    public var period: String
    /// The same months a year earlier, when any list reaches back that far.
    public var earlierPeriod: String?
    /// The latest published year the comparators come from ("2024-25").
    public var publishedPeriod: String
    public var summary: [String]
    public var stages: [Stage]
    public var conversions: [Conversion]
    /// Assessments within 45 working days; ICPCs within 15 working days.
    public var timeliness: [Share]
    /// Second or subsequent plans, plans open two years or more, plans ended after two years or more.
    public var plans: [Share]
    /// Plans by category of abuse (started and open), by age and by gender.
    public var breakdowns: [LocalSection.Breakdown]
    public var chart: BarChart
    public var notes: [String]
    /// The lists read: their files and SHA-256, for provenance.
    public var files: [(name: String, sha256: String)]
    /// Implausible figures, said in the summary; `--strict` stops on them.
    public var warnings: [String] = []

    /// One stage of the pathway: a flow over the period (annualised rate) or a snapshot at
    /// the as-at date (rate at that date).
    public struct Stage: Sendable {
        public var label: String
        public var isFlow: Bool
        public var count: Controlled
        /// The same months a year earlier; nil where the list does not reach back.
        public var earlier: Controlled?
        /// Per 10,000 children (annualised for a flow); nil when hidden or no population.
        public var rate: Double?
        public var interval: ConfidenceInterval?
        /// The authority's, England's, the region's and the neighbours' average published
        /// rate in the latest year; nil where DfE publishes no such measure.
        public var published: Comparators?
        /// Set when the rate is implausible beside the authority's own last published rate:
        /// it is then not compared.
        public var implausible = false
    }

    /// The published figures a local figure stands beside.
    public struct Comparators: Sendable {
        public var authority: Figure?
        public var england: Figure?
        public var region: Figure?
        public var neighbours: Figure?
        /// The local 95% interval against England's value: chance alone, for the workbook.
        public var vsEnglandChanceAlone: Significance?
        /// The local 95% interval against the region's value and the neighbours' average.
        public var vsRegion: Significance?
        public var vsNeighbours: Significance?
        /// Against England allowing for the variation seen between authorities: the local
        /// figure on the latest published year's overdispersed funnel (φ, τ²), its exposure
        /// the period's (a part year has the wider limits of a smaller count).
        public var allowingForVariation: FunnelLimits.Position?
        public var polarity: Polarity = .none

        /// The local figure's verdicts, decided as a published figure's are (``Verdict``).
        public var verdict: Verdict {
            Verdict(adjusted: allowingForVariation, englandInterval: vsEnglandChanceAlone, region: vsRegion,
                    neighbours: vsNeighbours, polarity: polarity)
        }

        /// Not compared (an implausible local figure): every test removed.
        mutating func withdraw() {
            vsEnglandChanceAlone = nil
            vsRegion = nil
            vsNeighbours = nil
            allowingForVariation = nil
        }

        public init(authority: Figure? = nil, england: Figure? = nil, region: Figure? = nil, neighbours: Figure? = nil) {
            (self.authority, self.england, self.region, self.neighbours) = (authority, england, region, neighbours)
        }
    }

    /// From one stage to the next: `to` as a percentage of `from`.
    public struct Conversion: Sendable {
        public var label: String
        public var from: Controlled
        public var to: Controlled
        public var percent: Double?
        /// True when `to` is a subset of `from` (ICPCs that resulted in a plan); false for a
        /// ratio of two stages' counts in the same period, which are not the same children.
        public var isSubset: Bool
    }

    /// A count as a share of another, with its Wilson interval and the published share.
    public struct Share: Sendable {
        public var label: String
        public var count: Controlled
        /// The rows the share is of: those that could be timed (or classified).
        public var of: Controlled
        /// Rows left out of the share because a date was missing, unreadable or out of
        /// order: a fact about the records, not the children, so never a reason to hide a count.
        public var untimed = 0
        public var percent: Double?
        public var interval: ConfidenceInterval?
        public var published: Comparators?
    }
}
