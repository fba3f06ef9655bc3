import ArgumentParser
import CensusIngest
import Chapter
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a chapter project: jsna.yml and an editable chapter.md template.",
        discussion: """
            Example:
              jsna init bolton-jsna --la 350 --data ../shared/data/dfe
              (edit bolton-jsna/chapter.md, then)
              jsna build --config bolton-jsna/jsna.yml

            chapter.md has the sections of a JSNA chapter (summary, introduction, who is at risk and \
            why, level of need, services and use, unmet need, what works, recommendations). Your prose \
            stays; tags such as {{indicator.referrals_rate.sentence}} and {{{chart.referrals_rate.trend}}} \
            are rebuilt from the data every time. Existing files are never overwritten.
            """)

    @Argument(help: ArgumentHelp("The project folder to create.", valueName: "dir"))
    var directory: String

    @Option(name: .long, help: ArgumentHelp("Local authority: old code, new code or name.", valueName: "code-or-name"))
    var la: String

    @Option(name: .long, help: ArgumentHelp("Data folder(s) to name in jsna.yml.", valueName: "dir"))
    var data: [String] = ["../shared/data/dfe"]

    func run() throws {
        let fm = FileManager.default
        for name in ["jsna.yml", "chapter.md"] where fm.fileExists(atPath: (directory as NSString).appendingPathComponent(name)) {
            throw UserError("\(directory)/\(name) already exists: jsna init never overwrites a project")
        }
        let folders = data.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        var output = AtomicOutput()
        output.add("jsna.yml", contents: DefaultTemplate.config(la: la, data: folders))
        output.add("chapter.md", contents: DefaultTemplate.text)
        try ChapterPipeline.step("write outputs") { try output.commit(into: directory) }
        printError("jsna: created \(directory)/jsna.yml and \(directory)/chapter.md; edit chapter.md, then run: jsna build --config \(directory)/jsna.yml")
    }
}
