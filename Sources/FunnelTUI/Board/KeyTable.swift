/// Where a key is pressed; each context has its own bindings.
public enum KeyContext: String, CaseIterable, Sendable {
    case board = "Board"
    case drag = "Carrying a card"
    case detail = "Detail pane"
    case list = "Lists (stage, lost reason, seller)"
    case log = "Logging a call (c)"
    case today = "Today's call list (t)"
    case report = "Report (r)"
    case input = "Prompts and the new-deal form"
    case filter = "Filter"
    case help = "Help"
}

/// One line of the key table: keys, the action they trigger, and what the help says.
public struct KeyBinding: Sendable {
    public let context: KeyContext
    public let keys: [KeyPress]
    public let action: Action
    public let help: String

    public var label: String { keys.map(\.label).joined(separator: " ") }
}

/// The key table: data, not code. The help overlay and docs/keys.md are generated from it.
public enum KeyTable {
    public static let bindings: [KeyBinding] = [
        KeyBinding(context: .board, keys: [.left, .char("h")], action: .left, help: "previous column"),
        KeyBinding(context: .board, keys: [.right, .char("l")], action: .right, help: "next column"),
        KeyBinding(context: .board, keys: [.up, .char("k")], action: .up, help: "previous card"),
        KeyBinding(context: .board, keys: [.down, .char("j")], action: .down, help: "next card"),
        KeyBinding(context: .board, keys: [.pageUp], action: .pageUp, help: "a page of cards up"),
        KeyBinding(context: .board, keys: [.pageDown], action: .pageDown, help: "a page of cards down"),
        KeyBinding(context: .board, keys: [.char("g"), .home], action: .top, help: "first card"),
        KeyBinding(context: .board, keys: [.char("G"), .end], action: .bottom, help: "last card"),
        KeyBinding(context: .board, keys: [.char(" ")], action: .pickUpOrDrop, help: "pick the card up (then ←/→ and Space)"),
        KeyBinding(context: .board, keys: [.shiftLeft, .char("H")], action: .moveStageLeft, help: "move the card one stage left"),
        KeyBinding(context: .board, keys: [.shiftRight, .char("L")], action: .moveStageRight, help: "move the card one stage right"),
        KeyBinding(context: .board, keys: [.enter], action: .openDetail, help: "open the card's details"),
        KeyBinding(context: .board, keys: [.char("n")], action: .newDeal, help: "new deal"),
        KeyBinding(context: .board, keys: [.char("/")], action: .startFilter, help: "filter by title, company, contact, phone"),
        KeyBinding(context: .board, keys: [.char("s")], action: .cycleSort, help: "next sort order (due, created, value, title)"),
        KeyBinding(context: .board, keys: [.char("u")], action: .undo, help: "undo the last change"),
        KeyBinding(context: .board, keys: [.ctrl("r")], action: .redo, help: "redo"),
        KeyBinding(context: .board, keys: [.char("c")], action: .logCall, help: "log a call on the card (then r n b m w e g t)"),
        KeyBinding(context: .board, keys: [.char("t")], action: .todayList, help: "today's call list"),
        KeyBinding(context: .board, keys: [.char("a")], action: .accept, help: "accept an inbox lead (you own it)"),
        KeyBinding(context: .board, keys: [.char("x")], action: .reject, help: "reject an inbox lead, with a reason"),
        KeyBinding(context: .board, keys: [.char("A")], action: .assign, help: "assign the card to a seller (managers)"),
        KeyBinding(context: .board, keys: [.char("f")], action: .flagFilter, help: "show only cards with a flag"),
        KeyBinding(context: .board, keys: [.char("r")], action: .report, help: "report: stages, conversion, losses, team"),
        KeyBinding(context: .board, keys: [.char("b")], action: .bossMode, help: "boss mode: every seller's cards (managers)"),
        KeyBinding(context: .board, keys: [.char("o")], action: .pickSeller, help: "show one seller's cards (managers)"),
        KeyBinding(context: .board, keys: [.char("?")], action: .help, help: "this help"),
        KeyBinding(context: .board, keys: [.escape], action: .cancel, help: "clear the filter"),
        KeyBinding(context: .board, keys: [.char("q")], action: .quit, help: "quit"),

        KeyBinding(context: .drag, keys: [.left, .char("h")], action: .left, help: "carry to the previous column"),
        KeyBinding(context: .drag, keys: [.right, .char("l")], action: .right, help: "carry to the next column"),
        KeyBinding(context: .drag, keys: [.char(" "), .enter], action: .drop, help: "drop the card here"),
        KeyBinding(context: .drag, keys: [.escape], action: .cancel, help: "put it back"),

        KeyBinding(context: .detail, keys: [.up, .char("k")], action: .up, help: "previous field"),
        KeyBinding(context: .detail, keys: [.down, .char("j")], action: .down, help: "next field"),
        KeyBinding(context: .detail, keys: [.enter], action: .submit, help: "edit the field (stage and owner: pick from a list)"),
        KeyBinding(context: .detail, keys: [.char("u")], action: .undo, help: "undo the last change"),
        KeyBinding(context: .detail, keys: [.escape, .char("q")], action: .cancel, help: "close"),

        KeyBinding(context: .log, keys: [.char("r")], action: .input("r"), help: "reached"),
        KeyBinding(context: .log, keys: [.char("n")], action: .input("n"), help: "no answer"),
        KeyBinding(context: .log, keys: [.char("b")], action: .input("b"), help: "busy"),
        KeyBinding(context: .log, keys: [.char("m")], action: .input("m"), help: "left a message"),
        KeyBinding(context: .log, keys: [.char("w")], action: .input("w"), help: "wrong number"),
        KeyBinding(context: .log, keys: [.char("e")], action: .input("e"), help: "email sent"),
        KeyBinding(context: .log, keys: [.char("g")], action: .input("g"), help: "meeting held"),
        KeyBinding(context: .log, keys: [.char("t")], action: .input("t"), help: "training held"),
        KeyBinding(context: .log, keys: [.up, .char("k")], action: .up, help: "previous choice"),
        KeyBinding(context: .log, keys: [.down, .char("j")], action: .down, help: "next choice"),
        KeyBinding(context: .log, keys: [.enter], action: .submit, help: "log the chosen one"),
        KeyBinding(context: .log, keys: [.escape], action: .cancel, help: "cancel"),

        KeyBinding(context: .today, keys: [.up, .char("k")], action: .up, help: "previous deal"),
        KeyBinding(context: .today, keys: [.down, .char("j")], action: .down, help: "next deal"),
        KeyBinding(context: .today, keys: [.enter], action: .submit, help: "jump to the deal on the board"),
        KeyBinding(context: .today, keys: [.char("c")], action: .logCall, help: "log a call, then on to the next deal"),
        KeyBinding(context: .today, keys: [.escape, .char("q"), .char("t")], action: .cancel, help: "close"),

        KeyBinding(context: .report, keys: [.left, .char("h")], action: .left, help: "shorter period (week … all)"),
        KeyBinding(context: .report, keys: [.right, .char("l")], action: .right, help: "longer period"),
        KeyBinding(context: .report, keys: [.up, .char("k")], action: .up, help: "scroll up"),
        KeyBinding(context: .report, keys: [.down, .char("j")], action: .down, help: "scroll down"),
        KeyBinding(context: .report, keys: [.char("o")], action: .pickSeller, help: "one seller or all (managers)"),
        KeyBinding(context: .report, keys: [.escape, .char("q"), .char("r")], action: .cancel, help: "close"),

        KeyBinding(context: .list, keys: [.up, .char("k")], action: .up, help: "previous entry"),
        KeyBinding(context: .list, keys: [.down, .char("j")], action: .down, help: "next entry"),
        KeyBinding(context: .list, keys: [.enter], action: .submit, help: "choose"),
        KeyBinding(context: .list, keys: [.escape], action: .cancel, help: "cancel"),

        KeyBinding(context: .input, keys: [.enter], action: .submit, help: "accept (in the form: next field, save on the last)"),
        KeyBinding(context: .input, keys: [.tab, .down], action: .nextField, help: "next field"),
        KeyBinding(context: .input, keys: [.backTab, .up], action: .previousField, help: "previous field"),
        KeyBinding(context: .input, keys: [.backspace], action: .backspace, help: "delete a character"),
        KeyBinding(context: .input, keys: [.escape], action: .cancel, help: "cancel"),

        KeyBinding(context: .help, keys: [.up, .char("k")], action: .up, help: "scroll up"),
        KeyBinding(context: .help, keys: [.down, .char("j")], action: .down, help: "scroll down"),
        KeyBinding(context: .help, keys: [.pageUp], action: .pageUp, help: "a page up"),
        KeyBinding(context: .help, keys: [.pageDown, .char(" ")], action: .pageDown, help: "a page down"),
        KeyBinding(context: .help, keys: [.escape, .char("q"), .char("?"), .enter], action: .cancel, help: "close"),

        KeyBinding(context: .filter, keys: [.enter], action: .submit, help: "keep the filter"),
        KeyBinding(context: .filter, keys: [.backspace], action: .backspace, help: "delete a character"),
        KeyBinding(context: .filter, keys: [.escape], action: .cancel, help: "clear the filter"),
    ]

