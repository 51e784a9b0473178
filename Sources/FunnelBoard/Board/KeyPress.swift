/// A key as the board sees it, independent of ncurses.
public enum KeyPress: Hashable, Sendable {
    case char(Character)
    /// Ctrl plus a letter (lower case): Ctrl-R is `.ctrl("r")`.
    case ctrl(Character)
    /// Alt (Meta) plus a key, as terminals send it: Esc then the key. Alt-B is `.alt("b")`.
    case alt(Character)
    /// A whole pasted text (bracketed paste), typed into a field at once.
    case paste(String)
    case up, down, left, right, shiftLeft, shiftRight, shiftUp, shiftDown
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab

    /// How the help screen writes the key.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .alt(let c): return "Alt-" + String(c).uppercased()
        case .paste: return "paste"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .shiftLeft: return "Shift+←"
        case .shiftRight: return "Shift+→"
        case .shiftUp: return "Shift+↑"
        case .shiftDown: return "Shift+↓"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "Shift+Tab"
        }
    }
}
