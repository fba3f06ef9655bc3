import Indicators
import Statistics

/// A figure as a table shows it: a value, an interval, a missing-value symbol, or nothing.
public enum Shown: Sendable, Hashable {
    case value(Double)
    case interval(lower: Double, upper: Double)
    /// Published as a symbol (`c`, `x`, …), or hidden by disclosure control (`c`).
    case missing(symbol: String)
    /// A count (referrals, children): whole, with thousands separators.
    case count(Double)
    /// A measured amount with one decimal place (full-time equivalents, days lost), with
    /// thousands separators.
    case quantity(Double)
    /// Words, such as a data-quality flag.
    case note(String)
    /// No figure for this area and period.
    case absent

    /// How every output writes "no figure" (``absent``): one spelling, so a reader, a test or
    /// a note can tell it from a published symbol.
    public static let absentSymbol = "–"

    public init(_ figure: Figure?) {
        switch figure {
        case .value(let v)?: self = .value(v)
        case .missing(let m)?: self = .missing(symbol: m.symbol)
        case nil: self = .absent
        }
    }

    /// A count of what `noun` counts: whole, or to one decimal place for FTE.
    public static func count(_ n: Double, of noun: Noun) -> Shown { noun.places > 0 ? .quantity(n) : .count(n) }

    /// "503.0", "480.2–526.9", "3,803", "c", "–".
    public func text(places: Int) -> String {
        switch self {
        case .value(let v): Rounding.format(v, places: places)
        case .interval(let l, let u): "\(Rounding.format(l, places: places))–\(Rounding.format(u, places: places))"
        case .count(let n): Rounding.grouped(n, places: 0)
        case .quantity(let n): Rounding.grouped(n, places: 1)
        case .missing(let symbol): symbol
        case .note(let text): text
        case .absent: Self.absentSymbol
        }
    }
}
