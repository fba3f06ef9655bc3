/// Reasons a published figure needs care before anyone draws a conclusion from it.
///
/// A flagged figure is shown with its flag beside it, is never a key message on its own,
/// and its sentence says why it needs care. The rules are deliberately simple so an analyst
/// can check them by eye:
///
///     DataQuality.flags(.init(count: 0, denominator: 2_732, isPercentage: true, value: 0,
///                             neighboursAboveZero: 9, neighboursWithValue: 10))
///     // [.zeroUnlikeNeighbours]
public enum DataQuality {
    /// Under this many counted children (or events) a rate moves a lot with one more or less.
    public static let smallCount = 10.0
    /// Under this many in a percentage's denominator, the percentage moves by 5 points or more per child.
    public static let smallDenominator = 20.0
    /// A relative change above this in one year is more often recording than reality.
    public static let largeChange = 0.5

    public enum Flag: String, Sendable, Hashable, CaseIterable {
        case smallNumbers = "small_numbers"
        case zeroUnlikeNeighbours = "zero_unlike_neighbours"
        case changeOver50Percent = "change_over_50pct"
        case firstYearAfterReorganisation = "first_year_after_reorganisation"
        case comparatorYearSuppressed = "comparator_year_suppressed"
        case jointReturn = "joint_return"

        /// A table cell's words: "change over 50%".
        public var short: String {
            switch self {
            case .smallNumbers: "small numbers"
            case .zeroUnlikeNeighbours: "zero, unlike neighbours"
            case .changeOver50Percent: "change over 50%"
            case .firstYearAfterReorganisation: "first year after reorganisation"
            case .comparatorYearSuppressed: "previous year suppressed"
            case .jointReturn: "joint return"
            }
        }

        /// Completes "needs care: …".
        public var explanation: String {
            switch self {
            case .smallNumbers: "it rests on small numbers (a count under 10, or a percentage of fewer than 20)"
            case .zeroUnlikeNeighbours: "it is zero while most statistical neighbours record some, which more often reflects recording than practice"
            case .changeOver50Percent: "it changed by more than 50% in a year, which more often reflects a change in recording than in need"
            case .firstYearAfterReorganisation: "it is the first year after a reorganisation of the authority"
            case .comparatorYearSuppressed: "the previous year's figure was suppressed, so the change cannot be checked"
            case .jointReturn: "it is one return covering more than one authority"
            }
        }
    }

    /// What the rules look at, for one authority, indicator and year.
    public struct Facts: Sendable {
        public var count: Double?
        public var denominator: Double?
        public var isPercentage: Bool
        public var value: Double?
        public var previous: Double?
        public var previousSuppressed = false
        public var neighboursAboveZero = 0
        public var neighboursWithValue = 0
        public var firstYearAfterReorganisation = false
        public var jointReturn = false

        public init(count: Double?, denominator: Double?, isPercentage: Bool, value: Double?, previous: Double? = nil,
                    previousSuppressed: Bool = false, neighboursAboveZero: Int = 0, neighboursWithValue: Int = 0,
                    firstYearAfterReorganisation: Bool = false, jointReturn: Bool = false) {
            self.count = count
            self.denominator = denominator
            self.isPercentage = isPercentage
            self.value = value
            self.previous = previous
            self.previousSuppressed = previousSuppressed
            self.neighboursAboveZero = neighboursAboveZero
            self.neighboursWithValue = neighboursWithValue
            self.firstYearAfterReorganisation = firstYearAfterReorganisation
            self.jointReturn = jointReturn
        }
    }

    /// The flags that apply, in ``Flag`` order.
    public static func flags(_ f: Facts) -> [Flag] {
        var out: [Flag] = []
        if f.isPercentage ? (f.denominator.map { $0 < smallDenominator } ?? false) : (f.count.map { $0 < smallCount } ?? false) {
            out.append(.smallNumbers)
        }
        if f.value == 0, f.neighboursWithValue >= 3, f.neighboursAboveZero * 2 > f.neighboursWithValue {
            out.append(.zeroUnlikeNeighbours)
        }
        if let v = f.value, let p = f.previous, p > 0, abs(v - p) / p > largeChange {
            out.append(.changeOver50Percent)
        }
        if f.firstYearAfterReorganisation { out.append(.firstYearAfterReorganisation) }
        if f.previousSuppressed { out.append(.comparatorYearSuppressed) }
        if f.jointReturn { out.append(.jointReturn) }
        return out
    }
}
