/// The provenance lines under the sources table.
public enum ProvenanceText {
    public static func lines(_ model: ChapterModel) -> [String] {
        var lines = ["Built by \(model.provenance.generator)" + (model.provenance.commandLine.isEmpty ? "." : " with: \(model.provenance.commandLine)")]
        if let local = model.local {
            lines.append("Local referral extract: \(local.file) (SHA-256 \(local.sha256)); figures from it are disclosure-controlled.")
        }
        if let pathway = model.pathway {
            let files = pathway.files.map { "\($0.name) (SHA-256 \($0.sha256))" }
            lines.append("Annex A lists: \(files.joined(separator: "; ")); figures from them are disclosure-controlled.")
        }
        if let when = model.provenance.generatedAt { lines.append("Generated \(when).") }
        return lines
    }
}
