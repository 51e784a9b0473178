import FunnelCore

/// Where a key is pressed; each context has its own bindings. The raw value is the catalogue
/// key of the context's title in the help.
public enum KeyContext: String, CaseIterable, Sendable {
    case board = "helpBoard"
    case drag = "helpDrag"
    case detail = "helpDetail"
    case list = "helpList"
    case log = "helpLog"
    case today = "helpToday"
    case report = "helpReport"
    case input = "helpInput"
    case filter = "helpFilter"
    case confirm = "helpConfirm"
    case mail = "helpMail"
    case stages = "helpStages"
    case quote = "helpQuote"
    case help = "helpHelp"

    /// The context's title in the help, in `language`.
    public func title(in language: Language) -> String {
        TextKey(rawValue: rawValue).map { language.text($0) } ?? rawValue
    }
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

    /// The hint's words, as a catalogue key.
    public let textKey: TextKey
    /// 0: always shown; higher ranks are dropped first when the line is full.
    public let rank: Int
    public let when: Condition
    /// The next binding's first key is shown with this one's ("←→ columns").
    public let pairedWithNext: Bool

    public init(_ text: TextKey, rank: Int = 1, when: Condition = .always, pairedWithNext: Bool = false) {
        self.textKey = text
        self.rank = rank
        self.when = when
        self.pairedWithNext = pairedWithNext
    }

    /// The hint's words in English.
    public var text: String { Catalogue.text(textKey, .en) }
}

/// One line of the key table: keys, the action they trigger, what the help says, and the
/// footer's short hint (if the footer shows it).
public struct KeyBinding: Sendable {
    public let context: KeyContext
    public let keys: [KeyPress]
    public let action: Action
    /// What the help says, as a catalogue key.
    public let helpKey: TextKey
    public let hint: KeyHint?

    public init(context: KeyContext, keys: [KeyPress], action: Action, help: TextKey, hint: KeyHint? = nil) {
        self.context = context
        self.keys = keys
        self.action = action
        self.helpKey = help
        self.hint = hint
    }

    /// What the help says, in English.
    public var help: String { Catalogue.text(helpKey, .en) }

    /// What the help says in `language`. On a board running right to left, ← and → (and h, l)
    /// go the other way in the board and while carrying, and the help says so.
    public func help(in language: Language, rightToLeft: Bool = false) -> String {
        guard rightToLeft, context == .board || context == .drag else { return language.text(helpKey) }
        let mirrored: [TextKey: TextKey] = [
            .keyPreviousColumn: .keyNextColumn, .keyNextColumn: .keyPreviousColumn,
            .keyCarryToThePreviousColumn: .keyCarryToTheNextColumn, .keyCarryToTheNextColumn: .keyCarryToThePreviousColumn,
        ]
        return language.text(mirrored[helpKey] ?? helpKey)
    }

    public var label: String { keys.map(\.label).joined(separator: " ") }
}

/// The key table: data, not code. The help overlay and docs/keys.md are generated from it.
public enum KeyTable {
    public static let bindings: [KeyBinding] =
        board + drag + detail + log + today + report + list + input + filter
        + confirm + mail + stages + quote + help

