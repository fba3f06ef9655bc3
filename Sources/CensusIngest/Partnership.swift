/// Several authorities described together: a safeguarding partnership that spans them
/// (Pan-Dorset, tri-borough London). Its counts and populations are the sums of its
/// members'; it has no statistical neighbours of its own.
///
///     let dorset = try Partnership(name: "Pan-Dorset", members: [dorset, bcp])
///     dorset.area.id   // "838+839"
public struct Partnership: Sendable, Hashable {
    public var name: String
    /// The member authorities, in the order given.
    public var members: [Area]

    public init(name: String, members: [Area]) {
        self.name = name
        self.members = members
    }

    /// The partnership as an area: its id joins the members' codes ("838+839"); its region
    /// is the members' region when they share one, and empty otherwise.
    public var area: Area {
        let codes = members.map(\.oldCode).joined(separator: "+")
        let regions = Array(Set(members.map(\.regionCode)))
        let common = regions.count == 1 ? members[0] : nil
        return Area(id: codes, level: .partnership, name: name, newCode: "", oldCode: codes,
                    regionCode: common?.regionCode ?? "", regionName: common?.regionName ?? "",
                    latestYear: members.map(\.latestYear).min() ?? 0, firstYear: members.map(\.firstYear).max() ?? 0)
    }

    /// The members' regions, each once, in the members' order.
    public var regions: [(code: String, name: String)] {
        var seen: Set<String> = []
        return members.compactMap { m in seen.insert(m.regionCode).inserted ? (m.regionCode, m.regionName) : nil }
    }
}
