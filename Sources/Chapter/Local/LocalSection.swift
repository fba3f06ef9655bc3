import DisclosureControl

/// The chapter's section from the council's own referral extract: year to date, an
/// annualised rate beside the published benchmarks, monthly counts, breakdowns and a
/// reconciliation with DfE's counts. Every count in it has passed disclosure control.
public struct LocalSection: Sendable {
    public var title: String
    /// The extract's file name and SHA-256, for provenance.
    public var file: String
    public var sha256: String
    public var summary: [String]
    public var monthly: BarChart
    public var breakdowns: [Breakdown]
    public var reconciliation: Reconciliation?
    public var notes: [String]
    /// The controlled counts behind every number shown (kept for tests and audit).
    public var counts: CountTable

    public struct Breakdown: Sendable {
        public var caption: String
        public var rows: [(label: String, count: String, percent: String)]
    }

    public struct Reconciliation: Sendable {
        public var caption: String
        public var rows: [(period: String, extract: String, published: String, difference: String)]
    }
}

/// A bar chart of counts; suppressed bars are marked "c" and drawn as gaps.
public struct BarChart: Sendable {
    public var id: String
    public var title: String
    public var axisLabel: String
    public var labels: [String]
    /// nil: suppressed.
    public var values: [Int?]
    public var description: String
}
