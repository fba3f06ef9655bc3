/// A chart with its text alternative and the table of its values.
///
/// `svg` is jsna's own chart (every data-derived string in it already escaped); HTML
/// inlines it, Markdown links `charts/<id>.svg`, Word embeds `charts/<id>.png`.
public struct ChartFigure: Sendable {
    /// The file name without extension under `charts/`.
    public var id: String
    public var svg: String
    /// What the chart shows, in words: alt text and caption.
    public var alternative: String
    public var table: Table?

    public init(id: String, svg: String, alternative: String, table: Table?) {
        self.id = id
        self.svg = svg
        self.alternative = alternative
        self.table = table
    }

    /// The width the SVG is drawn at (its `width` attribute), in pixels.
    public var pixelWidth: Int? {
        guard let open = svg.firstRange(of: "<svg"), let close = svg[open.upperBound...].firstIndex(of: ">"),
              let start = svg[open.upperBound..<close].firstRange(of: " width=\"") else { return nil }
        return Int(svg[start.upperBound...].prefix { $0.isNumber })
    }
}
