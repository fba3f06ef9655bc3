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
    /// Implausible figures (``Plausibility``): said in the summary; `--strict` stops on them.
    public var warnings: [String] = []

    public struct Breakdown: Sendable {
        public struct Row: Sendable {
            public var label: String
            public var count: Controlled
            /// Percentage of the year to date; nil where it would reveal a hidden count.
            public var share: Double?
        }
        public var caption: String
        public var rows: [Row]
    }

    public struct Reconciliation: Sendable {
        public struct Row: Sendable {
            public var period: String
            public var extract: Controlled
            /// DfE's published count, or its missing-value symbol.
            public var published: Shown
            /// (extract − published) ÷ published × 100; nil where either is hidden or missing.
            public var difference: Double?
        }
        public var caption: String
        public var rows: [Row]
    }

    /// The sentence a section's disclosure note ends with when counts are rounded ("" when
    /// they are exact).
    static func roundingNote(_ base: Int) -> String {
        guard base > 1 else { return "" }
        return " Every count is rounded to the nearest \(base), each total in its own right (so the parts may not add up to it), and percentages and rates are worked out from the rounded counts, so chapters built from the same records at different dates cannot be subtracted to give a small count."
    }
}

/// A count that has passed disclosure control: shown, or suppressed (`c`).
public enum Controlled: Sendable, Hashable {
    case count(Int)
    case suppressed

    public var value: Int? {
        if case .count(let n) = self { return n }
        return nil
    }

    /// The symbol a hidden count, or a share or rate built from one, is shown as.
    public static let symbol = CountTable.symbol
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
