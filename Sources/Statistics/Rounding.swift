/// Rounding and number formatting as DfE publishes: half away from zero, fixed decimals.
public enum Rounding {
    /// Rounds half away from zero at `places` decimals (2.45 → 2.5, −2.45 → −2.5).
    ///
    /// A relative nudge of 1e-9 absorbs binary representation error, so a value that is a
    /// half in decimal (0.05 stored as 0.04999…) rounds as an analyst expects.
    public static func halfAwayFromZero(_ x: Double, places: Int) -> Double {
        let factor = power10(places)
        let scaled = x * factor
        let nudged = scaled + (scaled < 0 ? -1 : 1) * 1e-9 * max(1, abs(scaled))
        return nudged.rounded(.toNearestOrAwayFromZero) / factor
    }

    /// Fixed-decimal text without grouping: `format(503.049, places: 1)` is "503.0".
    public static func format(_ x: Double, places: Int) -> String {
        grouped(x, places: places, separator: "")
    }

    /// Fixed-decimal text with thousands separators: `grouped(3803, places: 0)` is "3,803".
    public static func grouped(_ x: Double, places: Int, separator: String = ",") -> String {
        let rounded = halfAwayFromZero(x, places: places)
        let scaled = (abs(rounded) * power10(places)).rounded()
        guard scaled < 9e15 else { return String(rounded) }
        let whole = Int(scaled) / Int(power10(places))
        let fraction = Int(scaled) % Int(power10(places))
        var digits = String(whole)
        if !separator.isEmpty {
            var groups: [Substring] = []
            var rest = Substring(digits)
            while rest.count > 3 {
                groups.insert(rest.suffix(3), at: 0)
                rest = rest.dropLast(3)
            }
            groups.insert(rest, at: 0)
            digits = groups.joined(separator: separator)
        }
        let sign = rounded < 0 && scaled > 0 ? "-" : ""
        guard places > 0 else { return sign + digits }
        let fractionText = String(fraction)
        return sign + digits + "." + String(repeating: "0", count: places - fractionText.count) + fractionText
    }

    /// Half a unit in the last published decimal: 0.05 for one decimal place. Two values
    /// closer than this can be the same figure rounded differently.
    public static func halfUnit(places: Int) -> Double { 0.5 / power10(places) }

    static func power10(_ n: Int) -> Double {
        var f = 1.0
        for _ in 0..<max(0, n) { f *= 10 }
        return f
    }
}
