/// How Word lays out a table: column widths that never break a number, and whether it
/// needs a landscape page. ``WordPlan`` carries the page decisions to the .docx.
///
///     WordLayout.layout(table)   // widths in characters, and whether it needs landscape
public enum WordLayout {
    /// Characters of 10-point table text across A4's 17 cm between 2 cm margins.
    public static let portraitCharacters = 100
    /// The same across landscape A4 (25.7 cm).
    public static let landscapeCharacters = 150
    /// Each cell's left and right padding (0.19 cm), in characters.
    static let padding = 1

    public struct TableLayout: Equatable, Sendable {
        /// Each column's share of the width, in characters (pandoc reads these as dashes).
        public var widths: [Int]
        public var landscape: Bool
    }

    /// Each column gets at least its longest unbreakable run (a number, a word, a range),
    /// so nothing is split mid-number; what is left of the page goes to the columns whose
    /// text wraps, in proportion to how much longer their text is. A table whose
    /// unbreakable runs do not fit portrait A4 is set on a landscape page.
    public static func layout(_ table: Table) -> TableLayout {
        let n = table.columns.count
        let cells = { (i: Int) in table.rows.map { i < $0.count ? $0[i].content.plainText : "" } }
        let minimum = (0..<n).map { i in
            max(words(table.columns[i].title).max() ?? 1, cells(i).map { words($0).max() ?? 0 }.max() ?? 0, 3) + 1
        }
        let natural = (0..<n).map { i in max(minimum[i], (cells(i).map(\.count).max() ?? 0) + 1) }
        let landscape = minimum.reduce(0, +) + padding * 2 * n > portraitCharacters
        let room = (landscape ? landscapeCharacters : portraitCharacters) - padding * 2 * n
        let spare = room - minimum.reduce(0, +)
        let wanted = zip(natural, minimum).map { $0 - $1 }
        let totalWanted = wanted.reduce(0, +)
        guard spare > 0, totalWanted > 0 else { return TableLayout(widths: minimum, landscape: landscape) }
        let widths = zip(minimum, wanted).map { m, w in m + min(w, w * spare / totalWanted) }
        return TableLayout(widths: widths, landscape: landscape)
    }

    /// The runs a line can never be broken inside (Word breaks only at spaces).
    static func words(_ text: String) -> [Int] { text.split(separator: " ").map(\.count) }

    /// A contents entry: the heading's id, its text, its depth (1 or 2) and the bookmark
    /// placed inside the heading (`_Toc1`: hidden in Word, as Word's own contents are).
    public struct ContentsEntry: Sendable, Equatable {
        public var id: String
        public var title: String
        public var depth: Int
        public var bookmark: String
        public init(id: String, title: String, depth: Int, bookmark: String) {
            self.id = id
            self.title = title
            self.depth = depth
            self.bookmark = bookmark
        }
    }

    /// Text inside Office XML: the five XML escapes, and only printable characters.
    public static func xmlText(_ s: String) -> String { Escape.html(s) }
}

/// What Word's pages need beyond pandoc's Markdown, worked out from the document tree and
/// applied to the .docx after pandoc has run (`WordPages` in Chapter): headings that start
/// a page, the contents page and where it goes, and the tables set on landscape pages. The
/// Markdown itself carries no raw Office XML (pandoc reads it with raw blocks off), so no
/// text, the analyst's included, can put markup into the document.
public struct WordPlan: Sendable, Equatable {
    /// The contents page goes before this section's heading; nil: no contents page.
    public var contentsBefore: String?
    public var contents: [WordLayout.ContentsEntry] = []
    /// Sections whose heading starts a new page.
    public var pageBreaksBefore: [String] = []
    /// Tables (counted in reading order, as pandoc writes them) set on landscape pages.
    public var landscapeTables: [Int] = []

    public init(contentsBefore: String? = nil) { self.contentsBefore = contentsBefore }

    /// The plan for a document: the contents page after its summary, page breaks where
    /// sections ask for them, landscape pages for tables too wide for portrait A4.
    public static func make(_ document: Document) -> WordPlan {
        var plan = WordPlan()
        if let after = document.contentsAfter, after < document.sections.count {
            plan.contentsBefore = document.sections[after].id
            let pairs = document.sections[after...].flatMap { s in [(s, 1)] + s.subsections.map { ($0, 2) } }
            plan.contents = pairs.enumerated().map { n, pair in
                WordLayout.ContentsEntry(id: pair.0.id, title: pair.0.title, depth: pair.1, bookmark: "_Toc\(n + 1)")
            }
        }
        plan.pageBreaksBefore = document.allSections.filter(\.startsPage).map(\.id)
        let tables = (document.front + document.sections.flatMap(\.allBlocks)).flatMap { block -> [Table] in
            switch block {
            case .table(let t): [t]
            case .figure(let f): f.table.map { [$0] } ?? []
            default: []
            }
        }
        plan.landscapeTables = tables.indices.filter { WordLayout.layout(tables[$0]).landscape }
        return plan
    }
}
