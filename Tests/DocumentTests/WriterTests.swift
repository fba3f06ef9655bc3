import Foundation
import Testing

@testable import Document

/// The three writers walk one tree: the same words come out of each, text is escaped for
/// each format, and tables keep their captions, header scopes and numeric alignment.
@Suite struct WriterTests {
    static let table = Table(
        caption: "Referrals | per 10,000", columns: [.text("Area"), .number("2024-25")],
        rows: [[Cell("Bolton <b>"), Cell("503.0")], [Cell("England"), Cell("c")]], key: ["c: suppressed to protect confidentiality"])

    static let document = Document(
        title: "Children's safeguarding: *Bolton*", pageTitle: "Bolton (2024-25)", kicker: "JSNA",
        front: [.banner([.strong("Synthetic."), .text(" Fictional.")]), .paragraph([.text("Intro <script>")])],
        sections: [
            Section(id: "referrals", title: "Referrals", blocks: [
                .paragraph([.text("In 2024-25 the rate was 503.0.")]), .note([.text("Uses 9 of 10 neighbours.")]),
                .figure(ChartFigure(id: "referrals_rate", svg: "<svg role=\"img\"></svg>\n", alternative: "Line chart [of] referrals", table: table)),
                .definitions([Definition(term: "Rate", detail: "Count ÷ children × 10,000")]),
                .list([[.text("one")], [.link("two", href: "javascript:alert(1)")]], ordered: true),
            ]),
        ],
        footer: [.text("Produced by jsna.")])

    @Test func githubMarkdown() {
        let md = MarkdownWriter().write(Self.document)
        #expect(md.hasPrefix("# Children's safeguarding: \\*Bolton\\*\n\n> **Synthetic.** Fictional.\n\nIntro &lt;script&gt;\n\n## Referrals\n\n"))
        #expect(md.contains("*Note:* Uses 9 of 10 neighbours.\n"))
        #expect(md.contains("![Line chart \\[of\\] referrals](charts/referrals_rate.svg)\n\n*Referrals \\| per 10,000*\n\n| Area | 2024-25 |\n| --- | ---: |\n| Bolton &lt;b&gt; | 503.0 |\n"))
        #expect(md.contains("c: suppressed to protect confidentiality\n"))
        #expect(md.contains("- **Rate**: Count ÷ children × 10,000\n"))
        #expect(md.contains("2. [two](#)\n"), "an unsafe link target is replaced")
        #expect(!md.contains("<svg"), "charts are linked, never inlined, in Markdown")
    }

    @Test func pandocMarkdownForWord() {
        let md = MarkdownWriter(flavour: .pandoc).write(Self.document)
        #expect(md.contains("![Line chart \\[of\\] referrals](charts/referrals_rate.png){width=15.0cm}\n\n| Area | 2024-25 |"))
        #expect(md.contains("| England | c |\n\nTable: Referrals \\| per 10,000\n"), "pandoc's own table caption")
        #expect(!md.contains("<"), "no raw HTML reaches pandoc")
    }

    @Test func wordColumnsAreSizedByTheirText() {
        let wide = Table(caption: "Spine", columns: [.text("Indicator"), .number("Value")],
                         rows: [[Cell("Children on child protection plans at 31 March"), Cell("1,311.7")]])
        let layout = WordLayout.layout(wide)
        #expect(!layout.landscape)
        #expect(layout.widths[1] > "1,311.7".count, "a number never has less room than its own length")
        #expect(layout.widths[0] > layout.widths[1], "the text column takes what is left")
        let md = MarkdownWriter(flavour: .pandoc).write(wide)
        #expect(md.contains("\n| " + String(repeating: "-", count: layout.widths[0]) + " | " + String(repeating: "-", count: layout.widths[1]) + ": |\n"), "\(md)")
        #expect(MarkdownWriter().write(wide).contains("\n| --- | ---: |\n"))
    }