    static let board: [KeyBinding] = [
        KeyBinding(
            context: .board, keys: [.left, .char("h")], action: .left, help: .keyPreviousColumn,
            hint: KeyHint(.hintColumns, rank: 2, pairedWithNext: true)),
        KeyBinding(context: .board, keys: [.right, .char("l")], action: .right, help: .keyNextColumn),
        KeyBinding(
            context: .board, keys: [.up, .char("k")], action: .up, help: .keyPreviousCard, hint: KeyHint(.hintCards, rank: 2, pairedWithNext: true)),
        KeyBinding(context: .board, keys: [.down, .char("j")], action: .down, help: .keyNextCard),
        KeyBinding(context: .board, keys: [.pageUp], action: .pageUp, help: .keyAPageOfCardsUp),
        KeyBinding(context: .board, keys: [.pageDown], action: .pageDown, help: .keyAPageOfCardsDown),
        KeyBinding(context: .board, keys: [.char("g"), .home], action: .top, help: .keyFirstCard),
        KeyBinding(context: .board, keys: [.char("G"), .end], action: .bottom, help: .keyLastCard),
        KeyBinding(
            context: .board, keys: [.char(" ")], action: .pickUpOrDrop, help: .keyPickTheCardUpThenAndSpace,
            hint: KeyHint(.hintCarry, rank: 3)),
        KeyBinding(context: .board, keys: [.shiftLeft, .char("H")], action: .moveStageLeft, help: .keyMoveTheCardOneStageLeft),
        KeyBinding(
            context: .board, keys: [.shiftRight, .char("L")], action: .moveStageRight, help: .keyMoveTheCardOneStageRight,
            hint: KeyHint(.hintMoveOn, rank: 2)),
        KeyBinding(context: .board, keys: [.enter], action: .openDetail, help: .keyOpenTheCardsDetails, hint: KeyHint(.hintDetails)),
        KeyBinding(context: .board, keys: [.char("n")], action: .newDeal, help: .keyNewDeal, hint: KeyHint(.hintNew)),
        KeyBinding(
            context: .board, keys: [.char("/")], action: .startFilter, help: .keyFilterByTitleCompanyContactPhone,
            hint: KeyHint(.hintFilter, rank: 2)),
        KeyBinding(context: .board, keys: [.char("s")], action: .cycleSort, help: .keyNextSortOrderDueCreatedValueTitlePriority),
        KeyBinding(context: .board, keys: [.char("u")], action: .undo, help: .keyUndoTheLastChange, hint: KeyHint(.hintUndo)),
        KeyBinding(context: .board, keys: [.ctrl("r")], action: .redo, help: .keyRedo),
        KeyBinding(context: .board, keys: [.ctrl("s")], action: .syncNow, help: .keySyncNow),
        KeyBinding(
            context: .board, keys: [.char("c")], action: .logCall, help: .keyLogACallOnTheCardThenRNB,
            hint: KeyHint(.hintLogACall, rank: 0)),
        KeyBinding(context: .board, keys: [.char("t")], action: .todayList, help: .keyTodaysCallList, hint: KeyHint(.hintToday, rank: 0)),
        KeyBinding(
            context: .board, keys: [.char("e")], action: .email, help: .keyEmailTheContactFromATemplateAndLogItR11,
            hint: KeyHint(.hintEmail, rank: 3)),
        KeyBinding(
            context: .board, keys: [.char("p")], action: .priority,
            help: .keyPriorityOnAStuckCardMoveOnOrLowerIt,
            hint: KeyHint(.hintStuckMoveOnOrLowerPriority, rank: 0, when: .stuck)),
        KeyBinding(
            context: .board, keys: [.char("a")], action: .accept, help: .keyAcceptAnInboxLeadYouOwnIt,
            hint: KeyHint(.hintAccept, rank: 0, when: .inbox)),
        KeyBinding(
            context: .board, keys: [.char("x")], action: .reject, help: .keyRejectAnInboxLeadWithAReason,
            hint: KeyHint(.hintReject, rank: 0, when: .inbox)),
        KeyBinding(context: .board, keys: [.char("A")], action: .assign, help: .keyAssignTheCardToASellerManagers),
        KeyBinding(
            context: .board, keys: [.char("f")], action: .flagFilter, help: .keyShowOnlyCardsWithAFlagOrOfHighPriority,
            hint: KeyHint(.hintFlags, rank: 3)),
        KeyBinding(
            context: .board, keys: [.char("r")], action: .report, help: .keyReportStagesConversionLossesTeam,
            hint: KeyHint(.hintReport, rank: 3)),
        KeyBinding(context: .board, keys: [.char("S")], action: .stageEditor, help: .keyStageEditorManagers),
        KeyBinding(context: .board, keys: [.char("P")], action: .switchPipeline, help: .keySwitchPipeline),
        KeyBinding(context: .board, keys: [.char("b")], action: .bossMode, help: .keyBossModeEverySellersCardsManagers),
        KeyBinding(context: .board, keys: [.char("o")], action: .pickSeller, help: .keyShowOneSellersCardsManagers),
        KeyBinding(context: .board, keys: [.char("z")], action: .toggleArchived, help: .keyShowOrHideArchivedDeals),
        KeyBinding(context: .board, keys: [.char("?")], action: .help, help: .keyThisHelp, hint: KeyHint(.hintHelp, rank: 0)),
        KeyBinding(context: .board, keys: [.escape], action: .cancel, help: .keyClearTheFilter),
        KeyBinding(context: .board, keys: [.char("q")], action: .quit, help: .keyQuit, hint: KeyHint(.hintQuit, rank: 2)),
    ]

