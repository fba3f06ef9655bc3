import Foundation

/// Prints a chapter's HTML to PDF with headless Chromium, when it is installed.
enum PDFPrinter {
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    static let missing = UserError("--pdf needs Chromium: on Debian or Ubuntu `apt-get install chromium`; elsewhere install Chromium or Google Chrome and put it on PATH")

    static func browser() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in candidates {
            for dir in path.split(separator: ":") {
                let full = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: full) { return full }
            }
        }
        return nil
    }

    /// Writes `pdf` from `html` (both paths), via a temporary file renamed into place.
    static func print(html: String, to pdf: String) throws {
        guard let chromium = browser() else { throw missing }
        let temporary = (pdf as NSString).deletingLastPathComponent + "/.chapter.\(UUID().uuidString).pdf"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--print-to-pdf=\(temporary)", URL(fileURLWithPath: html).absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: temporary) else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw UserError("\(chromium) could not print \(html) to PDF (exit \(process.terminationStatus))")
        }
        guard rename(temporary, pdf) == 0 else { throw UserError("\(pdf): cannot rename into place") }
    }
}
