import Testing

@testable import Diagnostics

/// One located diagnostic for every reader: how it prints, and that it stays on one line.
@Suite struct DiagnosticTests {
    @Test func errorsWarningsAndNotesPrintLikeACompiler() {
        #expect(Diagnostic(path: "data/c1.csv", line: 12, column: 87, message: "\"abc\" is not a count").description
            == "data/c1.csv:12:87: \"abc\" is not a count")
        #expect(Diagnostic(.warning, at: SourceLocation(path: "sn.csv", line: 4, column: 12), "neighbour 999 is in no census file").description
            == "sn.csv:4:12: warning: neighbour 999 is in no census file")
        #expect(Diagnostic(.error, at: .whole("/data/dfe"), "data folder not found").description == "/data/dfe: data folder not found")
        #expect(Diagnostic(.note, at: nil, "two releases").description == "note: two releases")
    }

    @Test func severityWordOnRequest() {
        let d = Diagnostic(.error, at: SourceLocation(path: "list3.csv", line: 88, column: 41), "3 rows: Date of Referral is blank")
        #expect(d.text(severity: true) == "list3.csv:88:41: error: 3 rows: Date of Referral is blank")
        let w = Diagnostic(.warning, at: .whole("x.csv"), "ignored")
        #expect(w.text(severity: false) == "x.csv: ignored")
    }

    @Test func pathsAreShownFromTheDataFolderDown() {
        let d = Diagnostic(.warning, at: SourceLocation(path: "/home/ann/shared/data/dfe/c1.csv", line: 2, column: 1), "odd")
        #expect(d.text(showing: SourceLocation.short) == "data/dfe/c1.csv:2:1: warning: odd")
        #expect(SourceLocation.short("c1.csv") == "c1.csv")
    }

    @Test func alwaysOneLine() {
        let d = Diagnostic(path: "a.csv", line: 3, column: 5, message: "\"12\n3\" is not a count\u{2028}")
        #expect(!d.description.contains("\n") && d.description.contains("12\\n3"))
    }
}
