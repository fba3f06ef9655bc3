import Foundation
import Testing

@testable import Chapter

@Suite struct Templates {
    @Test func aTagThatNamesNothingIsAnErrorWithItsLine() throws {
        let text = "# Title\n\nSome prose.\n  {{indicator.refferals_rate.sentence}}\n"
        do {
            _ = try ChapterTemplate(text: text, path: "chapter.md").render(try demoChapter())
            Issue.record("expected an error")
        } catch let error as TemplateError {
            #expect(error.line == 4 && error.column == 3)
            #expect(error.description.hasPrefix("chapter.md:4:3: the tag {{indicator.refferals_rate.sentence}} names nothing"))
            #expect(error.description.contains("did you mean indicator.referrals_rate.sentence?"))
        }
    }

    @Test func includesAreRefused() throws {
        #expect(throws: TemplateError.self) { try ChapterTemplate(text: "{{> ../../etc/passwd}}", path: "t.md").render(try demoChapter()) }
    }

    @Test func analystHTMLIsEscapedUnlessAllowed() throws {
        let text = "Prose <script>alert(1)</script> and <b>bold</b>.\n\n{{{chart.referrals_rate.trend}}}\n"
        let html = try ChapterTemplate(text: text, path: "t.md").render(try demoChapter()).html
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<svg"), "jsna's own charts still come through")
        let allowed = try ChapterTemplate(text: text, path: "t.md", allowHTML: true).render(try demoChapter()).html
        #expect(allowed.contains("<b>bold</b>"))
    }

    @Test func dataDerivedStringsAreAlwaysEscaped() throws {
        var model = try demoChapter()
        model.authority.name = "<script>alert(\"x\")</script>"
        model.sections[0].sentence = "</svg><img src=x onerror=alert(1)>"
        let text = "# {{authority.name}}\n\n{{indicator.referrals_rate.sentence}}\n"
        let rendered = try ChapterTemplate(text: text, path: "t.md", allowHTML: true).render(model)
        let (markdown, html) = (rendered.markdown, rendered.html)
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(!markdown.contains("<script") && !markdown.contains("<img"))
    }

    @Test func defaultTemplateGolden() throws {
        let rendered = try ChapterTemplate(text: DefaultTemplate.text, path: "chapter.md").render(try demoChapter(withExtract: true))
        let html = rendered.html
        try golden.expect(rendered.markdown, "demo-template.md")
        #expect(html.contains("<nav aria-labelledby=\"contents-heading\">"))
        #expect(html.contains("<h2 id=\"level-of-need\">Level of need</h2>"))
        #expect(html.contains("Synthetic demonstration data"))
    }
}
