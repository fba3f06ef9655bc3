import CCmarkGFM
import Foundation

/// GitHub-flavoured Markdown to HTML with cmark-gfm (tables, strikethrough, autolinks).
///
/// Raw HTML blocks pass through: jsna escapes an analyst's raw HTML in the template
/// before this step (unless the config allows it), and escapes every data-derived string
/// it inserts, so what reaches here as HTML is jsna's own markup.
public enum MarkdownToHTML {
    /// A link or image whose address is not allowed in a published, self-contained page.
    public struct UnsafeAddress: Error, Sendable {
        public var address: String
        public var isImage: Bool
    }

    /// Addresses a chapter may link to: a relative path, a `#anchor`, `https:` or `mailto:`
    /// (never `javascript:`, `data:`, `vbscript:`, `file:` or plain `http:`). Images must be
    /// relative paths: a remote image would make the page fetch from elsewhere.
    public static func isAllowed(_ address: String, image: Bool) -> Bool {
        let a = address.trimmingCharacters(in: .whitespaces).lowercased()
        if a.hasPrefix("#") { return !image }
        if a.hasPrefix("//") { return false }
        // A scheme is letters, digits, + - . before the first ':' (and before any / ? #).
        if let colon = a.firstIndex(of: ":"), !a[..<colon].contains(where: { "/?#".contains($0) }) {
            let scheme = a[..<colon]
            return !image && (scheme == "https" || scheme == "mailto")
        }
        return true
    }

    /// As ``render(_:)``, but first checks every link and image in the Markdown's tree, and
    /// gives each image the address `image` returns for it (an embedded `data:` address,
    /// so the page needs no other file). The first error thrown stops the rendering.
    public static func renderChecked(_ markdown: String, image: (String) throws -> String = { $0 }) throws -> String {
        var failure: (any Error)?
        let html = render(markdown) { document in
            guard let iterator = cmark_iter_new(document) else { return }
            defer { cmark_iter_free(iterator) }
            while failure == nil {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else { continue }
                let address = String(cString: url)
                guard isAllowed(address, image: type == CMARK_NODE_IMAGE) else {
                    failure = UnsafeAddress(address: address, isImage: type == CMARK_NODE_IMAGE)
                    break
                }
                guard type == CMARK_NODE_IMAGE else { continue }
                do { _ = try image(address).withCString { cmark_node_set_url(node, $0) } } catch { failure = error }
            }
        }
        if let failure { throw failure }
        return html
    }

    public static func render(_ markdown: String) -> String { render(markdown) { _ in } }

    static func render(_ markdown: String, inspect: (OpaquePointer) -> Void) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_UNSAFE | CMARK_OPT_SMART
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let extension_ = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, extension_) }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        inspect(document)
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
