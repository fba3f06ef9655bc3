import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
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
        // Files an image tag may name: a logo, a text file, a hidden image, one too large,
        // and a link that leads out of the project.
        let images = project.appendingPathComponent("images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        try Self.png.write(to: images.appendingPathComponent("logo.png"))
        try Self.png.write(to: images.appendingPathComponent(".hidden.png"))
        try Data("not an image".utf8).write(to: images.appendingPathComponent("notes.png"))
        try (Self.png + Data(count: 5 << 20)).write(to: images.appendingPathComponent("huge.png"))
        let outside = try temporaryDirectory().appendingPathComponent("outside.png")
        try Self.png.write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: images.appendingPathComponent("link.png").path, withDestinationPath: outside.path)
        return project
    }

    /// A 1×1 PNG.
    static var png: Data { Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")! }

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
        ("![x](../outside.png)", "chapter.md:5:6: the image \"../outside.png\" is outside the template's folder"),
        ("![x](/etc/hostname)", "chapter.md:5:6: the image \"/etc/hostname\" is outside the template's folder"),
        ("![x](images/link.png)", "chapter.md:5:6: the image \"images/link.png\" is outside the template's folder"),
        ("![x](images/.hidden.png)", "chapter.md:5:6: the image \"images/.hidden.png\" is a hidden file"),
        ("![x](images/missing.png)", "chapter.md:5:6: the image \"images/missing.png\" is not a file beside the template"),
        ("![x](images)", "chapter.md:5:6: the image \"images\" is not a file"),
        ("![x](images/notes.png)", "chapter.md:5:6: the image \"images/notes.png\" is not a PNG, JPEG, GIF, WebP or SVG file"),
        ("![x](images/huge.png)", "chapter.md:5:6: the image \"images/huge.png\" is 5120 KB: images in a chapter may be up to 5 MB"),
        ("![x](chapter.md)", "chapter.md:5:6: the image \"chapter.md\" has the name of a file jsna writes"),
    ])
    func refused(line: String, message: String) throws {
        let project = try Self.project(template: line)
        let run = try Run.jsna(["build", "--config", project.appendingPathComponent("jsna.yml").path])
        #expect(run.status != 0, "\(line)")
        #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains(message), "\(line): \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("out").path))
    }

    /// A local image is embedded in the page (which stays one self-contained file), and
    /// copied beside chapter.md and into the Word document.
    @Test func localImagesAreEmbedded() throws {
        let project = try Self.project(template: "![Council logo](images/logo.png) and again ![Logo](./images/logo.png)")
        try Data("la: \"971\"\ndata: [data]\ntemplate: chapter.md\nout: out\ndocx: true\n".utf8).write(to: project.appendingPathComponent("jsna.yml"))
        let run = try Run.jsna(["build", "--config", project.appendingPathComponent("jsna.yml").path])
        #expect(run.status == 0, "\(run.stderr)")
        let out = project.appendingPathComponent("out")
        let html = try String(contentsOf: out.appendingPathComponent("chapter.html"), encoding: .utf8)
        let embedded = "src=\"data:image/png;base64,\(Self.png.base64EncodedString())\""
        #expect(html.components(separatedBy: embedded).count == 3, "both images are embedded")
        #expect(!html.contains("src=\"images/") && !html.contains("src=\"./images/"))
        #expect(try Data(contentsOf: out.appendingPathComponent("images/logo.png")) == Self.png)
        let markdown = try String(contentsOf: out.appendingPathComponent("chapter.md"), encoding: .utf8)
        #expect(markdown.contains("![Council logo](images/logo.png)"))
        let docx = try OfficeFile(data: Data(contentsOf: out.appendingPathComponent("chapter.docx")))
        #expect(docx.parts.contains { $0.hasPrefix("word/media/") && $0.hasSuffix(".png") }, "\(docx.parts)")
        #expect(try docx.part("word/document.xml").contains("Council logo"))
    }

    /// Issue 29, item 12: a template SVG with a script or an event attribute was copied
    /// into images/ and the Word document unchanged. Such an SVG is refused; a picture is not.
    @Test(arguments: [
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "a <script> element"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect/></svg>", "an event attribute"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"javascript:alert(1)\"><rect/></a></svg>", "a javascript: address"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><p>x</p></foreignObject></svg>", "a <foreignObject> element"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://example.org/t.png\"/></svg>", "a link to another file"),
    ])
    func activeSVGsAreRefused(svg: String, what: String) throws {
        let project = try Self.project(template: "![Map](images/map.svg)")
        try Data(svg.utf8).write(to: project.appendingPathComponent("images/map.svg"))
        let run = try Run.jsna(["build", "--config", project.appendingPathComponent("jsna.yml").path, "--docx"])
        #expect(run.status != 0 && run.stderr.contains("is an SVG with \(what)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("out").path))
    }

    @Test func aPlainSVGIsAPicture() throws {
        let project = try Self.project(template: "![Map](images/map.svg)")
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><defs><path id=\"p\" d=\"M0 0h5\"/></defs><use href=\"#p\"/><rect width=\"5\" height=\"5\"/></svg>".utf8)
            .write(to: project.appendingPathComponent("images/map.svg"))
        let run = try Run.jsna(["build", "--config", project.appendingPathComponent("jsna.yml").path])
        #expect(run.status == 0, "\(run.stderr)")
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