    static let stages: [KeyBinding] = [
        KeyBinding(
            context: .stages, keys: [.up, .char("k")], action: .up, help: .keyPreviousStage,
            hint: KeyHint(.hintStages, rank: 0, pairedWithNext: true)),
        KeyBinding(context: .stages, keys: [.down, .char("j")], action: .down, help: .keyNextStage),
        KeyBinding(
            context: .stages, keys: [.shiftUp, .char("K")], action: .stageUp, help: .keyMoveTheStageUp,
            hint: KeyHint(.hintReorder, rank: 0, pairedWithNext: true)),
        KeyBinding(context: .stages, keys: [.shiftDown, .char("J")], action: .stageDown, help: .keyMoveTheStageDown),
        KeyBinding(context: .stages, keys: [.char("a")], action: .stageAdd, help: .keyAddAStageAfterThisOne, hint: KeyHint(.hintAddStage, rank: 0)),
        KeyBinding(context: .stages, keys: [.char("r")], action: .stageRename, help: .keyRenameTheStage, hint: KeyHint(.hintRename, rank: 0)),
        KeyBinding(context: .stages, keys: [.char("l")], action: .stageLimits, help: .keyTheStagesLimits, hint: KeyHint(.hintLimits, rank: 0)),
        KeyBinding(
            context: .stages, keys: [.char("d"), .delete], action: .stageRemove, help: .keyRemoveTheStage,
            hint: KeyHint(.hintRemove, rank: 0)),
        KeyBinding(context: .stages, keys: [.escape, .char("q"), .char("S")], action: .cancel, help: .keyClose, hint: KeyHint(.hintClose, rank: 0)),
    ]

    static let drag: [KeyBinding] = [
        KeyBinding(
            context: .drag, keys: [.left, .char("h")], action: .left, help: .keyCarryToThePreviousColumn,
            hint: KeyHint(.hintCarry, rank: 0, pairedWithNext: true)),
        KeyBinding(context: .drag, keys: [.right, .char("l")], action: .right, help: .keyCarryToTheNextColumn),
        KeyBinding(context: .drag, keys: [.char(" "), .enter], action: .drop, help: .keyDropTheCardHere, hint: KeyHint(.hintDrop, rank: 0)),
        KeyBinding(context: .drag, keys: [.escape], action: .cancel, help: .keyPutItBack, hint: KeyHint(.hintPutBack, rank: 0)),
    ]

    static let detail: [KeyBinding] = [
        KeyBinding(
            context: .detail, keys: [.up, .char("k")], action: .up, help: .keyPreviousField, hint: KeyHint(.hintField, rank: 0, pairedWithNext: true)),
        KeyBinding(context: .detail, keys: [.down, .char("j")], action: .down, help: .keyNextFieldPastTheLastScrollToTheTimeline),
        KeyBinding(context: .detail, keys: [.pageUp], action: .pageUp, help: .keyScrollAPageUpTimelineStageHistory),
        KeyBinding(context: .detail, keys: [.pageDown], action: .pageDown, help: .keyScrollAPageDown, hint: KeyHint(.hintTimeline, rank: 1)),
        KeyBinding(
            context: .detail, keys: [.enter], action: .submit, help: .keyEditTheFieldStageAndOwnerPickFromAList,
            hint: KeyHint(.hintEdit, rank: 0)),
        KeyBinding(context: .detail, keys: [.char("c")], action: .logCall, help: .keyLogACallOnThisDeal, hint: KeyHint(.hintLogACall, rank: 0)),
        KeyBinding(
            context: .detail, keys: [.char("e")], action: .email, help: .keyEmailTheContactFromATemplateAndLogIt,
            hint: KeyHint(.hintEmail, rank: 2)),
        KeyBinding(
            context: .detail, keys: [.char("p")], action: .priority, help: .keySetThePriorityHighNormalLow,
            hint: KeyHint(.hintPriority, rank: 3)),
        KeyBinding(
            context: .detail, keys: [.char("b")], action: .billModule, help: .keyBillAModuleR21AfterItsTraining,
            hint: KeyHint(.hintBill, rank: 3)),
        KeyBinding(context: .detail, keys: [.char("t")], action: .logTraining, help: .keyLogATrainingForAModuleR21),
        KeyBinding(
            context: .detail, keys: [.char("Q")], action: .quote, help: .keyQuoteAddLinesAndIssue,
            hint: KeyHint(.hintQuote, rank: 3)),
        KeyBinding(context: .detail, keys: [.char("u")], action: .undo, help: .keyUndoTheLastChange, hint: KeyHint(.hintUndo, rank: 1)),
        KeyBinding(context: .detail, keys: [.ctrl("r")], action: .redo, help: .keyRedo),
        KeyBinding(context: .detail, keys: [.char("?")], action: .help, help: .keyTheKeyHelp, hint: KeyHint(.hintHelp, rank: 0)),
        KeyBinding(context: .detail, keys: [.escape, .char("q")], action: .cancel, help: .keyClose, hint: KeyHint(.hintClose, rank: 0)),
    ]

