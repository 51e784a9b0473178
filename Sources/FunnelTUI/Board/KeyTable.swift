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
    case confirm = "Questions (close as lost?)"
    case mail = "Sending an email (e)"
    case help = "Help"
}

/// A short footer hint for a binding: its words, how much it matters, and when it applies.
public struct KeyHint: Sendable {
    /// When a hint applies beyond its context.
    public enum Condition: Sendable {
        case always
        /// Only with an inbox card selected.
        case inbox
        /// Only with a stuck card selected (R13).
        case stuck
    }

    public let text: String
    /// 0: always shown; higher ranks are dropped first when the line is full.
    public let rank: Int
    public let when: Condition
    /// The next binding's first key is shown with this one's ("←→ columns").
    public let pairedWithNext: Bool

    public init(_ text: String, rank: Int = 1, when: Condition = .always, pairedWithNext: Bool = false) {
        self.text = text
        self.rank = rank
        self.when = when
        self.pairedWithNext = pairedWithNext
    }
}

/// One line of the key table: keys, the action they trigger, what the help says, and the
/// footer's short hint (if the footer shows it).
public struct KeyBinding: Sendable {
    public let context: KeyContext
    public let keys: [KeyPress]
    public let action: Action
    public let help: String
    public let hint: KeyHint?

    public init(context: KeyContext, keys: [KeyPress], action: Action, help: String, hint: KeyHint? = nil) {
        self.context = context
        self.keys = keys
        self.action = action
        self.help = help
        self.hint = hint
    }

    public var label: String { keys.map(\.label).joined(separator: " ") }
}

/// The key table: data, not code. The help overlay and docs/keys.md are generated from it.
public enum KeyTable {
    public static let bindings: [KeyBinding] = board + drag + detail + log + today + report + list + input + filter
        + confirm + mail + help

    static let board: [KeyBinding] = [
        KeyBinding(context: .board, keys: [.left, .char("h")], action: .left, help: "previous column", hint: KeyHint("columns", rank: 2, pairedWithNext: true)),
        KeyBinding(context: .board, keys: [.right, .char("l")], action: .right, help: "next column"),
        KeyBinding(context: .board, keys: [.up, .char("k")], action: .up, help: "previous card", hint: KeyHint("cards", rank: 2, pairedWithNext: true)),
        KeyBinding(context: .board, keys: [.down, .char("j")], action: .down, help: "next card"),
        KeyBinding(context: .board, keys: [.pageUp], action: .pageUp, help: "a page of cards up"),
        KeyBinding(context: .board, keys: [.pageDown], action: .pageDown, help: "a page of cards down"),
        KeyBinding(context: .board, keys: [.char("g"), .home], action: .top, help: "first card"),
        KeyBinding(context: .board, keys: [.char("G"), .end], action: .bottom, help: "last card"),
        KeyBinding(context: .board, keys: [.char(" ")], action: .pickUpOrDrop, help: "pick the card up (then ←/→ and Space)",
                   hint: KeyHint("carry", rank: 3)),
        KeyBinding(context: .board, keys: [.shiftLeft, .char("H")], action: .moveStageLeft, help: "move the card one stage left"),
        KeyBinding(context: .board, keys: [.shiftRight, .char("L")], action: .moveStageRight, help: "move the card one stage right",
                   hint: KeyHint("move on", rank: 2)),
        KeyBinding(context: .board, keys: [.enter], action: .openDetail, help: "open the card's details", hint: KeyHint("details")),
        KeyBinding(context: .board, keys: [.char("n")], action: .newDeal, help: "new deal", hint: KeyHint("new")),
        KeyBinding(context: .board, keys: [.char("/")], action: .startFilter, help: "filter by title, company, contact, phone",
                   hint: KeyHint("filter", rank: 2)),
        KeyBinding(context: .board, keys: [.char("s")], action: .cycleSort, help: "next sort order (due, created, value, title, priority)"),
        KeyBinding(context: .board, keys: [.char("u")], action: .undo, help: "undo the last change", hint: KeyHint("undo")),
        KeyBinding(context: .board, keys: [.ctrl("r")], action: .redo, help: "redo"),
        KeyBinding(context: .board, keys: [.char("c")], action: .logCall, help: "log a call on the card (then r n b m w e g t)",
                   hint: KeyHint("log a call", rank: 0)),
        KeyBinding(context: .board, keys: [.char("t")], action: .todayList, help: "today's call list", hint: KeyHint("today", rank: 0)),
        KeyBinding(context: .board, keys: [.char("e")], action: .email, help: "email the contact from a template, and log it (R11)",
                   hint: KeyHint("email", rank: 3)),
        KeyBinding(context: .board, keys: [.char("p")], action: .priority,
                   help: "priority; on a stuck card, move on or lower it (R13)",
                   hint: KeyHint("stuck: move on or lower priority", rank: 0, when: .stuck)),
        KeyBinding(context: .board, keys: [.char("a")], action: .accept, help: "accept an inbox lead (you own it)",
                   hint: KeyHint("accept", rank: 0, when: .inbox)),
        KeyBinding(context: .board, keys: [.char("x")], action: .reject, help: "reject an inbox lead, with a reason",
                   hint: KeyHint("reject", rank: 0, when: .inbox)),
        KeyBinding(context: .board, keys: [.char("A")], action: .assign, help: "assign the card to a seller (managers)"),
        KeyBinding(context: .board, keys: [.char("f")], action: .flagFilter, help: "show only cards with a flag, or of high priority", hint: KeyHint("flags", rank: 3)),
        KeyBinding(context: .board, keys: [.char("r")], action: .report, help: "report: stages, conversion, losses, team",
                   hint: KeyHint("report", rank: 3)),
        KeyBinding(context: .board, keys: [.char("b")], action: .bossMode, help: "boss mode: every seller's cards (managers)"),
        KeyBinding(context: .board, keys: [.char("o")], action: .pickSeller, help: "show one seller's cards (managers)"),
        KeyBinding(context: .board, keys: [.char("?")], action: .help, help: "this help", hint: KeyHint("help", rank: 0)),
        KeyBinding(context: .board, keys: [.escape], action: .cancel, help: "clear the filter"),
        KeyBinding(context: .board, keys: [.char("q")], action: .quit, help: "quit", hint: KeyHint("quit", rank: 2)),
    ]

