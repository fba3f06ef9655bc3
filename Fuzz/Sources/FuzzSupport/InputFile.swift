import Foundation

/// jsna's readers take a path, as the CLI does, so each fuzz input is written to one
/// scratch file (in /dev/shm where there is one) and read back from there.
public enum InputFile {
    /// Removed when the run ends normally (a crash leaves it; libFuzzer saved the input).
    public static let path: String = {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        atexit { unlink(InputFile.path) }
        return folder + "/jsna-fuzz-\(getpid()).csv"
    }()

    /// The scratch file for workbook inputs (the reader knows a workbook by `.xlsx`).
    public static let workbookPath: String = {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        atexit { unlink(InputFile.workbookPath) }
        return folder + "/jsna-fuzz-\(getpid()).xlsx"
    }()

    /// Writes `count` bytes from `start` to `path` (``path`` unless given), replacing what was there.
    public static func write(_ start: UnsafeRawPointer, _ count: Int, to target: String = InputFile.path) {
        let path = target
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot write \(path)")
        var done = 0
        while done < count {
            let n = Foundation.write(fd, start + done, count - done)
            precondition(n > 0, "cannot write \(path)")
            done += n
        }
        close(fd)
    }

    /// Stops the run as a finding: libFuzzer saves the input that caused it.
    public static func finding(_ message: String) -> Never {
        FileHandle.standardError.write(Data("jsna finding: \(message)\n".utf8))
        abort()
    }

    /// An error as jsna prints it must be one line that names the scratch file.
    public static func checkOneLine(_ error: any Error) {
        let text = String(describing: error)
        if text.contains("\n") { finding("an error over several lines: \(text)") }
        if !text.contains(path) { finding("an error that does not name the file: \(text)") }
    }
}
