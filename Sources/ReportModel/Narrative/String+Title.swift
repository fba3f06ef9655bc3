extension String {
    /// A title inside a sentence: its first letter lower case, every other word as written,
    /// so proper nouns and months keep their capitals ("Children in need at 31 March" →
    /// "children in need at 31 March", never "31 march").
    var inSentence: String { prefix(1).lowercased() + dropFirst() }
}

extension String {
    /// The sentence with its first letter capitalised ("average caseload …, social worker
    /// turnover" at the start of a list item).
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
