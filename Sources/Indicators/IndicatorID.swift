/// An indicator's contract id (`referrals_rate`): the `indicator` column of indicators.csv
/// and the name templates use. The known ids are constants beside the catalogue
/// (``IndicatorID/referralsRate``); code outside the catalogue never spells one as text.
public struct IndicatorID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (a: IndicatorID, b: IndicatorID) -> Bool { a.rawValue < b.rawValue }
}
