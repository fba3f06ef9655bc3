/// Which way is better for an indicator, as LAIT and Fingertips use it.
public enum Polarity: String, Sendable {
    /// Neither high nor low is better (activity and need: referrals, CIN, CPP, CLA rates).
    case none
    case lowIsGood = "low is good"
    case highIsGood = "high is good"
}