/// Control characters and direction overrides in names and labels (issue 17, item 4): a
/// bell, an escape sequence, DEL, C1, a right-to-left override and a line break inside an
/// authority's name and an extract's labels. Every SVG still parses as XML, every Markdown
/// table keeps its columns, and no output holds an invisible character from the data.
@Suite struct ControlCharactersInNames {
    static let name = "Amber\u{202E}fold\u{7}\u{1B}[31m\u{7F}\u{85}"
    static let label = "Assess\u{1}ment\u{2066}\nSouth\u{B}"

    @Test func outputsStayWellFormed() throws {
        let (project, _) = try Injection.project()
        let data = project.appendingPathComponent("data")
        for file in try FileManager.default.contentsOfDirectory(atPath: data.path) {
            let url = data.appendingPathComponent(file)
            var text = try String(contentsOf: url, encoding: .utf8)
            text = text.replacingOccurrences(of: Injection.csvField(Injection.authority), with: Injection.csvField(Self.name))
            text = text.replacingOccurrences(of: Injection.csvField("</svg><svg onload=alert(4)>"), with: Injection.csvField(Self.label))
            text = text.replacingOccurrences(of: Injection.csvField("<script>alert(3)</script>"), with: Injection.csvField("q) 6: Pol\u{8}ice\u{202D}\r\nline"))
            try Data(text.utf8).write(to: url)
        }
        let run = try Run.jsna(["build", "--config", project.appendingPathComponent("jsna.yml").path])
        #expect(run.status == 0, "\(run.stderr)")
        let outputs = try Injection.outputs(project.appendingPathComponent("out"))
        #expect(outputs.contains { $0.name.hasSuffix(".svg") })
        for (name, text) in outputs {
            let invisible = text.unicodeScalars.filter {
                ($0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value)) || (0x7F...0x9F).contains($0.value)
                    || [0x200E, 0x200F].contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
            }
            #expect(invisible.isEmpty, "\(name) holds \(invisible.map { String($0.value, radix: 16) })")
            if name.hasSuffix(".svg") {
                let parser = XMLParser(data: Data(text.utf8))
                #expect(parser.parse(), "\(name) is not well-formed XML: \(String(describing: parser.parserError))")
            }
            if name.hasSuffix(".md") {
                for table in MarkdownTable.all(in: text) {
                    let widths = Set(table.rows.map(\.count))
                    #expect(widths.count == 1, "\(name): a table under \(table.caption) has rows of \(widths.sorted()) cells")
                }
            }
        }
        let markdown = try #require(outputs.first { $0.name == "chapter.md" }).text
        #expect(markdown.contains("Amberfold\\[31m"), "the name is kept, less its invisible characters")
    }
}
