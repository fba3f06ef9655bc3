/// The stages of the safeguarding pathway a reader follows, in order: the chapter groups
/// its indicators under them, each with a short bridge sentence.
public enum IndicatorStage: String, Sendable, CaseIterable, Comparable {
    case frontDoor = "front-door"
    case assessment
    case childProtection = "child-protection"
    case care
    case workforce
    case factors

    /// The stage's heading.
    public var title: String {
        switch self {
        case .frontDoor: "The front door: referrals"
        case .assessment: "Assessment and children in need"
        case .childProtection: "Child protection"
        case .care: "Children looked after"
        case .workforce: "The social work workforce"
        case .factors: "Factors identified at assessment"
        }
    }

    /// One or two sentences that take the reader from the previous stage to this one.
    public var bridge: String {
        switch self {
        case .frontDoor:
            "Concerns about a child reach children's social care as referrals. Some are closed with no further action; some return within a year."
        case .assessment:
            "A referral leads to an assessment of the child's needs. Children assessed as in need receive help, and are counted while their episode of need is open."
        case .childProtection:
            "Where there is reasonable cause to suspect significant harm, the council makes section 47 enquiries; an initial child protection conference may follow, and may make a child protection plan."
        case .care:
            "Where a child cannot live safely at home, the council may look after them."
        case .workforce:
            "Every stage depends on the social workers who carry it out: how many cases each holds, how many leave, how many posts are vacant or filled by agency staff."
        case .factors:
            "At the end of each assessment the social worker records the factors identified. These are shares of the episodes with any factor recorded; one episode can have several factors."
        }
    }

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}
