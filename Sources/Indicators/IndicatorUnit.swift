/// What an indicator's value measures, which fixes how it is shown and compared.
///
///     IndicatorUnit.ratePer10k.withUnit("503.0")   // "503.0 per 10,000 children aged under 18"
///     IndicatorUnit.percentage.withUnit("20.5")    // "20.5%"
public enum IndicatorUnit: Sendable, Hashable {
    /// Per 10,000 children aged 0 to 17, one decimal place.
    case ratePer10k
    /// Per 10,000 children, whole numbers (children looked after, as DfE publishes it).
    case wholeRatePer10k
    /// Part of a whole, times 100.
    case percentage
    /// Cases per full-time-equivalent case-holding social worker.
    case caseload

    /// Decimal places shown.
    public var decimals: Int { self == .wholeRatePer10k ? 0 : 1 }

    /// The words after a value: "per 10,000 children aged under 18", "%".
    public var suffix: String {
        switch self {
        case .ratePer10k, .wholeRatePer10k: "per 10,000 children aged under 18"
        case .percentage: "%"
        case .caseload: "cases per FTE social worker"
        }
    }

    /// The unit named in a caption: "(percentage)", "(per 10,000 children aged under 18)".
    public var name: String { self == .percentage ? "percentage" : suffix }

    /// A chart's value axis.
    public var axisLabel: String { self == .percentage ? "Percentage" : suffix.prefix(1).uppercased() + suffix.dropFirst() }

    public var isPercentage: Bool { self == .percentage }

    /// A difference in this unit: "6.9 fewer per 10,000", "3.8 percentage points lower",
    /// "0.6 more cases per social worker".
    public func change(_ size: String, up: Bool) -> String {
        switch self {
        case .ratePer10k, .wholeRatePer10k: "\(size) \(up ? "more" : "fewer") per 10,000"
        case .percentage: "\(size) percentage points \(up ? "higher" : "lower")"
        case .caseload: "\(size) \(up ? "more" : "fewer") cases per social worker"
        }
    }

    /// "503.0 per 10,000 children aged under 18", "20.5%".
    public func withUnit(_ text: String) -> String { self == .percentage ? text + "%" : text + " " + suffix }

    /// A value written short, for comparisons: "503.0", "20.5%".
    public func short(_ text: String) -> String { self == .percentage ? text + "%" : text }
}
