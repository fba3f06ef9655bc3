extension String {
    /// A title inside a sentence: its first letter lower case, every other word as written,
    /// so proper nouns and months keep their capitals ("Children in need at 31 March" →
    /// "children in need at 31 March", never "31 march").
    var inSentence: String { prefix(1).lowercased() + dropFirst() }
}
