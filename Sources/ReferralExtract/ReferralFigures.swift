/// One census year's referral figures, as ../shared/bench/README.md defines them.
public struct ReferralFigures: Sendable, Equatable {
    public var year: Int
    public var referrals = 0
    public var rereferrals = 0
    public var nfa = 0
    public var byAge: [String: Int] = [:]
    public var byGender: [String: Int] = [:]
    public var byEthnicity: [String: Int] = [:]
    public var bySource: [String: Int] = [:]
    public var byMonth: [String: Int] = [:]

    public init(year: Int) { self.year = year }

    public static let ageBands = ["Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over", "Unknown"]

    /// The JSON the pandas peer prints for the same file and year.
    public var json: String { PythonJSON.dumps(jsonValue(withYear: true)) + "\n" }

    /// The figures as a JSON object; without `year` for the Annex A pathway's `referrals`
    /// section, which is the same object less that key.
    public func jsonValue(withYear: Bool) -> PythonJSON.Value {
        let object = { (d: [String: Int]) in PythonJSON.Value.object(d.map { ($0.key, .int($0.value)) }) }
        return .object((withYear ? [("year", .int(year))] : []) + [
            ("referrals", .int(referrals)), ("rereferrals", .int(rereferrals)), ("nfa", .int(nfa)),
            ("by_age", object(byAge)), ("by_gender", object(byGender)), ("by_ethnicity", object(byEthnicity)),
            ("by_source", object(bySource)), ("by_month", object(byMonth)),
        ])
    }
}
