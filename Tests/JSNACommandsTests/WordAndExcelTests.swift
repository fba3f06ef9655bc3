import Chapter
import Foundation
import TestSupport
import Testing

/// `--docx` and `--xlsx` (and `docx: true`, `xlsx: true`, `reference_docx:` in jsna.yml)
/// end to end, as an analyst runs them.
@Suite struct WordAndExcelOutputs {
    static let wordTools = (try? WordDocument.checkTools()) != nil

    @Test(.enabled(if: SharedData.hasDFE && wordTools, "needs ../shared/data/dfe, pandoc and rsvg-convert"))
    func boltonInWordAndExcel() throws {
        let dfe = try #require(sharedDFE)
        let out = try temporaryDirectory().appendingPathComponent("bolton")
        let run = try Run.jsna(["build", "--data", dfe, "--la", "Bolton", "--docx", "--xlsx", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["chapter.md", "chapter.html", "chapter.docx", "chapter.xlsx", "indicators.csv", "charts/referrals_rate.svg"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
        }
        // Word: what a reader sees, through pandoc's own reading of the file.
        let plain = try Self.pandocPlain(out.appendingPathComponent("chapter.docx"))
        #expect(plain.contains("In 2024-25 Bolton's rate of referrals was 503.0 per 10,000 children aged under 18 (3,803 referrals; 95% CI 487.2–519.3)."))
        // Excel: the rate is the number 503.0 and a suppressed figure is the text c.
        let xlsx = try OfficeFile(data: try Data(contentsOf: out.appendingPathComponent("chapter.xlsx")))
        let cells = try xlsx.cells(sheet: "Figures")
        let bolton = try #require(cells.figuresRow(id: "referrals_rate", period: "2024-25", area: "Bolton"))
        guard case .number(let rate)? = cells["I\(bolton)"] else { Issue.record("rate is not a number"); return }
        #expect((rate * 10).rounded() / 10 == 503.0)
        #expect(cells["G\(bolton)"] == .number(3803) && cells["H\(bolton)"] == .number(75_599))
        let rochdale = try #require(cells.figuresRow(id: "factor_child_criminal_exploitation_pct", period: "2021-22", area: "Rochdale"))
        #expect(cells["I\(rochdale)"] == .text("c") && cells["J\(rochdale)"] == .text("c"))
    }

    @Test(.enabled(if: wordTools, "needs pandoc and rsvg-convert"))
    func configTurnsBothOnWithAHouseStyle() throws {
        let project = try temporaryDirectory()
        // jsna's own Word output serves as a house style: any .docx's styles can be used.
        let first = try Run.jsna(["build", "--data", demoData, "--la", "971", "--docx", "--out", project.appendingPathComponent("first").path])
        #expect(first.status == 0, "\(first.stderr)")
        try FileManager.default.copyItem(at: project.appendingPathComponent("first/chapter.docx"), to: project.appendingPathComponent("house-style.docx"))
        let config = project.appendingPathComponent("jsna.yml")
        try Data("la: \"971\"\ndata: [\(demoData)]\nout: output\ndocx: true\nxlsx: true\nreference_docx: house-style.docx\n".utf8).write(to: config)
        let run = try Run.jsna(["build", "--config", config.path])
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["chapter.docx", "chapter.xlsx"] {
            #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("output/\(file)").path), "\(file)")
        }
    }

    @Test func withoutPandocDocxSaysWhatToInstallAndWritesNothing() throws {
        let out = try temporaryDirectory().appendingPathComponent("demo")
        let empty = try temporaryDirectory()
        let run = try Run.jsna(["build", "--data", demoData, "--la", "971", "--docx", "--out", out.path], environment: ["PATH": empty.path])
        #expect(run.status != 0)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("--docx needs pandoc") && run.stderr.contains("apt-get install pandoc"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func referenceDocxOutsideTheProjectIsRefused() throws {
        let project = try temporaryDirectory()
        let config = project.appendingPathComponent("jsna.yml")
        try Data("la: \"971\"\ndata: [\(demoData)]\ndocx: true\nreference_docx: ../elsewhere.docx\n".utf8).write(to: config)
        let run = try Run.jsna(["build", "--config", config.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("reference_docx \"../elsewhere.docx\" is outside the project folder"))
    }


    static func pandocPlain(_ docx: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pandoc", docx.path, "--to", "plain", "--wrap=none"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
