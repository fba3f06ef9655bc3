import Foundation
import Statistics

/// One row's identity in an explore-education-statistics table.
public struct RowKey: Hashable, Sendable {
    public var area: String
    public var year: Int
    public var category: String
}

/// One published statistics file, held as typed figures by area, year and category.
///
/// Every measure column is kept (by its lower-cased header name), so the indicator
/// catalogue, not the reader, decides what is used. Symbols are ``Missing`` values.
public struct SourceTable: Sendable {
    public let kind: SourceKind
    public let path: String
    /// Measure columns (lower-cased), in file order.
    public let measures: [String]
    let measureIndex: [String: Int]
    var rows: [RowKey: Int] = [:]
    /// Rows that are one return for several authorities, under each authority's code.
    var joint: [RowKey: JointReturn] = [:]
    var values: [Figure] = []
    /// Each row's line in the file, and each measure's field in a record: to locate a value.
    var lines: [Int] = []
    var measureFields: [Int] = []
    public internal(set) var areas = AreaDirectory()
    public internal(set) var categories: Set<String> = []
    public internal(set) var rowsRead = 0
    /// SHA-256 of the file as read, for the chapter's provenance appendix.
    public internal(set) var sha256 = ""
    /// The newest time period in the file: its release.
    public internal(set) var release = 0
    public internal(set) var firstYear = Int.max
    /// Rows at geographic levels jsna does not use (e.g. "Local authority district"), by level.
    public internal(set) var skippedLevels: [String: Int] = [:]

    init(kind: SourceKind, path: String, measures: [String]) {
        self.kind = kind
        self.path = path
        self.measures = measures
        var index: [String: Int] = [:]
        for (i, m) in measures.enumerated() where index[m] == nil { index[m] = i }
        measureIndex = index
    }

    /// True when the file has this measure column (name compared lower-cased).
    public func has(_ measure: String) -> Bool { measureIndex[measure.lowercased()] != nil }

    /// The first of `names` (the names different releases use) that this file has.
    public func column(among names: [String]) -> String? {
        names.map { $0.lowercased() }.first { measureIndex[$0] != nil }
    }

    /// The figure for a measure, area and year; nil when the file has no such row or column.
    ///
    /// With `category` nil the file's only category is used (most files have one).
    public func figure(_ measure: String, area: String, year: Int, category: String? = nil) -> Figure? {
        guard let column = measureIndex[measure.lowercased()] else { return nil }
        let cat = category ?? (categories.count == 1 ? categories.first! : "")
        guard let row = rows[RowKey(area: area, year: year, category: cat)] else { return nil }
        return values[row * measures.count + column]
    }

    /// The joint return a row comes from, when the figures are one return for several
    /// authorities (DfE's workforce files: `940 / 941`, `314 / 318`).
    public func jointReturn(area: String, year: Int, category: String? = nil) -> JointReturn? {
        let cat = category ?? (categories.count == 1 ? categories.first! : "")
        return joint[RowKey(area: area, year: year, category: cat)]
    }

    /// Every row's area, year and category.
    public var rowKeys: Dictionary<RowKey, Int>.Keys { rows.keys }

    public var yearRange: ClosedRange<Int>? { firstYear <= release ? firstYear...release : nil }
}

/// One published return covering several authorities (North and West Northamptonshire's
/// children's trust, Kingston and Richmond's Achieving for Children): DfE writes the codes
/// and names joined by " / ".
public struct JointReturn: Sendable, Hashable {
    public var codes: [String]
    public var names: [String]

    /// "940 / 941" → ["940", "941"]; "350" → ["350"].
    static func parts(_ text: String) -> [String] {
        guard text.contains("/") else { return [text] }
        return text.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The other authorities' names, for "a joint return with West Northamptonshire".
    public func others(than code: String) -> [String] {
        zip(codes, names.count == codes.count ? names : codes).filter { $0.0 != code }.map(\.1)
    }
}
