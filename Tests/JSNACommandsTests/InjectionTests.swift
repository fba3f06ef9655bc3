import Foundation
import TestSupport
import Testing

/// Names come from files anyone can edit: a DfE download re-saved in Excel, a CMS export,
/// an analyst's template. Here the demo data's authority and region names, an extract's
/// labels and the template's prose carry markup and spreadsheet formulas, and the chapter
/// built from them must show them as text only: escaped in HTML, SVG and Markdown, and
/// defused in the CSV.
@Suite struct Injection {
    static let authority = #"Amber<script>alert(1)</script>"onload="x</svg>fold"#
    static let region = #"Northern <img src=x onerror=alert(2)> Fells"#
    /// Neighbours whose names a spreadsheet would run as formulas.
    static let formulas = [
        "Brindlecombe": #"=HYPERLINK("http://x.example","click")"#,
        "Corvin Heath": "+cmd|' /C calc'!A0",
        "Dunmarrow": "-2+3",
        "Elderbrook": "@SUM(1+1)",
    ]

    static func csvField(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// The demo data with the names replaced, and a project whose template has raw HTML.
    static func project() throws -> (project: URL, data: URL) {
        let project = try temporaryDirectory()
        let data = project.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: demoData) where name.hasSuffix(".csv") {
            var text = try String(contentsOfFile: demoData + "/" + name, encoding: .utf8)
            if name.contains("referrals_list3") {
                // Labels in the extract: a referral source and a team nobody mapped.
                text = text.replacingOccurrences(of: ",q) 6: Police,", with: "," + csvField("<script>alert(3)</script>") + ",")
                text = text.replacingOccurrences(of: "\"Assessment, South\"", with: csvField("</svg><svg onload=alert(4)>"))
            } else {
                text = text.replacingOccurrences(of: ",Amberfold,", with: "," + csvField(authority) + ",")
                text = text.replacingOccurrences(of: ",Northern Fells,", with: "," + csvField(region) + ",")
                for (plain, formula) in formulas { text = text.replacingOccurrences(of: ",\(plain),", with: "," + csvField(formula) + ",") }
            }
            try Data(text.utf8).write(to: data.appendingPathComponent(name))
        }
        try Data("""
            la: "971"
            data: [data]
            out: out
            extract: data/amberfold_referrals_list3.csv
            template: chapter.md
            """.utf8).write(to: project.appendingPathComponent("jsna.yml"))
        try Data("""
            # Safeguarding in {{authority.name}}

            Prose with <img src=x onerror=alert(5)> and <script>alert(6)</script> typed by an analyst.

            {{indicator.referrals_rate.sentence}}

            {{{chart.referrals_rate.trend}}}

            {{{chart.referrals_rate.neighbours}}}

            {{{table.sn_comparison}}}

            {{#has_local}}{{{local.section}}}{{/has_local}}

            {{{sources}}}
            """.utf8).write(to: project.appendingPathComponent("chapter.md"))
        return (project, data)
    }

