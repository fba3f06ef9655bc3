/// A data table: caption, column headers, rows whose first cell heads the row, and an
/// optional key of the symbols used. Numeric columns are right-aligned by every writer.
///
///     Table(caption: "Referrals", columns: [.text("Area"), .number("2024-25")],
///           rows: [[Cell("Bolton"), Cell("503.0")]])
public struct Table: Sendable {
    public struct Column: Sendable {
        public enum Alignment: Sendable { case left, right }
        public var title: String
        public var alignment: Alignment

        public static func text(_ title: String) -> Column { Column(title: title, alignment: .left) }
        public static func number(_ title: String) -> Column { Column(title: title, alignment: .right) }
    }

    public var caption: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// What the symbols in the table mean ("c: suppressed to protect confidentiality").
    public var key: [String]

    public init(caption: String, columns: [Column], rows: [[Cell]], key: [String] = []) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.key = key
    }
}

/// One table cell: usually plain text, sometimes a link or a line break.
public struct Cell: Sendable, Hashable {
    public var content: [Inline]

    public init(_ text: String) { content = [.text(text)] }
    public init(_ content: [Inline]) { self.content = content }
}