    static let drag: [KeyBinding] = [
        KeyBinding(context: .drag, keys: [.left, .char("h")], action: .left, help: "carry to the previous column", hint: KeyHint("carry", rank: 0, pairedWithNext: true)),
        KeyBinding(context: .drag, keys: [.right, .char("l")], action: .right, help: "carry to the next column"),
        KeyBinding(context: .drag, keys: [.char(" "), .enter], action: .drop, help: "drop the card here", hint: KeyHint("drop", rank: 0)),
        KeyBinding(context: .drag, keys: [.escape], action: .cancel, help: "put it back", hint: KeyHint("put back", rank: 0)),
    ]

    static let detail: [KeyBinding] = [
        KeyBinding(context: .detail, keys: [.up, .char("k")], action: .up, help: "previous field", hint: KeyHint("field", rank: 0, pairedWithNext: true)),
        KeyBinding(context: .detail, keys: [.down, .char("j")], action: .down, help: "next field; past the last, scroll to the timeline"),
        KeyBinding(context: .detail, keys: [.pageUp], action: .pageUp, help: "scroll a page up (timeline, stage history)"),
        KeyBinding(context: .detail, keys: [.pageDown], action: .pageDown, help: "scroll a page down", hint: KeyHint("timeline", rank: 1)),
        KeyBinding(context: .detail, keys: [.enter], action: .submit, help: "edit the field (stage and owner: pick from a list)",
                   hint: KeyHint("edit", rank: 0)),
        KeyBinding(context: .detail, keys: [.char("c")], action: .logCall, help: "log a call on this deal", hint: KeyHint("log a call", rank: 0)),
        KeyBinding(context: .detail, keys: [.char("e")], action: .email, help: "email the contact from a template, and log it",
                   hint: KeyHint("email", rank: 2)),
        KeyBinding(context: .detail, keys: [.char("p")], action: .priority, help: "set the priority: high, normal, low",
                   hint: KeyHint("priority", rank: 3)),
        KeyBinding(context: .detail, keys: [.char("b")], action: .billModule, help: "bill a module (R21: after its training)",
                   hint: KeyHint("bill", rank: 3)),
        KeyBinding(context: .detail, keys: [.char("t")], action: .logTraining, help: "log a training for a module (R21)"),
        KeyBinding(context: .detail, keys: [.char("u")], action: .undo, help: "undo the last change", hint: KeyHint("undo", rank: 1)),
        KeyBinding(context: .detail, keys: [.ctrl("r")], action: .redo, help: "redo"),
        KeyBinding(context: .detail, keys: [.char("?")], action: .help, help: "the key help", hint: KeyHint("help", rank: 0)),
        KeyBinding(context: .detail, keys: [.escape, .char("q")], action: .cancel, help: "close", hint: KeyHint("close", rank: 0)),
    ]