    static let log: [KeyBinding] = [
        KeyBinding(context: .log, keys: [.char("r")], action: .input("r"), help: .keyReached, hint: KeyHint(.hintReached, rank: 0)),
        KeyBinding(context: .log, keys: [.char("n")], action: .input("n"), help: .keyNoAnswer, hint: KeyHint(.hintNoAnswer, rank: 0)),
        KeyBinding(context: .log, keys: [.char("b")], action: .input("b"), help: .keyBusy, hint: KeyHint(.hintBusy)),
        KeyBinding(context: .log, keys: [.char("m")], action: .input("m"), help: .keyLeftAMessage, hint: KeyHint(.hintMessage)),
        KeyBinding(context: .log, keys: [.char("w")], action: .input("w"), help: .keyWrongNumber),
        KeyBinding(context: .log, keys: [.char("e")], action: .input("e"), help: .keyEmailSent, hint: KeyHint(.hintEmail)),
        KeyBinding(context: .log, keys: [.char("g")], action: .input("g"), help: .keyMeetingHeld),
        KeyBinding(context: .log, keys: [.char("t")], action: .input("t"), help: .keyTrainingHeld),
        KeyBinding(context: .log, keys: [.up, .char("k")], action: .up, help: .keyPreviousChoice),
        KeyBinding(context: .log, keys: [.down, .char("j")], action: .down, help: .keyNextChoice),
        KeyBinding(context: .log, keys: [.enter], action: .submit, help: .keyTheChosenOneThenANoteAndTheNextCalls),
        KeyBinding(context: .log, keys: [.escape], action: .cancel, help: .keyCancel, hint: KeyHint(.hintCancel, rank: 0)),
    ]

    static let today: [KeyBinding] = [
        KeyBinding(
            context: .today, keys: [.up, .char("k")], action: .up, help: .keyPreviousDeal, hint: KeyHint(.hintDeal, rank: 1, pairedWithNext: true)),
        KeyBinding(context: .today, keys: [.down, .char("j")], action: .down, help: .keyNextDeal),
        KeyBinding(context: .today, keys: [.enter], action: .submit, help: .keyJumpToTheDealOnTheBoard, hint: KeyHint(.hintJump, rank: 0)),
        KeyBinding(
            context: .today, keys: [.char("c")], action: .logCall, help: .keyLogACallThenOnToTheNextDeal,
            hint: KeyHint(.hintLogACall, rank: 0)),
        KeyBinding(
            context: .today, keys: [.char("e")], action: .email, help: .keyEmailTheContactFromATemplateAndLogIt,
            hint: KeyHint(.hintEmail, rank: 2)),
        KeyBinding(context: .today, keys: [.char("?")], action: .help, help: .keyTheKeyHelp, hint: KeyHint(.hintHelp, rank: 0)),
        KeyBinding(context: .today, keys: [.escape, .char("q"), .char("t")], action: .cancel, help: .keyClose, hint: KeyHint(.hintClose, rank: 0)),
    ]

