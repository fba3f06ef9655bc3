import Chapter
import Foundation
import ReportModel
import TestSupport
import Testing

/// Whether pandoc and rsvg-convert are installed (`make docx-deps`); the Word tests say
/// they are skipped otherwise.
let wordToolsInstalled = (try? WordDocument.checkTools()) != nil

/// chapter.docx read back as Word would: real headings, Word tables with a repeated header
/// row, one image per chart carrying its description, page numbers, same bytes each time.
@Suite(.enabled(if: wordToolsInstalled, "needs pandoc and rsvg-convert (make docx-deps)"))
struct WordDocumentTests {
    static func demoDocx() throws -> (model: ChapterModel, docx: Data) {
        let model = try DemoChapter.model(withExtract: true)
        let files = try ChapterFiles(word: WordDocument()).make(model)
        return (model, try #require(files.first { $0.name == "chapter.docx" }?.contents))
    }

    @Test func headingsTablesImagesAndPageNumbers() throws {
        let (model, docx) = try Self.demoDocx()
        let file = try OfficeFile(data: docx)
        let xml = try file.part("word/document.xml")
        #expect(xml.contains("<w:pStyle w:val=\"Heading1\" />") && xml.contains("<w:pStyle w:val=\"Heading2\" />"))
        #expect(xml.contains("Key messages") && xml.contains("Sources and provenance"))
        // Every comparison table is a Word table whose header row repeats on each page.
        let tables = OfficeFile.matches("<w:tbl>", in: xml).count
        #expect(tables >= model.sections.filter { $0.indicator.stage != .factors }.count)
        #expect(OfficeFile.matches("<w:tblHeader w:val=\"true\" />", in: xml).count == tables)
        // One picture per chart, described by the chart's own text alternative.
        let descriptions = OfficeFile.matches(#"<wp:docPr descr="([^"]*)""#, in: xml).map { OfficeFile.unescape($0[0]) }
        let charts = ChapterDocument.make(model).placedFigures
        #expect(descriptions.count == charts.count)
        let trend = try #require(model.sections.first { $0.id == .referralsRate }).chart.description
        #expect(descriptions.contains { $0.hasPrefix(String(trend.prefix(60))) })
        #expect(file.parts.filter { $0.hasPrefix("word/media/") }.count == charts.count)
        // Headline figures, the local section and the methods are all there.
        let sentence = try #require(model.sections.first { $0.id == .referralsRate }).sentence
        #expect(xml.contains("728.9 per 10,000 children aged under 18"), "\(sentence)")
        #expect(xml.contains("Referrals this year: the council") && xml.contains("Confidence intervals for rates"))
        // A4 with 2 cm margins, the title and period in the header, page numbers in the
        // footer, and a contents page whose page numbers point at bookmarks in the headings.
        #expect(try file.part("word/footer1.xml").contains("PAGE"))
        #expect(try file.part("word/header1.xml").contains("Children&#39;s safeguarding: Amberfold, 2024-25"))
        #expect(xml.contains("<w:pgSz w:h=\"16838\" w:w=\"11906\" /><w:pgMar w:bottom=\"1134\" w:footer=\"567\" w:gutter=\"0\" w:header=\"567\" w:left=\"1134\" w:right=\"1134\" w:top=\"1134\" />"))
        #expect(xml.contains(" PAGEREF _Toc1 \\h ") && xml.contains("w:name=\"_Toc1\""))
        #expect(!xml.contains("JSNA-PAGE"), "every section marker became a page set-up")
        // The wide appendix table sits on a landscape page, with the same header and footer.
        #expect(xml.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
        #expect(try file.part("word/styles.xml").contains("w:val=\"en-GB\""))
    }

    @Test func sameInputsSameBytes() throws {
        #expect(try Self.demoDocx().docx == Self.demoDocx().docx)
    }

    @Test func aHouseStyleIsUsed() throws {
        // A council's reference document: pandoc's own with a style of the council's added.
        let folder = try temporaryDirectory()
        let house = folder.appendingPathComponent("house-style.docx")
        let pandoc = Process()
        pandoc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        pandoc.arguments = ["pandoc", "--print-default-data-file", "reference.docx"]
        let pipe = Pipe()
        pandoc.standardOutput = pipe
        try pandoc.run()
        let original = pipe.fileHandleForReading.readDataToEndOfFile()
        pandoc.waitUntilExit()
        try OfficeFile.rewrite(original, part: "word/styles.xml", to: house) {
            $0.replacingOccurrences(of: "</w:styles>", with: "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"BoltonHouseStyle\"><w:name w:val=\"Bolton House Style\" /></w:style></w:styles>")
        }
        let model = try DemoChapter.model()
        let files = try ChapterFiles(word: WordDocument(referenceDocx: house.path)).make(model)
        let docx = try OfficeFile(data: try #require(files.first { $0.name == "chapter.docx" }?.contents))
        #expect(try docx.part("word/styles.xml").contains("BoltonHouseStyle"))
        #expect(!docx.parts.contains("word/footer1.xml"), "the council's document decides the footer")
    }

    @Test func aTemplateChapterInWordHasTheProseChartsAndTablesWithoutRawMarkup() throws {
        let model = try DemoChapter.model()
        let template = ChapterTemplate(text: DefaultTemplate.text, path: "chapter.md")
        let files = try ChapterFiles(template: template, word: WordDocument()).make(model)
        let docx = try OfficeFile(data: try #require(files.first { $0.name == "chapter.docx" }?.contents))
        let xml = try docx.part("word/document.xml")
        #expect(xml.contains("Who is at risk and why") && xml.contains("Write two or three sentences"))
        #expect(xml.contains("<w:tbl>") && xml.contains("<wp:docPr descr=\"Line chart of referrals"))
        #expect(!xml.contains("&lt;svg") && !xml.contains("&lt;table"), "no HTML shown as text")
    }

    /// Issue 29: pandoc's raw blocks were on, so a template's ```{=openxml}``` block went into
    /// the .docx verbatim (an INCLUDEPICTURE field fetching a remote address, with
    /// allow_html: true) or as stray escaped XML. They are off: either way it is text.
    @Test(arguments: [false, true]) func rawOfficeXMLInATemplateIsText(allowHTML: Bool) throws {
        let model = try DemoChapter.model()
        let raw = "```{=openxml}\n<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> INCLUDEPICTURE \"https://example.org/x.png\" </w:instrText></w:r></w:p>\n```\n"
        let template = ChapterTemplate(text: "# {{authority.name}}\n\n" + raw + "\nPlain prose `{=openxml}` inline.\n", path: "chapter.md", allowHTML: allowHTML)
        let files = try ChapterFiles(template: template, word: WordDocument()).make(model)
        let xml = try OfficeFile(data: try #require(files.first { $0.name == "chapter.docx" }?.contents)).part("word/document.xml")
        #expect(!xml.contains("<w:instrText> INCLUDEPICTURE") && !xml.contains("w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> INCLUDE"), "no field from the template")
        #expect(xml.contains("INCLUDEPICTURE"), "shown as the text it is")
    }

    @Test func aMissingHouseStyleIsOneLine() throws {
        let model = try DemoChapter.model()
        do {
            _ = try ChapterFiles(word: WordDocument(referenceDocx: "/nonexistent/house.docx")).make(model)
            Issue.record("expected an error")
        } catch let error as WordError {
            #expect(error.description == "/nonexistent/house.docx: reference document not found")
        }
    }
}
