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
}
