import Foundation

/// Writes one line to standard error: warnings, notes and progress, never the output.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