    /// A table whose numbers cannot all fit across portrait A4 is planned onto a landscape
    /// page (counted in reading order, figures' tables included); one that fits stays portrait.
    @Test func wideTablesGetLandscapePages() {
        let columns: [Table.Column] = [.text("Indicator")] + (1...14).map { .number("Column \($0)") }
        let wide = Table(caption: "Every comparison", columns: columns, rows: [[Cell("Referrals")] + (1...14).map { _ in Cell("1,311.7") }])
        #expect(WordLayout.layout(wide).landscape)
        let fits = Table(caption: "At a glance", columns: Array(columns.prefix(7)), rows: [Array(wide.rows[0].prefix(7))])
        #expect(!WordLayout.layout(fits).landscape)
        let figure = ChartFigure(id: "c", svg: "<svg></svg>", alternative: "A chart", table: fits)
        let document = Document(title: "T", pageTitle: "T", front: [], sections: [
            Section(id: "a", title: "A", blocks: [.figure(figure), .table(wide), .table(fits), .table(wide)]),
        ], footer: [])
        #expect(WordPlan.make(document).landscapeTables == [1, 3])
        #expect(!MarkdownWriter(flavour: .pandoc).write(document).contains("<w:"), "the Markdown carries no Office XML")
    }

    /// Word's contents page follows the summary and lists each section and the sections in
    /// it, each with its own bookmark; sections marked to start a page do.
    @Test func wordContentsPageAndPageBreaks() {
        let document = Document(title: "T", pageTitle: "T", front: [], sections: [
            Section(id: "summary", title: "Summary", blocks: [.paragraph([.text("Key messages.")])]),
            Section(id: "need", title: "Level of need", blocks: [], subsections: [Section(id: "care", title: "Children looked after", blocks: [])], startsPage: true),
            Section(id: "methods", title: "Appendix A: Methods", blocks: [.paragraph([.text("Rates.")])], startsPage: true),
        ], footer: [], contentsAfter: 1)
        let plan = WordPlan.make(document)
        #expect(plan.contentsBefore == "need")
        #expect(plan.contents.map(\.id) == ["need", "care", "methods"] && plan.contents.map(\.depth) == [1, 2, 1])
        #expect(plan.contents.map(\.bookmark) == ["_Toc1", "_Toc2", "_Toc3"])
        #expect(plan.pageBreaksBefore == ["need", "methods"])
        let md = MarkdownWriter(flavour: .pandoc).write(document)
        #expect(md.contains("## Level of need {#need}\n") && md.contains("### Children looked after {#care}\n"), "pandoc bookmarks each heading by its id")
        #expect(!md.contains("openxml") && !md.contains("<w:"))
        #expect(WordPlan.make(Document(title: "T", pageTitle: "T", front: [], sections: document.sections, footer: [])).contentsBefore == nil)
    }

    @Test func htmlPage() {
        let html = PageShell.page(Self.document)
        #expect(html.contains("<title>Bolton (2024-25)</title>"))
        #expect(html.contains("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>"))
        #expect(html.contains("<header><p class=\"kicker\">JSNA</p>\n<h1>Children&#39;s safeguarding: *Bolton*</h1>\n<p class=\"banner\"><strong>Synthetic.</strong> Fictional.</p>\n<p>Intro &lt;script&gt;</p>\n</header>"))
        #expect(html.contains("<li><a href=\"#referrals\">Referrals</a></li>"))
        #expect(html.contains("<section aria-labelledby=\"referrals\">\n<h2 id=\"referrals\">Referrals</h2>"))
        #expect(html.contains("<figure>\n<svg role=\"img\"></svg>\n<figcaption>Line chart [of] referrals</figcaption>\n</figure>"))
        #expect(html.contains("<caption>Referrals | per 10,000</caption>\n<thead><tr><th scope=\"col\">Area</th><th scope=\"col\" class=\"num\">2024-25</th></tr></thead>"))
        #expect(html.contains("<tr><th scope=\"row\">Bolton &lt;b&gt;</th><td class=\"num\">503.0</td></tr>"))
        #expect(html.contains("<p class=\"key\">c: suppressed to protect confidentiality</p>"))
        #expect(html.contains("<li><a href=\"#\">two</a></li>"))
        #expect(!html.contains("<script") && !html.contains("javascript:"))
    }

    @Test func rawHTMLIsTheOnlyMarkupThatPasses() {
        #expect(HTMLWriter.write(.rawHTML("<b>bold</b>")) == "<b>bold</b>\n")
        #expect(HTMLWriter.write(.paragraph([.text("<b>bold</b>")])) == "<p>&lt;b&gt;bold&lt;/b&gt;</p>\n")
        #expect(MarkdownWriter(flavour: .pandoc).write(.rawHTML("<b>bold</b>")) == "&lt;b&gt;bold&lt;/b&gt;\n\n")
    }
}
