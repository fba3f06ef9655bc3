/// How one figure stands against another at the precision both are published.
///
/// This is a plain comparison of shown values; it makes no claim of significance.
public enum Direction: String, Sendable, Equatable {
    case higher
    case lower
    case same

    /// Compares `value` with `reference` after rounding both to `places` decimals, so a
    /// reader never sees "higher than" between two equal printed numbers. Nil if either is missing.
    public static func of(_ value: Figure, against reference: Figure, places: Int) -> Direction? {
        guard let v = value.value, let r = reference.value else { return nil }
        let a = Rounding.halfAwayFromZero(v, places: places)
        let b = Rounding.halfAwayFromZero(r, places: places)
        if a > b { return .higher }
        if a < b { return .lower }
        return .same
    }
}
