/// An edit on a one-line text field, as a shell line editor knows them.
public enum LineEdit: Hashable, Sendable {
    case left, right, home, end, wordLeft, wordRight
    case deleteBackward, deleteForward, deleteWordBackward, deleteToStart, deleteToEnd
}

/// The text of a one-line field and its cursor, edited like a shell line (← → Home End,
/// Ctrl-A/E/U/K/W, Delete, Alt-B/F). Pure; the cursor counts grapheme clusters, so a letter
/// with its marks, an emoji or a flag is one step and one deletion.
public struct LineEditor: Hashable, Sendable {
    /// The text as grapheme clusters.
    public private(set) var characters: [Character]
    /// Where the next character goes: 0 … `characters.count`.
    public private(set) var cursor: Int

    /// A field holding `text`, the cursor at its end.
    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// The text before the cursor.
    public var beforeCursor: String { String(characters[..<cursor]) }

    /// Types `text` at the cursor (a key, or a whole pasted line). Line breaks and tabs become
    /// spaces and other control characters are dropped: a field holds one line.
    public mutating func insert(_ text: String) {
        let clean = text.compactMap { c -> Character? in
            if c == "\n" || c == "\r\n" || c == "\r" || c == "\t" { return " " }
            if c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) { return nil }
            return c
        }
        characters.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
    }

    /// Applies one edit.
    public mutating func apply(_ edit: LineEdit) {
        switch edit {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        case .deleteBackward:
            guard cursor > 0 else { return }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < characters.count else { return }
            characters.remove(at: cursor)
        case .deleteWordBackward:
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .deleteToStart:
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .deleteToEnd:
            characters.removeSubrange(cursor...)
        }
    }

    /// The start of the word before `index`: back over spaces, then over the word.
    func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0, !isWord(characters[i - 1]) { i -= 1 }
        while i > 0, isWord(characters[i - 1]) { i -= 1 }
        return i
    }

    /// The end of the word after `index`: over spaces, then over the word.
    func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count, !isWord(characters[i]) { i += 1 }
        while i < characters.count, isWord(characters[i]) { i += 1 }
        return i
    }

    private func isWord(_ c: Character) -> Bool { !c.isWhitespace }
}

extension LineEditor {
    /// Applies a text action (a typed character, a paste, a cursor move or deletion); false,
    /// changing nothing, for any other action.
    public mutating func handle(_ action: Action) -> Bool {
        switch action {
        case .input(let c): insert(String(c))
        case .paste(let text): insert(text)
        case .edit(let edit): apply(edit)
        default: return false
        }
        return true
    }
}