    /// Every file under `folder`, as text.
    static func outputs(_ folder: URL) throws -> [(name: String, text: String)] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted().compactMap { name in
            var isFolder: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
            return (name, try String(contentsOfFile: path, encoding: .utf8))
        }
    }

    /// Markup from the data never appears as markup.
    static func expectNoMarkup(_ name: String, _ text: String) {
        let lower = text.lowercased()
        #expect(!lower.contains("<script"), "\(name) has a <script> element")
        #expect(!lower.contains("<img"), "\(name) has an <img> element")
        #expect(!lower.contains("onerror=") || !lower.contains("<img"), "\(name)")
        #expect(!lower.contains("<svg onload"), "\(name) has an onload attribute")
        if name.hasSuffix(".svg") || name.hasSuffix(".html") {
            // In markup a quote from the data would end an attribute; in Markdown text it is text.
            #expect(!text.contains("\"onload=\""), "\(name) has a quote from the data unescaped")
            // Every </svg> closes an <svg> jsna opened.
            #expect(text.components(separatedBy: "<svg").count == text.components(separatedBy: "</svg>").count, "\(name): an </svg> from the data closes a chart")
        }
    }

    @Test func aChapterShowsMarkupFromTheDataAsText() throws {
        let (project, _) = try Self.project()
        let run = try Run.jsna(["build", "--config", project.appendingPathComponent("jsna.yml").path])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try Self.outputs(project.appendingPathComponent("out"))
        #expect(files.contains { $0.name == "chapter.html" } && files.contains { $0.name.hasSuffix(".svg") })
        for (name, text) in files where !name.hasSuffix(".csv") { Self.expectNoMarkup(name, text) }
        let html = try #require(files.first { $0.name == "chapter.html" }?.text)
        // The names are there, as text.
        #expect(html.contains("Amber&lt;script&gt;alert(1)&lt;/script&gt;&quot;onload=&quot;x&lt;/svg&gt;fold"))
        #expect(html.contains("Prose with &lt;img src=x onerror=alert(5)&gt;"))
        let svg = try #require(files.first { $0.name.hasSuffix("referrals_rate-neighbours.svg") }?.text)
        #expect(svg.contains("&lt;/svg&gt;"))
    }

    @Test func theIndicatorCSVDefusesFormulas() throws {
        let (_, data) = try Self.project()
        let out = try temporaryDirectory().appendingPathComponent("all.csv")
        let run = try Run.jsna(["indicators", "--data", data.path, "--output", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOf: out, encoding: .utf8)
        for formula in Self.formulas.values {
            let defused = Self.csvField("'" + formula)
            let cell = formula.contains(",") || formula.contains("\"") ? defused : "'" + formula
            #expect(csv.contains("," + cell + ","), "\(formula) is not defused")
            #expect(!csv.contains("," + formula + ",") && !csv.contains("," + Self.csvField(formula) + ","), "\(formula) is live")
        }
    }

    @Test func theAllAuthoritiesIndexShowsNamesAsText() throws {
        let (_, data) = try Self.project()
        let out = try temporaryDirectory()
        let run = try Run.jsna(["build", "--all", "--data", data.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        for (name, text) in try Self.outputs(out) where name.hasSuffix(".html") || name.hasSuffix(".md") || name.hasSuffix(".svg") {
            Self.expectNoMarkup(name, text)
        }
    }
}

/// A template project attacked through its data and its own prose (issue 17, item 1): every
/// case is refused with the template's line and column, or comes out as text.
@Suite struct TemplateInjectionCorpus {
    static let name = "Bolton [js](javascript:alert(1)) ![i](https://evil.example/x.png) <script>x</script>"

    static func project(template extra: String) throws -> URL {
        let project = try temporaryDirectory()
        let data = project.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: demoData) where file.hasSuffix(".csv") && !file.contains("list3") {
            let text = try String(contentsOfFile: demoData + "/" + file, encoding: .utf8)
                .replacingOccurrences(of: ",Amberfold,", with: "," + Injection.csvField(Self.name) + ",")
            try Data(text.utf8).write(to: data.appendingPathComponent(file))
        }
        try Data("# {{authority.name}}\n\n{{{indicator.referrals_rate.sentence}}}\n".utf8).write(to: project.appendingPathComponent("unused.md"))
        try Data("# {{authority.name}}\n\n{{indicator.referrals_rate.sentence}}\n\n\(extra)\n".utf8).write(to: project.appendingPathComponent("chapter.md"))
        try Data("la: \"971\"\ndata: [data]\ntemplate: chapter.md\nout: out\n".utf8).write(to: project.appendingPathComponent("jsna.yml"))
        return project
    }

    @Test(arguments: [
        ("{{{authority.name}}}", "chapter.md:5:1: {{{authority.name}}} would put a value from the data into the page unescaped"),
        ("{{&authority.name}}", "chapter.md:5:1: {{{authority.name}}} would put a value from the data into the page unescaped"),
        ("{{{indicator.referrals_rate.sentence}}}", "would put a value from the data into the page unescaped"),
        ("{{chart.referrals_rate.trend}}", "chapter.md:5:1: {{chart.referrals_rate.trend}} is a chart or table: write it in triple braces"),
        ("[x](javascript:alert(2))", "chapter.md:5:5: the link \"javascript:alert(2)\" is not allowed in a published chapter"),
        ("[x](JavaScript:alert(2))", "the link \"JavaScript:alert(2)\" is not allowed"),
        ("[x](vbscript:msgbox)", "the link \"vbscript:msgbox\" is not allowed"),
        ("[x](data:text/html,hi)", "the link \"data:text/html,hi\" is not allowed"),
        ("![x](https://evil.example/x.png)", "the image \"https://evil.example/x.png\" is not a file beside the template"),
        ("![x](//evil.example/x.png)", "the image \"//evil.example/x.png\" is not a file beside the template"),
        ("{{> partial}}", "chapter.md:5:1: {{> partial}}: includes are not supported"),
    ])
    func refused(line: String, message: String) throws {
        let project = try Self.project(template: line)
        let run = try Run.jsna(["build", "--config", project.appendingPathComponent("jsna.yml").path])
        #expect(run.status != 0, "\(line)")
        #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains(message), "\(line): \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("out").path))
    }

    @Test func namesFromTheDataAreTextAndAllowedLinksStay() throws {
        let project = try Self.project(template: "[DfE](https://explore-education-statistics.service.gov.uk) [top](#key-messages) [mail](mailto:jsna@example.org) [notes](notes.html)")
        let run = try Run.jsna(["build", "--config", project.appendingPathComponent("jsna.yml").path])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: project.appendingPathComponent("out/chapter.html"), encoding: .utf8)
        #expect(!html.contains("href=\"javascript:") && !html.contains("src=\"https://evil") && !html.lowercased().contains("<script"))
        #expect(html.contains("Bolton [js](javascript:alert(1))"), "the name shows as text")
        for href in ["https://explore-education-statistics.service.gov.uk", "#key-messages", "mailto:jsna@example.org", "notes.html"] {
            #expect(html.contains("href=\"\(href)\""), "\(href)")
        }
    }
}
