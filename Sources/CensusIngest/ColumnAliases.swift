import CSVReader
/// The one table of header variants across DfE releases.
///
/// Headers are compared lower-cased and trimmed (so `Category`/`category` and
/// `Awaiting_assessment`/`awaiting_assessment` already agree); this table maps the
/// remaining renamed structural columns to one canonical name. Measure names that
/// changed between releases (`Referrals` → `referral_count`) are listed per release in
/// the indicator catalogue, next to the indicator that uses them.
public enum ColumnAliases {
    /// Canonical structural column → the names releases have used for it.
    public static let structural: [String: [String]] = [
        "time_period": ["time_period"],
        "geographic_level": ["geographic_level"],
        "country_code": ["country_code"],
        "region_code": ["region_code"],
        "region_name": ["region_name"],
        "old_la_code": ["old_la_code"],
        "new_la_code": ["new_la_code"],
        "la_name": ["la_name"],
        "category": ["category", "population_type", "age_group"],
    ]

    /// Columns every statistics table must have.
    public static let required = ["time_period", "geographic_level", "country_code", "old_la_code", "la_name"]

    /// Normalises a header cell: trimmed, lower-cased.
    public static func normalise(_ name: String) -> String {
        name.trimming(" \t").lowercased()
    }

    static let structuralNames: Set<String> = Set(structural.values.joined())
}
