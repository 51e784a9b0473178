extension StringProtocol {
    /// Whether the text is empty or only spaces and tabs (`CharacterSet.whitespaces`): what
    /// `trimmingCharacters(in: .whitespaces).isEmpty` says, without building the trimmed copy
    /// (that went through `NSString` for every deal of `list --all --json`).
    public var isBlank: Bool {
        unicodeScalars.allSatisfy(Whitespace.isSpace)
    }
}