    static let log: [KeyBinding] = [
        KeyBinding(context: .log, keys: [.char("r")], action: .input("r"), help: "reached", hint: KeyHint("reached", rank: 0)),
        KeyBinding(context: .log, keys: [.char("n")], action: .input("n"), help: "no answer", hint: KeyHint("no answer", rank: 0)),
        KeyBinding(context: .log, keys: [.char("b")], action: .input("b"), help: "busy", hint: KeyHint("busy")),
        KeyBinding(context: .log, keys: [.char("m")], action: .input("m"), help: "left a message", hint: KeyHint("message")),
        KeyBinding(context: .log, keys: [.char("w")], action: .input("w"), help: "wrong number"),
        KeyBinding(context: .log, keys: [.char("e")], action: .input("e"), help: "email sent", hint: KeyHint("email")),
        KeyBinding(context: .log, keys: [.char("g")], action: .input("g"), help: "meeting held"),
        KeyBinding(context: .log, keys: [.char("t")], action: .input("t"), help: "training held"),
        KeyBinding(context: .log, keys: [.up, .char("k")], action: .up, help: "previous choice"),
        KeyBinding(context: .log, keys: [.down, .char("j")], action: .down, help: "next choice"),
        KeyBinding(context: .log, keys: [.enter], action: .submit, help: "the chosen one; then a note and the next call's date"),
        KeyBinding(context: .log, keys: [.escape], action: .cancel, help: "cancel", hint: KeyHint("cancel", rank: 0)),
    ]

    static let today: [KeyBinding] = [
        KeyBinding(context: .today, keys: [.up, .char("k")], action: .up, help: "previous deal", hint: KeyHint("deal", rank: 1, pairedWithNext: true)),
        KeyBinding(context: .today, keys: [.down, .char("j")], action: .down, help: "next deal"),
        KeyBinding(context: .today, keys: [.enter], action: .submit, help: "jump to the deal on the board", hint: KeyHint("jump", rank: 0)),
        KeyBinding(context: .today, keys: [.char("c")], action: .logCall, help: "log a call, then on to the next deal",
                   hint: KeyHint("log a call", rank: 0)),
        KeyBinding(context: .today, keys: [.char("e")], action: .email, help: "email the contact from a template, and log it",
                   hint: KeyHint("email", rank: 2)),
        KeyBinding(context: .today, keys: [.char("?")], action: .help, help: "the key help", hint: KeyHint("help", rank: 0)),
        KeyBinding(context: .today, keys: [.escape, .char("q"), .char("t")], action: .cancel, help: "close", hint: KeyHint("close", rank: 0)),
    ]

    static let report: [KeyBinding] = [
        KeyBinding(context: .report, keys: [.left, .char("h")], action: .left, help: "shorter period (week … all)", hint: KeyHint("period", rank: 0, pairedWithNext: true)),
        KeyBinding(context: .report, keys: [.right, .char("l")], action: .right, help: "longer period"),
        KeyBinding(context: .report, keys: [.up, .char("k")], action: .up, help: "scroll up", hint: KeyHint("scroll", rank: 1, pairedWithNext: true)),
        KeyBinding(context: .report, keys: [.down, .char("j")], action: .down, help: "scroll down"),
        KeyBinding(context: .report, keys: [.char("o")], action: .pickSeller, help: "one seller or all (managers)"),
        KeyBinding(context: .report, keys: [.escape, .char("q"), .char("r")], action: .cancel, help: "close", hint: KeyHint("close", rank: 0)),
    ]

    static let list: [KeyBinding] = [
        KeyBinding(context: .list, keys: [.up, .char("k")], action: .up, help: "previous entry", hint: KeyHint("entry", rank: 1, pairedWithNext: true)),
        KeyBinding(context: .list, keys: [.down, .char("j")], action: .down, help: "next entry"),
        KeyBinding(context: .list, keys: [.enter], action: .submit, help: "choose", hint: KeyHint("choose", rank: 0)),
        KeyBinding(context: .list, keys: [.escape], action: .cancel, help: "cancel", hint: KeyHint("cancel", rank: 0)),
    ]

