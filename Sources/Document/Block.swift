/// One block of a document. Writers (Markdown, HTML, Word's Markdown) walk these; only
/// ``rawHTML(_:)`` carries markup, and only an analyst's own prose uses it.
public enum Block: Sendable {
    case heading(level: Int, text: String, id: String?)
    case paragraph([Inline])
    /// A paragraph set apart: "Note: …".
    case note([Inline])
    /// A warning the reader must not miss (synthetic demonstration data).
    case banner([Inline])
    case list([[Inline]], ordered: Bool)
    /// Terms and their explanations (the methods).
    case definitions([Definition])
    case table(Table)
    case figure(ChartFigure)
    /// Markup passed through as written: the analyst's prose when `allow_html: true`.
    case rawHTML(String)
}

/// A term and what it means.
public struct Definition: Sendable {
    public var term: String
    public var detail: String

    public init(term: String, detail: String) {
        self.term = term
        self.detail = detail
    }
}

/// A level-2 part of a document: listed in the contents, reached by its id.
public struct Section: Sendable {
    public var id: String
    public var title: String
    public var blocks: [Block]
    /// Sections inside this one, after its blocks: a stage of the pathway holds its
    /// indicators. Headings go one level down (h2, then h3) and the contents list nests.
    public var subsections: [Section]
    /// In Word, the section starts on a new page (the first of the body, the appendix).
    public var startsPage: Bool

    public init(id: String, title: String, blocks: [Block], subsections: [Section] = [], startsPage: Bool = false) {
        self.id = id
        self.title = title
        self.blocks = blocks
        self.subsections = subsections
        self.startsPage = startsPage
    }

    /// This section's blocks, then its subsections' (depth first): reading order.
    public var allBlocks: [Block] { blocks + subsections.flatMap(\.allBlocks) }
}
