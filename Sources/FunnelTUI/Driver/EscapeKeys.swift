import CFunnelSignals
import CNcursesw
import FunnelBoard

#if canImport(Glibc)
import Glibc
#endif

/// What can follow an Esc: terminals send Alt plus a key as Esc and the key together, and a
/// paste (when bracketed paste is on) between `Esc [200~` and `Esc [201~`.
extension Terminal {
    /// The key an Esc starts: `.alt(c)` when a printable key came with it, `.paste(text)` for
    /// a bracketed paste, a key for the escape sequences terminals send that the terminal's
    /// description may not list (Home, End, Delete…), nil for any other escape sequence (read
    /// whole and ignored: never taken as Esc, its bytes never taken as keys), else `.escape`.
    func afterEscape() -> KeyPress? {
        guard let next = pendingCharacter() else { return .escape }
        if next == "[" || next == "O" {
            let body = escapeSequence(introducer: next)
            if next == "[" && body == "200~" { return .paste(bracketedPaste()) }
            return Self.sequenceKeys[String(next) + body]
        }
        if let scalar = next.unicodeScalars.first, next.unicodeScalars.count == 1, scalar.value >= 32, scalar.value != 127 {
            return .alt(next)
        }
        giveBack(next)
        return .escape
    }

    /// What some terminals send for keys their description in terminfo may not name (tmux with
    /// TERM=xterm-256color sends `ESC [1~` for Home, for instance).
    static let sequenceKeys: [String: KeyPress] = [
        "[1~": .home, "[7~": .home, "[H": .home, "OH": .home,
        "[4~": .end, "[8~": .end, "[F": .end, "OF": .end,
        "[3~": .delete, "[5~": .pageUp, "[6~": .pageDown,
        "[A": .up, "[B": .down, "[C": .right, "[D": .left,
        "OA": .up, "OB": .down, "OC": .right, "OD": .left,
        "[1;2C": .shiftRight, "[1;2D": .shiftLeft, "[1;2A": .shiftUp, "[1;2B": .shiftDown, "[Z": .backTab,
    ]

    /// The rest of a CSI (`ESC [`: parameters and intermediates up to a final byte) or SS3
    /// (`ESC O` and one byte) sequence, as read so far.
    private func escapeSequence(introducer: Character) -> String {
        var body = ""
        while body.unicodeScalars.count < 32, let c = pendingCharacter() {
            body.append(c)
            guard let value = c.unicodeScalars.first?.value else { break }
            if introducer == "O" || (0x40...0x7E).contains(value) { break }
        }
        return body
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

    /// The text of a bracketed paste up to its end marker (or a pause of half a second), in
    /// one pass: each character read is looked at once. At most `pasteLimit` characters are kept;
    /// the rest is read and dropped, so no part of a huge paste arrives as keystrokes. A signal
    /// (SIGTERM, SIGHUP…) ends the reading at once, and the board then quits.
    private func bracketedPaste() -> String {
        wtimeout(funnel_stdscr(), 500)
        defer { wtimeout(funnel_stdscr(), 0) }
        var text = ""
        var kept = 0
        // The last characters read, held back while they may be the start of the end marker.
        var held: [Character] = []
        func keep(_ c: Character) {
            guard kept < Self.pasteLimit else { return }
            text.append(c)
            kept += 1
        }
        // Bytes that make no character (invalid UTF-8) or that ncurses took for a key are dropped
        // and the reading goes on: they never end the paste early and let the rest in as keys.
        var dropped = 0
        while funnel_signals_pending() == 0, dropped < Self.pasteLimit {
            let read = pasteRead()
            guard case .character(let c) = read else {
                if case .ended = read { break }
                dropped += 1
                continue
            }
            held.append(c)
            if held == Self.pasteEnd { return text }
            if held.count == Self.pasteEnd.count { keep(held.removeFirst()) }
        }
        held.forEach(keep)
        return text
    }

    /// One step of a paste: a character; `dropped` for bytes that make none or a key ncurses
    /// decoded from pasted bytes (an arrow's sequence is text here, not a key); `ended` when
    /// nothing more came within the paste's pause (or the input is gone).
    private enum PasteRead { case character(Character), dropped, ended }

    private func pasteRead() -> PasteRead {
        var ch: wint_t = 0
        let started = Self.seconds()
        let result = wget_wch(funnel_stdscr(), &ch)
        if result == KEY_CODE_YES { return .dropped }
        // ERR at once: a byte sequence that is not UTF-8 (read and refused); ERR after the
        // pause: the paste's end never came.
        if result == ERR { return Self.seconds() - started < 0.4 ? .dropped : .ended }
        return Unicode.Scalar(UInt32(ch)).map { .character(Character($0)) } ?? .dropped
    }

    private static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// What a terminal sends after a pasted text.
    static let pasteEnd: [Character] = ["\u{1b}", "[", "2", "0", "1", "~"]

    /// The most characters of one paste that are kept (a field's own limit then applies: notes
    /// hold 20,000).
    static let pasteLimit = 65_536
}
