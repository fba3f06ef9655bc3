/// A whole page: title, the front matter before the contents, sections and a footer.
///
/// One document is written as Markdown, as a self-contained HTML page (``PageShell``) and
/// as the Markdown pandoc turns into Word, so the three always say the same thing.
public struct Document: Sendable {
    public var title: String
    /// Added to the HTML page's `<title>` (the period, "synthetic demonstration data").
    public var pageTitle: String
    /// The line above the title in HTML ("Joint Strategic Needs Assessment: …").
    public var kicker: String?
    public var front: [Block]
    public var sections: [Section]
    public var footer: [Inline]
    /// In Word, the contents page comes before this section (0: first); the sections
    /// before it are the board's summary. nil: pandoc's own contents field (a template).
    public var contentsAfter: Int?
    /// Charts written to `charts/` beside the chapter without being placed in it (each
    /// indicator's neighbour bars and funnel plot): for the analyst and for templates.
    public var unplacedFigures: [ChartFigure]

    public init(title: String, pageTitle: String, kicker: String? = nil, front: [Block], sections: [Section], footer: [Inline],
                contentsAfter: Int? = nil, unplacedFigures: [ChartFigure] = []) {
        self.title = title
        self.pageTitle = pageTitle
        self.kicker = kicker
        self.front = front
        self.sections = sections
        self.footer = footer
        self.contentsAfter = contentsAfter
        self.unplacedFigures = unplacedFigures
    }
}

extension Document {
    /// Every section at any depth, in reading order.
    public var allSections: [Section] {
        func walk(_ s: Section) -> [Section] { [s] + s.subsections.flatMap(walk) }
        return sections.flatMap(walk)
    }

    /// Every chart in the document, in reading order, then the unplaced ones: what
    /// `charts/` holds.
    public var figures: [ChartFigure] { placedFigures + unplacedFigures }

    /// The charts the document shows, in reading order.
    public var placedFigures: [ChartFigure] {
        (front + sections.flatMap(\.allBlocks)).compactMap { block in
            if case .figure(let figure) = block { return figure }
            return nil
        }
    }
}
