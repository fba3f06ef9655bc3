import ArgumentParser
import Chapter
import Foundation
import ReferralExtract

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write the chapter (chapter.md, chapter.html, charts/, indicators.csv; chapter.docx, chapter.xlsx) for one authority, a partnership, a region or England.",
        discussion: """
            Examples:
              jsna build --data ../shared/data/dfe --la Bolton --year 2025 --out reports/bolton
              jsna build --data ../shared/data/dfe --la 350 --sn-model 2021 --out reports/bolton-2021
              jsna build --config jsna.yml
              jsna build --all --data ../shared/data/dfe --out reports/
              jsna build --data ../shared/data/dfe --la Bolton --docx --xlsx --out reports/bolton
              jsna build --data ../shared/data/dfe --area "Pan-Dorset=838,839" --out reports/pan-dorset
              jsna build --data ../shared/data/dfe --la "North West" --out reports/north-west

            An authority is accepted by old code (350), new code (E08000001) or name (bolton); \
            a region by name or code (North West, E12000002), or England. \
            The year is the census year, 2025 or 2024-25 (default: the latest in the data). \
            Outputs are written in full to temporary files and then renamed into place.
            """)

    @OptionGroup var data: DataOptions

    @Option(name: .long, help: ArgumentHelp("Local authority (old code, new code or name), region, or England.", valueName: "code-or-name"))
    var la: String?

    @Option(name: .long, help: ArgumentHelp("A partnership of authorities as the subject: its name, =, and its members by code or name (\"Pan-Dorset=838,839\").", valueName: "name=members"))
    var area: String?

    @Option(name: .long, help: ArgumentHelp("Census year, e.g. 2025 or 2024-25 (default: latest).", valueName: "year"))
    var year: CensusYearArgument?

    @Option(name: .long, help: ArgumentHelp("Output folder (created if missing; default: reports).", valueName: "dir"))
    var out: String?

    @Flag(name: .long, help: "Write the date and time into the provenance appendix (otherwise the same inputs give the same bytes).")
    var timestamp = false

    @Flag(name: .long, help: "Also print chapter.pdf with headless Chromium (when installed).")
    var pdf = false

    @Flag(name: .long, help: "Also write chapter.docx for Word (needs pandoc and rsvg-convert).")
    var docx = false

    @Flag(name: .long, help: "Also write chapter.xlsx: every figure, a sheet per indicator, notes.")
    var xlsx = false

    @Flag(name: .long, help: "Build a chapter for every authority, region and England, each in <code>-<name>/, with index.html and index.csv.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("The council's referral extract (Annex A List 3) for the local section.", valueName: "file"))
    var extract: String?

    @Option(name: .customLong("annex-a"), help: ArgumentHelp("The council's Annex A lists (a folder of CSVs, or a workbook) for the pathway section; its List 3 also gives the referral section.", valueName: "path"))
    var annexA: String?

    @Option(name: .customLong("as-at"), help: ArgumentHelp("The pathway section's last day, a month's end (yyyy-mm-dd; default: the last whole month every list reaches).", valueName: "date"))
    var asAt: String?

    @Flag(name: .long, help: "Stop with an error when the extract looks incomplete or wrongly mapped (its figures beyond a factor of 1.5 of DfE's), instead of saying so in the chapter.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Round every count from the council's own records to the nearest 5 (or 10), so builds a month apart cannot be subtracted to give a small count (default: exact counts, small ones hidden).", valueName: "base"))
    var round: Int?

    @Option(name: .long, help: ArgumentHelp("Years in each trend table and chart, 2 to 10 (default: 5; LAIT shows up to 10).", valueName: "n"))
    var trendYears: Int?

    @Option(name: .long, help: ArgumentHelp("The extract's date format: dd/mm/yyyy, mm/dd/yyyy or yyyy-mm-dd (default: decided from all its referral dates).", valueName: "format"))
    var dateFormat: DateFormatArgument?

    @Option(name: .long, help: ArgumentHelp("A YAML config file (la, year, data, out, sn_model) instead of the options above.", valueName: "file"))
    var config: String?

    func validate() throws {
        if let n = trendYears, !ChapterSettings.trendYearRange.contains(n) {
            throw ValidationError("--trend-years must be from \(ChapterSettings.trendYearRange.lowerBound) to \(ChapterSettings.trendYearRange.upperBound)")
        }
        if let round, let problem = ChapterSettings.roundingProblem(round) { throw ValidationError("--round \(problem)") }
        if all && la != nil { throw ValidationError("give either --la or --all, not both") }
        if all && pdf { throw ValidationError("--pdf prints one chapter: it cannot be used with --all (print a chapter from its folder with --la)") }
        if area != nil && (la != nil || all) { throw ValidationError("give one of --la, --area or --all") }
        if area != nil && extract != nil { throw ValidationError("--extract is one council's referrals: it cannot be used with --area (a partnership)") }
        if (area != nil || all) && annexA != nil { throw ValidationError("--annex-a is one council's lists: it cannot be used with --area or --all") }
        if asAt != nil && annexA == nil && config == nil { throw ValidationError("--as-at is the pathway section's last day: give --annex-a too") }
        if let asAt, DateFormat.iso.parse(text: asAt) == nil { throw ValidationError("--as-at \"\(asAt)\" is not a date such as 2025-10-31") }
        if config == nil {
            guard la != nil || all || area != nil else { throw ValidationError("give --la, --area, --all or --config FILE") }
            guard !data.data.isEmpty else { throw ValidationError("give at least one --data folder (or --config FILE)") }
        }
    }

    static func quoted(_ argument: String) -> String {
        argument.contains(where: { $0 == " " || $0 == "'" || $0 == "\"" }) ? "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'" : argument
    }

    func run() throws {
        var settings = try config.map(ChapterSettings.load(configPath:))
            ?? ChapterSettings(authority: la ?? "", year: year?.year, dataFolders: data.data, outputFolder: out ?? "reports", neighbourModel: data.model)
        if let config {
            // What the chapter is of, and where it goes, come from the file: a flag that would
            // be ignored is refused; the others override the file, and say so.
            let clashing = [("--la", la != nil), ("--area", area != nil), ("--year", year != nil), ("--data", !data.data.isEmpty), ("--out", out != nil), ("--sn-model", data.snModel != nil)]
                .filter(\.1).map(\.0)
            if !clashing.isEmpty {
                throw ValidationError("\(clashing.joined(separator: ", ")) cannot be given with --config \(config): set \(clashing.count == 1 ? "it" : "them") in the file (la, year, data, out, sn_model), or leave out --config")
            }
            let overriding = [("--extract", extract != nil), ("--annex-a", annexA != nil), ("--as-at", asAt != nil), ("--date-format", dateFormat != nil), ("--docx", docx), ("--xlsx", xlsx),
                              ("--trend-years", trendYears != nil), ("--strict", strict), ("--round", round != nil)].filter(\.1).map(\.0)
            for flag in overriding { printError("jsna: note: \(flag) overrides \(config)") }
        }
        if let extract { settings.extract = extract }
        if let area { settings.partnership = try PartnershipSpec(argument: area) }
        if settings.partnership != nil && settings.extract != nil {
            throw UserError("extract: one council's referrals cannot be used with a partnership (area)")
        }
        if let annexA { settings.annexA = annexA }
        if let asAt { settings.asAt = DateFormat.iso.parse(text: asAt) }
        if let dateFormat {
            settings.extractOptions.dateFormat = dateFormat.format
            settings.annexAOptions.dateFormat = dateFormat.format
        }
        if docx { settings.docx = true }
        if xlsx { settings.xlsx = true }
        if let trendYears { settings.trendYears = trendYears }
        if strict { settings.strict = true }
        if let round { settings.rounding = round }
        if settings.docx { try WordDocument.checkTools() }  // say so before building
        settings.provenance.commandLine = (["jsna"] + CommandLine.arguments.dropFirst()).map(Self.quoted).joined(separator: " ")
        if timestamp { settings.provenance.generatedAt = ISO8601DateFormatter().string(from: Date()) }
        if all {
            let result = try ChapterPipeline(settings: settings).runAll { printError("jsna: \($0)") }
            for d in result.diagnostics { printError("jsna: \(d)") }
            printError("jsna: wrote \(result.chapters) chapters for \(result.year), index.html and index.csv to \(settings.outputFolder)")
            return
        }
        if pdf && PDFPrinter.browser() == nil { throw PDFPrinter.missing }  // say so before building
        let result = try ChapterPipeline(settings: settings).run()
        for d in result.diagnostics { printError("jsna: \(d)") }
        for line in result.extractWarnings { printError("jsna: \(line)") }
        if pdf {
            let folder = settings.outputFolder as NSString
            try ChapterPipeline.step("print PDF") {
                try PDFPrinter.print(html: folder.appendingPathComponent("chapter.html"), to: folder.appendingPathComponent("chapter.pdf"))
            }
        }
        printError("jsna: wrote \(result.files.count) files for \(result.authority.name) (\(result.authority.oldCode.isEmpty ? result.authority.id : result.authority.oldCode)), \(result.year) to \(settings.outputFolder)")
    }
}
