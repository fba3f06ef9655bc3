import Foundation
import TestSupport
import Testing

@testable import Chapter
import Mustache

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

    /// Issue 29: with allow_html: true, a name placed in an attribute broke out of it
    /// (`Bolton" onmouseover="alert(1)" x="`): data escaping left `"` and `'` alone.
    @Test func dataInAnAttributeStaysInIt() throws {
        var model = try demoChapter()
        for name in [#"Bolton" onmouseover="alert(1)" x=""#, "Bolton' onmouseover='alert(1)' x='"] {
            model.authority.name = name
            let text = "<span title=\"{{authority.name}}\">a</span> <span title='{{authority.name}}'>b</span>\n"
            let html = try ChapterTemplate(text: text, path: "t.md", allowHTML: true).render(model).html
            let body = try #require(html.components(separatedBy: "<main").last)
            #expect(!body.contains(#"" onmouseover=""#) && !body.contains("' onmouseover='"), "the quote closes no attribute: \(body.prefix(400))")
            #expect(body.contains("onmouseover"), "the name is still shown, as text")
        }
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

/// Templates are bounded and parsed in pieces that render as the whole would (issue 17, item 1).
@Suite struct TemplateBounds {
    @Test(arguments: [10, 60, 500, 4_000])
    func piecesAreTheWholeCutWhereNothingIsOpen(size: Int) {
        let text = DefaultTemplate.text + "\n{{#has_local}}\n{{{local.section}}}\n{{/has_local}}\ntail {{period}}.\n"
        let pieces = ChapterTemplate.pieces(text, size: size)
        #expect(pieces.joined() == text)
        if size <= 60 { #expect(pieces.count > 5) }
        for piece in pieces.dropFirst() {
            // Never a section, comment or whitespace first: each piece starts as it would mid-line.
            #expect(!piece.hasPrefix("{{#") && !piece.hasPrefix("{{/") && !piece.hasPrefix("{{^") && !piece.hasPrefix("{{!"), "\(piece.prefix(20))")
            #expect(piece.first.map { !$0.isWhitespace } ?? true)
        }
    }

    @Test func aLargeTemplateRendersAndAnOverlargeOneIsRefused() throws {
        let model = try DemoChapter.model()
        let many = "# Many\n\n" + Array(repeating: "{{authority.name}}", count: 20_000).joined(separator: " ") + "\n"
        let rendered = try ChapterTemplate(text: many, path: "many.md").render(model, word: false)
        #expect(rendered.markdown.components(separatedBy: "Amberfold").count - 1 == 20_000)
        let big = String(repeating: "x", count: (1 << 20) + 1)
        #expect(throws: (any Error).self) { try ChapterTemplate(text: big, path: "big.md").render(model, word: false) }
        let deep = Array(repeating: "{{#has_local}}", count: 51).joined(separator: "\n") + "\nx\n" + Array(repeating: "{{/has_local}}", count: 51).joined(separator: "\n")
        #expect { try ChapterTemplate(text: deep, path: "deep.md").render(model, word: false) } throws: { "\($0)".contains("deep.md:51:1: sections nest more than 50 deep here") }
    }
}

/// Mustache a template may contain by mistake or by design: each is refused with the
/// template's line and column and one plain sentence, never the parser's own words.
@Suite struct TemplateMistakes {
    @Test(arguments: [
        ("{{ #has_local }}x{{ /has_local }}", "t.md:3:1: {{ #has_local}}: write {{#has_local}}, with no space after the braces"),
        ("{{=<% %>=}}", "t.md:3:1: {{=…=}} changes Mustache's delimiters"),
        ("{{% CONTENT_TYPE: TEXT }}", "t.md:3:1: {{%…}} is a Mustache setting"),
        ("{{<parent}}{{/parent}}", "t.md:3:1: {{<parent}}: template inheritance is not supported"),
        ("{{$block}}x{{/block}}", "t.md:3:1: {{$block}}: template inheritance is not supported"),
        ("{{uppercased(authority.name)}}", "t.md:3:1: {{uppercased(authority.name)}}: Mustache transforms are not supported"),
        ("{{#has_local}}\n{{authority.name}\n{{/has_local}}", "t.md:4:1: a tag opened here is not closed with }} on its line"),
        ("text {{authority.name}", "t.md:3:6: a tag opened here is never closed with }}"),
        ("{{#has_local}}x{{/has_local}}{{/has_local}}", "t.md:3:30: {{/has_local}} closes a section that was never opened"),
        ("{{#has_local}}x", "t.md:3:1: {{#has_local}} opens a section that is never closed"),
        ("{{ }}", "t.md:3:1: an empty tag {{}}"),
    ])
    func refused(text: String, message: String) throws {
        do {
            _ = try ChapterTemplate(text: "# T\n\n" + text + "\n", path: "t.md").render(try DemoChapter.model(), word: false)
            Issue.record("\(text.debugDescription) was accepted")
        } catch {
            let said = "\(error)"
            #expect(said.hasPrefix(message), "\(text.debugDescription): \(said)")
            #expect(!said.contains("\n"))
        }
    }

    /// The parser's backstop: every error swift-mustache can give reads as a sentence.
    @Test func everyParserErrorIsAPlainSentence() {
        let all: [MustacheTemplate.Error] = [.sectionCloseNameIncorrect, .unfinishedName, .expectedSectionEnd, .invalidSetDelimiter, .transformAppliedToInheritanceSection,
                                             .illegalTokenInsideInheritSection, .textInsideInheritSection, .invalidConfigVariableSyntax, .unrecognisedConfigVariable]
        for error in all {
            let sentence = ChapterTemplate.plainSentence(error)
            #expect(!sentence.contains("\(error)") && !sentence.contains("Error") && !sentence.contains("\n"), "\(error): \(sentence)")
        }
        #expect(ChapterTemplate.plainSentence(CocoaError(.fileNoSuchFile)).hasPrefix("the template's tags could not be read here"))
    }
}
