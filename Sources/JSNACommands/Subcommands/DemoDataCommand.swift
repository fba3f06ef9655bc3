import ArgumentParser
import Chapter
import DemoData

struct DemoDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: "Generate the synthetic demonstration data (fictional authorities) in the DfE file layout.",
        discussion: """
            Example:
              jsna demo-data --out data/demo

            The same seed always gives the same files. The folder is marked as synthetic, and \
            every chapter built from it says so.
            """)

    @Option(name: .long, help: ArgumentHelp("Folder to write the files into.", valueName: "dir"))
    var out: String = "data/demo"

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = DemoGenerator.defaultSeed

    func run() throws {
        var output = AtomicOutput()
        for (name, text) in DemoGenerator(seed: seed).files() { output.add(name, contents: text) }
        try ChapterPipeline.step("write outputs") { try output.commit(into: out) }
        printError("jsna: wrote \(output.files.count) synthetic demonstration files to \(out)")
    }
}