    /// Editing a line, shared by prompts, the form and the filter.
    static func lineEditing(_ context: KeyContext) -> [KeyBinding] {
        [
            KeyBinding(context: context, keys: [.left, .ctrl("b")], action: .edit(.left), help: "cursor left"),
            KeyBinding(context: context, keys: [.right, .ctrl("f")], action: .edit(.right), help: "cursor right"),
            KeyBinding(context: context, keys: [.home, .ctrl("a")], action: .edit(.home), help: "to the start of the line",
                       hint: KeyHint("start", rank: 2)),
            KeyBinding(context: context, keys: [.end, .ctrl("e")], action: .edit(.end), help: "to the end of the line"),
            KeyBinding(context: context, keys: [.alt("b")], action: .edit(.wordLeft), help: "a word left"),
            KeyBinding(context: context, keys: [.alt("f")], action: .edit(.wordRight), help: "a word right"),
            KeyBinding(context: context, keys: [.backspace], action: .edit(.deleteBackward), help: "delete the character before the cursor"),
            KeyBinding(context: context, keys: [.delete, .ctrl("d")], action: .edit(.deleteForward), help: "delete the character under the cursor"),
            KeyBinding(context: context, keys: [.ctrl("w")], action: .edit(.deleteWordBackward), help: "delete the word before the cursor"),
            KeyBinding(context: context, keys: [.ctrl("u")], action: .edit(.deleteToStart), help: "delete to the start of the line",
                       hint: KeyHint("clear", rank: 1)),
            KeyBinding(context: context, keys: [.ctrl("k")], action: .edit(.deleteToEnd), help: "delete to the end of the line"),
        ]
    }

    static let input: [KeyBinding] = [
        KeyBinding(context: .input, keys: [.enter], action: .submit, help: "accept (in the form: next field, save on the last)",
                   hint: KeyHint("accept", rank: 0)),
        KeyBinding(context: .input, keys: [.tab, .down], action: .nextField, help: "next field"),
        KeyBinding(context: .input, keys: [.backTab, .up], action: .previousField, help: "previous field"),
        KeyBinding(context: .input, keys: [.escape], action: .cancel, help: "cancel", hint: KeyHint("cancel", rank: 0)),
    ] + lineEditing(.input)

    static let filter: [KeyBinding] = [
        KeyBinding(context: .filter, keys: [.enter], action: .submit, help: "keep the filter", hint: KeyHint("keep", rank: 0)),
        KeyBinding(context: .filter, keys: [.escape], action: .cancel, help: "clear the filter", hint: KeyHint("clear filter", rank: 0)),
    ] + lineEditing(.filter)

    static let confirm: [KeyBinding] = [
        KeyBinding(context: .confirm, keys: [.char("y")], action: .yes, help: "yes", hint: KeyHint("yes", rank: 0)),
        KeyBinding(context: .confirm, keys: [.char("n"), .escape], action: .no, help: "no", hint: KeyHint("no", rank: 0)),
    ]

    static let mail: [KeyBinding] = [
        KeyBinding(context: .mail, keys: [.char("y"), .enter], action: .yes, help: "send it (then it is logged on the deal)",
                   hint: KeyHint("send", rank: 0)),
        KeyBinding(context: .mail, keys: [.char("e")], action: .email, help: "change it in $EDITOR first", hint: KeyHint("edit", rank: 0)),
        KeyBinding(context: .mail, keys: [.char("n"), .escape], action: .no, help: "do not send; nothing is logged",
                   hint: KeyHint("cancel", rank: 0)),
    ]

    static let help: [KeyBinding] = [
        KeyBinding(context: .help, keys: [.up, .char("k")], action: .up, help: "scroll up", hint: KeyHint("scroll", rank: 0, pairedWithNext: true)),
        KeyBinding(context: .help, keys: [.down, .char("j")], action: .down, help: "scroll down"),
        KeyBinding(context: .help, keys: [.pageUp], action: .pageUp, help: "a page up"),
        KeyBinding(context: .help, keys: [.pageDown, .char(" ")], action: .pageDown, help: "a page down"),
        KeyBinding(context: .help, keys: [.escape, .char("q"), .char("?"), .enter], action: .cancel, help: "close",
                   hint: KeyHint("closes", rank: 0)),
    ]

    /// The action `key` triggers in `context`. In text contexts, other printable keys type.
    public static func action(for key: KeyPress, in context: KeyContext) -> Action? {
        if let binding = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) {
            return binding.action
        }
        guard context == .input || context == .filter else { return nil }
        switch key {
        case .char(let c): return .input(c)
        case .paste(let text): return .paste(text)
        default: return nil
        }
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
