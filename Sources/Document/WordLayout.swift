/// How the Markdown written for Word lays out pages and tables: column widths that never
/// break a number, landscape pages for tables too wide for portrait A4, page breaks and a
/// contents page whose page numbers the word processor fills in.
///
/// pandoc's Markdown cannot say any of this, so it is written as raw Office XML blocks
/// (```` ```{=openxml} ````), which only jsna writes: every text run from the data is
/// escaped, backticks included, so no value can open such a block. Section breaks are
/// markers that ``WordSections`` (in Chapter) replaces with the reference document's own
/// page set-up once pandoc has run, so a council's house style keeps its headers.
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

    /// A page break.
    public static let pageBreak = raw(#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#)

    /// Where a page orientation ends: the section before the marker is set `portrait` or
    /// `landscape` (``WordSections`` writes the page set-up).
    public enum Orientation: String, Sendable { case portrait, landscape }

    public static func sectionEnd(_ orientation: Orientation) -> String {
        raw("<w:p><w:pPr><w:sectPr>\(marker(orientation))</w:sectPr></w:pPr></w:p>")
    }

    /// The text ``WordSections`` looks for inside a section break.
    public static func marker(_ orientation: Orientation) -> String { "JSNA-PAGE-\(orientation.rawValue.uppercased())" }

    /// A contents entry: the heading's id, its text, its depth (1 or 2) and the bookmark
    /// placed inside the heading (`_Toc1`: hidden in Word, as Word's own contents are).
    public struct ContentsEntry: Sendable {
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

    /// A bookmark inside a heading's own paragraph, as inline raw XML. pandoc's bookmark
    /// for a heading sits between paragraphs, and LibreOffice loses one that follows a
    /// table; inside the paragraph it cannot be lost.
    static func bookmark(_ name: String) -> String {
        let id = 90_000 + (Int(name.dropFirst(4)) ?? 0)
        return "`<w:bookmarkStart w:id=\"\(id)\" w:name=\"\(xmlText(name))\"/><w:bookmarkEnd w:id=\"\(id)\"/>`{=openxml}"
    }

    /// The contents page: each heading linked, with a page-number field (PAGEREF to the
    /// heading's bookmark) that Word and LibreOffice compute as they lay the pages out.
    public static func contents(_ entries: [ContentsEntry]) -> String {
        let tab = #"<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9638"/></w:tabs>"#
        var xml = #"<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t>Contents</w:t></w:r></w:p>"#
        for e in entries {
            let id = xmlText(e.bookmark)
            let indent = e.depth > 1 ? "<w:ind w:left=\"\(440 * (e.depth - 1))\"/>" : ""
            let bold = e.depth == 1 ? "<w:rPr><w:b/></w:rPr>" : ""
            xml += "\n<w:p><w:pPr>\(tab)\(indent)<w:spacing w:before=\"\(e.depth == 1 ? 120 : 0)\" w:after=\"0\"/></w:pPr>"
            xml += "<w:hyperlink w:anchor=\"\(id)\"><w:r>\(bold)<w:t xml:space=\"preserve\">\(xmlText(e.title))</w:t></w:r></w:hyperlink>"
            xml += "<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            xml += "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF \(id) \\h </w:instrText></w:r>"
            xml += "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>#</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
        }
        return raw(xml) + pageBreak
    }

    static func raw(_ xml: String) -> String { "```{=openxml}\n\(xml)\n```\n\n" }

    /// Text inside Office XML: the five XML escapes, and only printable characters.
    public static func xmlText(_ s: String) -> String { Escape.html(s) }
}
