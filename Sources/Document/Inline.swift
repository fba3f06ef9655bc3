/// A run of text inside a paragraph, list item or table cell.
///
/// Every writer escapes text for its own format: a name such as `Bolton <script>` is
/// shown as written, never run. There is no raw inline markup.
///
///     [.strong("Note:"), .text(" counts of 1 to 5 are shown as c.")]
public enum Inline: Sendable, Hashable {
    case text(String)
    case strong(String)
    case emphasis(String)
    /// Monospaced text, such as a SHA-256.
    case code(String)
    /// A link inside the document or to a file beside it (never a script URL).
    case link(String, href: String)
    case lineBreak
}

extension Array where Element == Inline {
    /// The words without markup: for alternative text, captions and plain outputs.
    public var plainText: String {
        map { inline -> String in
            switch inline {
            case .text(let s), .strong(let s), .emphasis(let s), .code(let s), .link(let s, _): s
            case .lineBreak: " "
            }
        }.joined()
    }
}