    /// The action `key` triggers in `context`. In text contexts, other printable keys type.
    public static func action(for key: KeyPress, in context: KeyContext) -> Action? {
        if let binding = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) {
            return binding.action
        }
        if context == .input || context == .filter, case .char(let c) = key { return .input(c) }
        return nil
    }

    /// The help text, grouped by context: what the help overlay and docs/keys.md show.
    public static var helpLines: [String] {
        var lines: [String] = []
        for context in KeyContext.allCases {
            if !lines.isEmpty { lines.append("") }
            lines.append(context.rawValue)
            for binding in bindings where binding.context == context {
                let label = binding.label
                lines.append("  " + label + String(repeating: " ", count: max(1, 18 - label.count)) + binding.help)
            }
        }
        return lines
    }

    /// docs/keys.md, generated.
    public static var markdown: String {
        var out = "# Keys\n\nGenerated from the key table (`Sources/FunnelTUI/Board/KeyTable.swift`); the help overlay (`?`) shows the same.\n"
        for context in KeyContext.allCases {
            out += "\n## \(context.rawValue)\n\n| keys | what it does |\n|---|---|\n"
            for binding in bindings where binding.context == context {
                out += "| \(binding.keys.map { "`\($0.label)`" }.joined(separator: " ")) | \(binding.help) |\n"
            }
        }
        return out
    }
}
