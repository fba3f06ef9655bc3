import Document
import Indicators
import ReportModel
import Statistics

/// The chapter as one document tree, from which Markdown, HTML and Word are written.
///
///     let document = ChapterDocument.make(model)
///     MarkdownWriter().write(document)   // chapter.md
///     PageShell.page(document)           // chapter.html
public enum ChapterDocument {
    public static func make(_ model: ChapterModel) -> Document {
        var front: [Block] = []
        if model.isSynthetic { front.append(.banner(syntheticBanner)) }
        front.append(.paragraph([.text(introduction(model))]))
        var sections = [Section(id: "key-messages", title: "Key messages", blocks: [.list(model.keyMessages.map { [.text($0.text)] }, ordered: false)])]
        if let spine = model.spine, !spine.rows.isEmpty {
            sections.append(Section(id: "at-a-glance", title: "At a glance", blocks: [.figure(ChartFigures.spine(spine))]))
        }
        sections.append(Section(id: "summary", title: "Summary", blocks: [.list(summary(model).map { [.text($0)] }, ordered: false)]))
        sections += stages(model)
        if let local = model.local { sections.append(self.local(local)) }
        if let pathway = model.pathway { sections.append(self.pathway(pathway, authority: model.authority.name)) }
        sections.append(Section(id: "data-notes", title: "Data notes", blocks: [.list(model.dataNotes.map { [.text($0)] }, ordered: false)]))
        sections.append(Section(id: "methods", title: "Methods", blocks: [.definitions(model.methods.map { Definition(term: $0.term, detail: $0.explanation) })]))
        sections.append(Section(id: "sources", title: "Sources and provenance", blocks: [
            .table(sourcesTable(model)), .list(ProvenanceText.lines(model).map { [.text($0)] }, ordered: false),
        ]))
        return Document(
            title: model.title, pageTitle: pageTitle(model), kicker: "Joint Strategic Needs Assessment: safeguarding children",
            front: front, sections: sections, footer: footer(model))
    }

    /// The summary: each pathway indicator's headline, and the factors in one sentence.
    static func summary(_ model: ChapterModel) -> [String] {
        model.sections.filter { $0.indicator.stage != .factors }.map(\.sentence) + (model.factors.map { [$0.sentence] } ?? [])
    }

    /// The indicators grouped by the stage of the pathway, in order, each stage opened by
    /// its bridge sentence; the assessment factors as one section with one chart and table.
    static func stages(_ model: ChapterModel) -> [Section] {
        IndicatorStage.allCases.compactMap { stage in
            let bridge = Block.paragraph([.text(stage.bridge)])
            if stage == .factors {
                guard let factors = model.factors else { return nil }
                return Section(id: stage.rawValue, title: stage.title, blocks: [bridge, .paragraph([.text(factors.sentence)]), .figure(ChartFigures.spine(factors.chart))])
            }
            let members = model.sections.filter { $0.indicator.stage == stage }
            guard !members.isEmpty else { return nil }
            return Section(id: stage.rawValue, title: stage.title, blocks: [bridge], subsections: members.map(section))
        }
    }

    /// The standard chapter as GitHub-flavoured Markdown (chapter.md).
    public static func markdown(_ model: ChapterModel) -> String { MarkdownWriter().write(make(model)) }

    /// The standard chapter as one self-contained HTML page (chapter.html).
    public static func html(_ model: ChapterModel) -> String { PageShell.page(make(model)) }

    static let syntheticBanner: [Inline] = [
        .strong("Synthetic demonstration data."), .text(" Every authority, code and figure in this chapter is fictional."),
    ]

    /// "Children's safeguarding: Bolton (2024-25)", and says so when the data is synthetic.
    public static func pageTitle(_ model: ChapterModel) -> String {
        "\(model.title) (\(model.period))" + (model.isSynthetic ? " — synthetic demonstration data" : "")
    }

    static func introduction(_ model: ChapterModel) -> String {
        let a = model.authority
        if a.level == .regional {
            return "Children in need, child protection and children looked after in the \(a.name) region, \(model.period), compared with England, with its \(model.members.count) local authorities beside it in the bar charts."
        }
        if a.level == .national {
            return "Children in need, child protection and children looked after in England, \(model.period), with its \(model.members.count) regions beside it in the bar charts."
        }
        if !model.members.isEmpty {
            let names = model.members.map { "\($0.name) (\($0.oldCode))" }
            let region = a.regionName.isEmpty ? "" : ", the \(a.regionName) region"
            return "Children in need, child protection and children looked after in \(a.name), a partnership of \(names.spokenList()), \(model.period), compared with England\(region) and each member authority. Statistical neighbours do not apply to a partnership."
        }
        return "Children in need, child protection and children looked after in \(a.name) (\(a.oldCode), \(a.newCode)), \(model.period), compared with England, the \(a.regionName) region and its statistical neighbours (DfE \(model.neighbourModel) model: \(model.neighbourNames.joined(separator: ", ")))."
    }

    public static func footer(_ model: ChapterModel) -> [Inline] {
        [.text("Produced by jsna from published DfE and ONS statistics (Open Government Licence v3.0)\(model.isSynthetic ? "; this edition uses synthetic demonstration data" : "").")]
    }

    /// The files read, with their SHA-256.
    public static func sourcesTable(_ model: ChapterModel) -> Table {
        Table(
            caption: "Files read",
            columns: [.text("File"), .text("What it is"), .text("Years"), .number("Rows read"), .text("SHA-256")],
            rows: model.sources.map { [Cell($0.file), Cell($0.title), Cell($0.years), Cell(String($0.rows)), Cell([.code($0.sha256)])] })
    }
}
