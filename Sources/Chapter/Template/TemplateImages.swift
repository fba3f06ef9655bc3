#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The images an analyst's template shows (`![Logo](images/logo.png)`): files inside the
/// template's own folder, read once. The HTML page embeds each one as a `data:` address, so
/// it stays self-contained; chapter.md and the Word document get the file itself, at the
/// same relative path in the output folder.
///
/// A template reads nothing outside its folder: no absolute paths, no `..`, no hidden
/// files, no symbolic link that leads out, and only PNG, JPEG, GIF, WebP or SVG files of at
/// most 5 MB (recognised by their first bytes, not their names).
struct TemplateImages {
    /// Why an image address cannot be shown.
    enum Problem: Error, Equatable {
        case outside
        case hidden
        case notFound(String)
        case notAFile
        case tooLarge(Int)
        case notAnImage
        case reserved
        /// An SVG with a script, an event attribute (onload=…), a javascript: address or
        /// embedded HTML: copied into images/ and the Word document it would run there.
        case activeSVG(String)
    }

    struct Image {
        /// Where it goes in the output folder: the address as a normalised relative path.
        var path: String
        var contents: Data
        var mediaType: String
    }

    static let maximumBytes = 5 << 20

    /// The template's folder, with symbolic links resolved.
    let folder: String
    private(set) var images: [String: Image] = [:]

    /// `template` is the template file's path (relative to the working folder or absolute).
    init(template: String) {
        let parent = (template as NSString).deletingLastPathComponent
        folder = Self.realPath(parent.isEmpty ? "." : parent) ?? parent
    }

    /// The `data:` address that shows the image at `address` (as written in the template).
    mutating func dataAddress(for address: String) throws(Problem) -> String {
        let image = try self.image(at: address)
        return "data:\(image.mediaType);base64,\(image.contents.base64EncodedString())"
    }

    /// Every image shown, by its path in the output folder.
    var files: [(name: String, contents: Data)] {
        images.values.sorted { $0.path < $1.path }.map { ($0.path, $0.contents) }
    }

    mutating func image(at address: String) throws(Problem) -> Image {
        let decoded = address.removingPercentEncoding ?? address
        guard !decoded.hasPrefix("/"), !decoded.hasPrefix("\\") else { throw .outside }
        var parts: [String] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            guard part != ".." else { throw .outside }
            guard !part.hasPrefix(".") else { throw .hidden }
            parts.append(String(part))
        }
        guard !parts.isEmpty else { throw .notAFile }
        let path = parts.joined(separator: "/")
        if let known = images[path] { return known }
        // jsna's own files in the output folder keep their names.
        if parts.count > 1 ? parts[0] == "charts" : Self.ownNames.contains(where: { path.lowercased().hasPrefix($0) }) { throw .reserved }
        let candidate = folder + "/" + path
        guard let real = Self.realPath(candidate) else { throw .notFound(candidate) }
        guard real.hasPrefix(folder == "/" ? "/" : folder + "/") else { throw .outside }
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw .notAFile }
        guard Int(info.st_size) <= Self.maximumBytes else { throw .tooLarge(Int(info.st_size)) }
        guard let contents = FileManager.default.contents(atPath: real), contents.count <= Self.maximumBytes else { throw .notFound(candidate) }
        guard let mediaType = Self.mediaType(of: contents) else { throw .notAnImage }
        if mediaType == "image/svg+xml", let active = Self.activeContent(contents) { throw .activeSVG(active) }
        let image = Image(path: path, contents: contents, mediaType: mediaType)
        images[path] = image
        return image
    }

    /// What would make an SVG act rather than show: a `<script>`, an `on…=` event
    /// attribute, a `javascript:` address, `<foreignObject>` (HTML inside) or a link to
    /// another file; nil for a picture.
    static func activeContent(_ data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self).lowercased()
        if text.contains("<script") { return "a <script> element" }
        if text.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil { return "an event attribute (on…=)" }
        if text.contains("javascript:") { return "a javascript: address" }
        if text.contains("<foreignobject") { return "a <foreignObject> element" }
        if text.range(of: #"(xlink:)?href\s*=\s*["'](?!#|data:image/)"#, options: .regularExpression) != nil { return "a link to another file or address" }
        return nil
    }

    /// File names at the top of an output folder that jsna writes itself.
    static let ownNames = ["chapter.", "indicators.", "index.", "summary."]

    /// The image's media type from its first bytes, or nil when it is not an image jsna shows.
    static func mediaType(of data: Data) -> String? {
        let head = [UInt8](data.prefix(1024))
        func starts(_ bytes: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + bytes.count && Array(head[offset..<offset + bytes.count]) == bytes
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "image/gif" }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        // SVG: text whose first element is <svg (after a BOM, an XML declaration, comments or
        // a doctype). In an <img> element an SVG cannot run scripts or fetch anything.
        if let text = String(bytes: head, encoding: .utf8) ?? String(bytes: head.dropLast(3), encoding: .utf8) {
            var rest = Substring(text).drop { $0 == "\u{FEFF}" || $0.isWhitespace }
            while rest.hasPrefix("<?") || rest.hasPrefix("<!") {
                guard let end = rest.firstIndex(of: ">") else { return nil }
                rest = rest[rest.index(after: end)...].drop { $0.isWhitespace }
            }
            if rest.hasPrefix("<svg") { return "image/svg+xml" }
        }
        return nil
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
