import Testing

@testable import Document

@Suite struct EscapeTests {
    @Test func htmlSpecialsAreEscapedEvenBeforeACombiningMark() {
        #expect(Escape.html("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
        // "<" with U+0338 is one Character; byte-level escaping still catches the "<".
        #expect(Escape.html("<\u{338}script>") == "&lt;\u{338}script&gt;")
        #expect(Escape.html("Bolton") == "Bolton")
    }

    @Test func markdownSyntaxIsEscaped() {
        #expect(Escape.markdown("a|b*c_[d]#`\\<") == "a\\|b\\*c\\_\\[d\\]\\#\\`\\\\&lt;")
        #expect(Escape.markdown("Saint Helens, é") == "Saint Helens, é")
    }

    @Test func onlySafeLinkTargetsSurvive() {
        for safe in ["charts/spine.svg", "#methods", "https://explore-education-statistics.service.gov.uk", "mailto:jsna@example.org", "350-bolton/chapter.html"] {
            #expect(Escape.linkTarget(safe) == safe)
        }
        for unsafe in ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "http://example.com"] {
            #expect(Escape.linkTarget(unsafe) == "#", "\(unsafe)")
        }
    }

    /// Characters XML forbids, and the invisible ones that reorder text, never reach a page,
    /// a chart or a Markdown table; line breaks end no table row.
    @Test func invisibleCharactersAreRemoved() {
        let text = "A\u{0}m\u{7}b\u{1B}e\u{7F}r\u{85}\u{202E}f\u{2066}o\u{200F}ld"
        #expect(Escape.printable(text) == "Amberfold")
        #expect(Escape.html(text + "\n<b>") == "Amberfold\n&lt;b&gt;")
        #expect(Escape.markdown("a|b\nc\r\td\u{B}") == "a\\|b c  d")
        // Characters near the removed ones stay: curly quotes, dashes, accents, £.
        let kept = "Children’s – “café” £5 é\u{301} ‘x’ …"
        #expect(Escape.printable(kept) == kept)
        #expect(Escape.printable("\u{2065}\u{202F}\u{A0}") == "\u{2065}\u{202F}\u{A0}", "neighbours of the removed ranges stay")
    }
}
