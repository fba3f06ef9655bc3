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
        let sections = [summary(model)] + body(model) + appendix(model)
        return Document(
            title: model.title, pageTitle: pageTitle(model), kicker: "Joint Strategic Needs Assessment: safeguarding children",
            front: front, sections: sections, footer: footer(model), contentsAfter: 1, unplacedFigures: unplacedFigures(model))
    }

    /// The board's summary: the key messages and one table and chart of every indicator
    /// against England and the neighbours, with a line on how to read "similar".
    static func summary(_ model: ChapterModel) -> Section {
        var parts = [Section(id: "key-messages", title: "Key messages", blocks: [.list(model.keyMessages.map { [.text($0.text)] }, ordered: false)])]
        if let spine = model.spine, !spine.rows.isEmpty {
            parts.append(Section(id: "at-a-glance", title: "At a glance", blocks: [.paragraph([.text(howToRead)]), .figure(ChartFigures.spine(spine))]))
        }
        return Section(id: "summary", title: "Summary", blocks: [], subsections: parts)
    }

    /// Each pathway indicator's headline sentence and the factors' (a template's
    /// `{{{summary}}}`).
    static func headlines(_ model: ChapterModel) -> [String] {
        model.sections.filter { $0.indicator.stage != .factors }.map(\.sentence) + (model.factors.map { [$0.sentence] } ?? [])
    }

    static let howToRead = "\"Higher\" or \"lower\" means the difference is larger than chance and the usual differences between councils would explain; \"similar\" means it is not. Appendix A says how each comparison is made."

    /// Where each stage of the pathway sits under the JSNA's headings.
    static let levelOfNeed: [IndicatorStage] = [.assessment, .care]
    static let servicesAndUse: [IndicatorStage] = [.frontDoor, .childProtection, .workforce]

    /// The sections under the JSNA's headings: who is at risk and why, the level of need,
    /// services and their use, unmet need and gaps, and recommendations for further work.
    static func body(_ model: ChapterModel) -> [Section] {
        var sections: [Section] = []
        if let factors = model.factors {
            sections.append(Section(id: "who-is-at-risk", title: "Who is at risk and why", blocks: [
                .paragraph([.text(IndicatorStage.factors.bridge)]), .paragraph([.text(factors.sentence)]), .figure(ChartFigures.spine(factors.chart)),
            ]))
        }
        sections.append(Section(id: "level-of-need", title: "Level of need", blocks: [], subsections: stages(model, levelOfNeed)))
        var services = stages(model, servicesAndUse)
        if let local = model.local { services.append(self.local(local)) }
        if let pathway = model.pathway { services.append(self.pathway(pathway, authority: model.authority.name)) }
        sections.append(Section(id: "services", title: "Services and their use", blocks: [], subsections: services))
        let further = FurtherWork.make(model)
        sections.append(Section(id: "gaps", title: "Unmet need and gaps", blocks: [.list(further.gaps.map { [.text($0)] }, ordered: false)]))
        sections.append(Section(id: "recommendations", title: "Recommendations for further work", blocks: [.list(further.recommendations.map { [.text($0)] }, ordered: true)]))
        if !sections.isEmpty { sections[0].startsPage = true }
        return sections
    }

    /// The indicators of the given stages, grouped by stage in pathway order, each stage
    /// opened by its bridge sentence.
    static func stages(_ model: ChapterModel, _ stages: [IndicatorStage]) -> [Section] {
        stages.compactMap { stage in
            let members = model.sections.filter { $0.indicator.stage == stage }
            guard !members.isEmpty else { return nil }
            return Section(id: stage.rawValue, title: stage.title, blocks: [.paragraph([.text(stage.bridge)])], subsections: members.map(section))
        }
    }

    /// The technical appendix: methods, data notes, the full tables, why each key message
    /// was chosen, and the files read.
    static func appendix(_ model: ChapterModel) -> [Section] {
        var tables: [Block] = []
        if let spine = model.spine, !spine.rows.isEmpty { tables += ChartFigures.spineFullTables(spine).map(Block.table) }
        // The factors' values are in their own table under "Who is at risk and why".
        tables += model.sections.filter { $0.indicator.stage != .factors }.map { .table(comparisonTable($0.table, decimals: $0.indicator.decimals)) }
        tables.append(.paragraph([.text(unplacedNote)]))
        let why = model.keyMessages.filter { !$0.why.isEmpty }.map { [Inline.text($0.why)] }
        return [
            Section(id: "methods", title: "Appendix A: Methods", blocks: [.definitions(model.methods.map { Definition(term: $0.term, detail: $0.explanation) })], startsPage: true),
            Section(id: "data-notes", title: "Appendix B: Data notes", blocks: [.list(model.dataNotes.map { [.text($0)] }, ordered: false)]),
            Section(id: "full-tables", title: "Appendix C: Full tables", blocks: tables),
            Section(id: "why-these-key-messages", title: "Appendix D: Why these key messages", blocks: [.list(why, ordered: false)]),
            Section(id: "sources", title: "Appendix E: Sources and provenance", blocks: [
                .table(sourcesTable(model)), .list(ProvenanceText.lines(model).map { [.text($0)] }, ordered: false),
            ]),
        ]
    }

    static let unplacedNote = "Each indicator's bar chart of the statistical neighbours and its funnel plot against all councils are in the charts folder beside this chapter (charts/<indicator>-neighbours.svg and charts/<indicator>-funnel.svg), and every council's figures are in the workbook and indicators.csv."

    /// The charts written beside the chapter but not placed in it (the factors have the
    /// one chart under "Who is at risk and why").
    static func unplacedFigures(_ model: ChapterModel) -> [ChartFigure] {
        model.sections.filter { $0.indicator.stage != .factors }.flatMap { s in
            [s.neighbourChart.map(ChartFigures.neighbours), s.funnel.map(ChartFigures.funnel)].compactMap { $0 }
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
            rows: model.sources.map { [Cell($0.file), Cell($0.title), Cell($0.years), Cell(String($0.rows)), Cell([.code(grouped($0.sha256))])] })
    }

    /// A SHA-256 in four groups of 16 hex digits, so it wraps inside a table cell.
    static func grouped(_ sha256: String) -> String {
        stride(from: 0, to: sha256.count, by: 16).map { i in
            String(sha256.dropFirst(i).prefix(16))
        }.joined(separator: " ")
    }
}
