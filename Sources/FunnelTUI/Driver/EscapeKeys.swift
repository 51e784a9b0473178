import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// What can follow an Esc: terminals send Alt plus a key as Esc and the key together, and a
/// paste (when bracketed paste is on) between `Esc [200~` and `Esc [201~`.
extension Terminal {
    /// The key an Esc starts: `.alt(c)` when a printable key came with it, `.paste(text)` for
    /// a bracketed paste, else `.escape` (anything read ahead is given back).
    func afterEscape() -> KeyPress {
        guard let next = pendingCharacter() else { return .escape }
        if next == "[" {
            var read: [Character] = []
            while read.count < 4, let c = pendingCharacter() { read.append(c) }
            if String(read) == "200~" { return .paste(bracketedPaste()) }
            for c in ([next] + read).reversed() { giveBack(c) }
            return .escape
        }
        if let scalar = next.unicodeScalars.first, next.unicodeScalars.count == 1, scalar.value >= 32, scalar.value != 127 {
            return .alt(next)
        }
        giveBack(next)
        return .escape
    }

    /// A character ncurses has now (or within its Esc delay), without waiting; a function key is
    /// given back.
    func pendingCharacter() -> Character? {
        var ch: wint_t = 0
        let result = wget_wch(funnel_stdscr(), &ch)
        if result == ERR { return nil }
        if result == KEY_CODE_YES {
            _ = ungetch(Int32(ch))
            return nil
        }
        return Unicode.Scalar(UInt32(ch)).map(Character.init)
    }

    private func giveBack(_ c: Character) {
        for scalar in c.unicodeScalars.reversed() { _ = unget_wch(wchar_t(bitPattern: scalar.value)) }
    }

    /// The text of a bracketed paste up to its end marker (or a pause of half a second).
    private func bracketedPaste() -> String {
        wtimeout(funnel_stdscr(), 500)
        defer { wtimeout(funnel_stdscr(), 0) }
        let end = "\u{1b}[201~"
        var text = ""
        while text.unicodeScalars.count < 65_536, let c = pendingCharacter() {
            text.append(c)
            if text.hasSuffix(end) { return String(text.dropLast(end.count)) }
        }
        return text
    }
}