    static let report: [KeyBinding] = [
        KeyBinding(
            context: .report, keys: [.left, .char("h")], action: .left, help: .keyShorterPeriodWeekAll,
            hint: KeyHint(.hintPeriod, rank: 0, pairedWithNext: true)),
        KeyBinding(context: .report, keys: [.right, .char("l")], action: .right, help: .keyLongerPeriod),
        KeyBinding(
            context: .report, keys: [.up, .char("k")], action: .up, help: .keyScrollUp, hint: KeyHint(.hintScroll, rank: 1, pairedWithNext: true)),
        KeyBinding(context: .report, keys: [.down, .char("j")], action: .down, help: .keyScrollDown),
        KeyBinding(context: .report, keys: [.char("o")], action: .pickSeller, help: .keyOneSellerOrAllManagers),
        KeyBinding(
            context: .report, keys: [.tab], action: .nextField, help: .keyNextFigure, hint: KeyHint(.hintFigure, rank: 0, pairedWithNext: true)),
        KeyBinding(context: .report, keys: [.backTab], action: .previousField, help: .keyPreviousFigure),
        KeyBinding(context: .report, keys: [.enter], action: .submit, help: .keyTheDealsBehindTheFigure, hint: KeyHint(.hintFigureDeals, rank: 0)),
        KeyBinding(context: .report, keys: [.escape, .char("q"), .char("r")], action: .cancel, help: .keyClose, hint: KeyHint(.hintClose, rank: 0)),
    ]

    static let list: [KeyBinding] = [
        KeyBinding(
            context: .list, keys: [.up, .char("k")], action: .up, help: .keyPreviousEntry, hint: KeyHint(.hintEntry, rank: 1, pairedWithNext: true)),
        KeyBinding(context: .list, keys: [.down, .char("j")], action: .down, help: .keyNextEntry),
        KeyBinding(context: .list, keys: [.enter], action: .submit, help: .keyChoose, hint: KeyHint(.hintChoose, rank: 0)),
        KeyBinding(context: .list, keys: [.escape], action: .cancel, help: .keyCancel, hint: KeyHint(.hintCancel, rank: 0)),
    ]

    /// Editing a line, shared by prompts, the form and the filter.
    static func lineEditing(_ context: KeyContext) -> [KeyBinding] {
        [
            KeyBinding(context: context, keys: [.left, .ctrl("b")], action: .edit(.left), help: .keyCursorLeft),
            KeyBinding(context: context, keys: [.right, .ctrl("f")], action: .edit(.right), help: .keyCursorRight),
            KeyBinding(
                context: context, keys: [.home, .ctrl("a")], action: .edit(.home), help: .keyToTheStartOfTheLine,
                hint: KeyHint(.hintStart, rank: 2)),
            KeyBinding(context: context, keys: [.end, .ctrl("e")], action: .edit(.end), help: .keyToTheEndOfTheLine),
            KeyBinding(context: context, keys: [.alt("b")], action: .edit(.wordLeft), help: .keyAWordLeft),
            KeyBinding(context: context, keys: [.alt("f")], action: .edit(.wordRight), help: .keyAWordRight),
            KeyBinding(context: context, keys: [.backspace], action: .edit(.deleteBackward), help: .keyDeleteTheCharacterBeforeTheCursor),
            KeyBinding(context: context, keys: [.delete, .ctrl("d")], action: .edit(.deleteForward), help: .keyDeleteTheCharacterUnderTheCursor),
            KeyBinding(context: context, keys: [.ctrl("w")], action: .edit(.deleteWordBackward), help: .keyDeleteTheWordBeforeTheCursor),
            KeyBinding(
                context: context, keys: [.ctrl("u")], action: .edit(.deleteToStart), help: .keyDeleteToTheStartOfTheLine,
                hint: KeyHint(.hintClear, rank: 1)),
            KeyBinding(context: context, keys: [.ctrl("k")], action: .edit(.deleteToEnd), help: .keyDeleteToTheEndOfTheLine),
        ]
    }

    static let input: [KeyBinding] =
        [
            KeyBinding(
                context: .input, keys: [.enter], action: .submit, help: .keyAcceptInTheFormNextFieldSaveOnTheLast,
                hint: KeyHint(.hintAccept, rank: 0)),
            KeyBinding(context: .input, keys: [.tab, .down], action: .nextField, help: .keyNextField),
            KeyBinding(context: .input, keys: [.backTab, .up], action: .previousField, help: .keyPreviousField),
            KeyBinding(context: .input, keys: [.escape], action: .cancel, help: .keyCancel, hint: KeyHint(.hintCancel, rank: 0)),
        ] + lineEditing(.input)

    static let filter: [KeyBinding] =
        [
            KeyBinding(context: .filter, keys: [.enter], action: .submit, help: .keyKeepTheFilter, hint: KeyHint(.hintKeep, rank: 0)),
            KeyBinding(context: .filter, keys: [.escape], action: .cancel, help: .keyClearTheFilter, hint: KeyHint(.hintClearFilter, rank: 0)),
        ] + lineEditing(.filter)

