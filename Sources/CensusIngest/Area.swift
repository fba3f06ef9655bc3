/// The geographic levels of an explore-education-statistics file.
public enum GeographicLevel: String, Sendable, Hashable, Comparable, CaseIterable {
    case national = "National"
    case regional = "Regional"
    case localAuthority = "Local authority"
    /// Several authorities taken together as a chapter's subject (a safeguarding
    /// partnership): made by jsna from its members, never read from a file.
    case partnership = "Partnership"

    public static func < (a: GeographicLevel, b: GeographicLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// England, a region or a local authority, as the files name it.
///
/// ``id`` is the key jsna uses everywhere: the old three-digit LA code for authorities
/// (the code statistical-neighbour lists use), the E12 code for regions, E92000001 for England.
public struct Area: Sendable, Hashable {
    public var id: String
    public var level: GeographicLevel
    public var name: String
    public var newCode: String
    public var oldCode: String
    public var regionCode: String
    public var regionName: String
    /// For a London borough, "Inner London" or "Outer London": DfE's files give these as
    /// the borough's region, and publish figures for them, but the region is London.
    public var subRegionName = ""
    /// The latest census year in which the area appears (its name is taken from there).
    public var latestYear: Int
    public var firstYear: Int

    public static let englandID = "E92000001"
    /// London's region code, and DfE's two statistical sub-regions inside it (E13).
    public static let londonID = "E12000007"
    public static let londonSubRegions = ["E13000001": "Inner London", "E13000002": "Outer London"]

    /// True for Inner and Outer London: published beside the regions, but not regions.
    public var isLondonSubRegion: Bool { Self.londonSubRegions[id] != nil }

    public init(id: String, level: GeographicLevel, name: String, newCode: String, oldCode: String,
                regionCode: String, regionName: String, latestYear: Int, firstYear: Int) {
        self.id = id
        self.level = level
        self.name = name
        self.newCode = newCode
        self.oldCode = oldCode
        self.regionCode = regionCode
        self.regionName = regionName
        self.latestYear = latestYear
        self.firstYear = firstYear
    }
}

/// Every area seen in the files, with lookup by code or name for the command line.
public struct AreaDirectory: Sendable {
    public private(set) var byID: [String: Area] = [:]
    /// Areas known so far only from joint returns.
    private var jointOnly: Set<String> = []

    public init() {}

    /// Records an area as a file names it; the latest year's name wins. A name split from a
    /// joint return ("North Northamptonshire" from "North Northamptonshire / West
    /// Northamptonshire") never replaces one the authority's own rows give.
    mutating func record(_ area: Area, joint: Bool = false) {
        guard var known = byID[area.id] else {
            byID[area.id] = area
            if joint { jointOnly.insert(area.id) }
            return
        }
        let knownJoint = jointOnly.contains(area.id)
        known.firstYear = min(known.firstYear, area.firstYear)
        if joint == knownJoint ? area.latestYear >= known.latestYear : knownJoint {
            let first = known.firstYear
            known = area
            known.firstYear = first
            if !joint { jointOnly.remove(area.id) }
        }
        byID[area.id] = known
    }

    mutating func merge(_ other: AreaDirectory) {
        for area in other.byID.values { record(area, joint: other.jointOnly.contains(area.id)) }
    }

    public subscript(id: String) -> Area? { byID[id] }

    public var localAuthorities: [Area] {
        byID.values.filter { $0.level == .localAuthority }.sorted { $0.id < $1.id }
    }

    /// England's nine regions (Inner and Outer London are parts of London, not regions).
    public var regions: [Area] { byID.values.filter { $0.level == .regional && !$0.isLondonSubRegion }.sorted { $0.id < $1.id } }
}

extension String {
    /// The name as a file gives it, without control characters (C0, DEL, C1) or the
    /// invisible direction marks and overrides (U+200E/F, U+202A–E, U+2066–9): they would
    /// break an SVG's XML, a Markdown table row or the reading order of a sentence.
    public var cleanedName: String {
        var out = String.UnicodeScalarView()
        for c in unicodeScalars {
            switch c.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: continue
            default: out.append(c)
            }
        }
        return String(out)
    }
}

extension Area {
    /// The name as it reads inside a sentence: "the North West", "the East of England",
    /// "London", "England", "Bolton". Regions named for a compass point take "the".
    public var inSentence: String {
        guard level == .regional, ["North", "South", "East", "West"].contains(where: { name.hasPrefix($0 + " ") || name == $0 }) else { return name }
        return "the " + name
    }

    /// "the North West's", "the West Midlands'", "Bolton's".
    public var possessive: String { inSentence + (name.hasSuffix("s") ? "'" : "'s") }
}