    static let confirm: [KeyBinding] = [
        KeyBinding(context: .confirm, keys: [.char("y")], action: .yes, help: .keyYes, hint: KeyHint(.hintYes, rank: 0)),
        KeyBinding(context: .confirm, keys: [.char("n"), .escape], action: .no, help: .keyNo, hint: KeyHint(.hintNo, rank: 0)),
    ]

    static let mail: [KeyBinding] = [
        KeyBinding(
            context: .mail, keys: [.char("y"), .enter], action: .yes, help: .keySendItThenItIsLoggedOnTheDeal,
            hint: KeyHint(.hintSend, rank: 0)),
        KeyBinding(context: .mail, keys: [.char("e")], action: .email, help: .keyChangeItInEDITORFirst, hint: KeyHint(.hintEdit, rank: 0)),
        KeyBinding(
            context: .mail, keys: [.char("n"), .escape], action: .no, help: .keyDoNotSendNothingIsLogged,
            hint: KeyHint(.hintCancel, rank: 0)),
    ]

    static let quote: [KeyBinding] =
        [
            KeyBinding(context: .quote, keys: [.up], action: .up, help: .keyPreviousEntry, hint: KeyHint(.hintEntry, rank: 1, pairedWithNext: true)),
            KeyBinding(context: .quote, keys: [.down], action: .down, help: .keyNextEntry),
            KeyBinding(
                context: .quote, keys: [.enter], action: .submit, help: .keyAddTheProductOrIssueTheQuote,
                hint: KeyHint(.hintAddOrIssue, rank: 0)),
            KeyBinding(context: .quote, keys: [.escape], action: .cancel, help: .keyClose, hint: KeyHint(.hintClose, rank: 0)),
        ] + lineEditing(.quote)

    static let help: [KeyBinding] = [
        KeyBinding(
            context: .help, keys: [.up, .char("k")], action: .up, help: .keyScrollUp, hint: KeyHint(.hintScroll, rank: 0, pairedWithNext: true)),
        KeyBinding(context: .help, keys: [.down, .char("j")], action: .down, help: .keyScrollDown),
        KeyBinding(context: .help, keys: [.pageUp], action: .pageUp, help: .keyAPageUp),
        KeyBinding(context: .help, keys: [.pageDown, .char(" ")], action: .pageDown, help: .keyAPageDown),
        KeyBinding(
            context: .help, keys: [.escape, .char("q"), .char("?"), .enter], action: .cancel, help: .keyClose,
            hint: KeyHint(.hintCloses, rank: 0)),
    ]

    /// The action `key` triggers in `context`. In text contexts, other printable keys type.
    public static func action(for key: KeyPress, in context: KeyContext) -> Action? {
        if let binding = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) {
            return binding.action
        }
        guard context == .input || context == .filter || context == .quote else { return nil }
        switch key {
        case .char(let c): return .input(c)
        case .paste(let text): return .paste(text)
        default: return nil
        }
    }

    /// The help text in English, grouped by context.
    public static var helpLines: [String] { helpLines(in: .en) }

    /// The help text, grouped by context: what the help overlay shows, in `language`.
    public static func helpLines(in language: Language, rightToLeft: Bool = false) -> [String] {
        var lines: [String] = []
        for context in KeyContext.allCases {
            if !lines.isEmpty { lines.append("") }
            lines.append(context.title(in: language))
            for binding in bindings where binding.context == context {
                let label = binding.label
                lines.append(
                    "  " + label + String(repeating: " ", count: max(1, 18 - label.count))
                        + binding.help(in: language, rightToLeft: rightToLeft))
            }
        }
        return lines
    }

    /// docs/keys.md, generated.
    public static var markdown: String {
        var out = "# Keys\n\nGenerated from the key table (`Sources/FunnelBoard/Board/KeyTable.swift`); the help overlay (`?`) shows the same.\n"
        for context in KeyContext.allCases {
            out += "\n## \(context.title(in: .en))\n\n| keys | what it does |\n|---|---|\n"
            for binding in bindings where binding.context == context {
                out += "| \(binding.keys.map { "`\($0.label)`" }.joined(separator: " ")) | \(binding.help) |\n"
            }
        }
        return out + WelcomeKeys.markdown
    }
}
