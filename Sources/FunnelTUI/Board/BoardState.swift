import Foundation
import FunnelCore
import FunnelText

/// A card being carried with the keyboard (Space, ←/→, Space) or the mouse.
public struct Drag: Hashable, Sendable {
    public var dealID: String
    /// Column index it came from.
    public var origin: Int
    /// Column index it would land in.
    public var target: Int
}

/// A field of the detail pane.
public enum DetailField: String, CaseIterable, Sendable {
    case title, company, contact, phone, email, value, nextAction, stage, owner, priority, notes
    case installments, paymentMethod
    case probability, expectedClose
    case rapport, discovery, presentation, closing

    public var label: String { label(in: .en) }

    /// The field's label in `language`; a call step's is its name after a box.
    public func label(in language: Language) -> String {
        if let step = callStep { return "☐ " + step.label(in: language) }
        let keys: [DetailField: TextKey] = [
            .title: .fieldTitle, .company: .fieldCompany, .contact: .fieldContact, .phone: .fieldPhone, .email: .fieldEmail,
            .value: .fieldValue, .nextAction: .fieldNextAction, .stage: .fieldStage, .owner: .fieldOwner, .notes: .fieldNotes,
            .installments: .fieldInstallments, .paymentMethod: .fieldPayment, .priority: .fieldPriority,
            .probability: .fieldProbability, .expectedClose: .fieldExpectedClose,
        ]
        return keys[self].map { language.text($0) } ?? rawValue.prefix(1).uppercased() + rawValue.dropFirst()
    }

    /// The call-script step this row ticks (R14), if it is one.
    public var callStep: CallStep? { CallStep(rawValue: rawValue) }
}

/// The detail pane of one deal.
public struct DetailState: Hashable, Sendable {
    public var dealID: String
    public var field: DetailField = .title
    /// The first line shown: past the fields, the timeline and the stage history.
    public var scroll: Int = 0

    public init(dealID: String, field: DetailField = .title, scroll: Int = 0) {
        self.dealID = dealID
        self.field = field
        self.scroll = scroll
    }
}

/// Why a list was opened, and what choosing from it does.
public enum PickerPurpose: Hashable, Sendable {
    case reportSeller(ReportScreen)
    case paymentMethod(dealID: String)
    case assign(dealID: String)
    case flag
    case stage(dealID: String)
    case lostReason(dealID: String, stage: String, extras: MoveExtras)
    case owner(dealID: String)
    case seller
    /// High, normal or low (`p`).
    case priority(dealID: String)
    /// R13: a stuck card is moved on (value `move`) or its priority lowered (value `lower`).
    case stuck(dealID: String)
    /// The stage editor: where a removed stage's deals go.
    case removeStage(stageID: String)
    /// The deals behind a figure of the report (Enter opens one); Esc goes back to `screen`.
    case reportDeals(ReportScreen)
    /// Which mail template to send (`e`, when there are several).
    case mailTemplate(MailJob)
    /// Which pipeline to show (`P`, with more than two).
    case pipeline
}

/// A list to choose from.
public struct Picker: Hashable, Sendable {
    public var title: String
    /// (value, label) pairs.
    public var options: [PickerOption]
    public var selected: Int
    public var purpose: PickerPurpose
}

public struct PickerOption: Hashable, Sendable {
    /// What choosing it picks; nil for the list's "none in particular" entry: every seller, all
    /// cards, no payment terms, leave it.
    public var value: String?
    public var label: String
}

/// What a move still needs, gathered from prompts before it is tried again.
public struct MoveExtras: Hashable, Sendable {
    public var lostReason: String?
    public var nextAction: NextAction?
    public var value: Decimal?

    public init(lostReason: String? = nil, nextAction: NextAction? = nil, value: Decimal? = nil) {
        self.lostReason = lostReason
        self.nextAction = nextAction
        self.value = value
    }
}

/// Why a one-line prompt was opened.
public enum PromptPurpose: Hashable, Sendable {
    case reject(dealID: String)
    case nextAction(dealID: String, stage: String, extras: MoveExtras)
    case value(dealID: String, stage: String, extras: MoveExtras)
    case edit(dealID: String, field: DetailField)
    /// The next call's date and a note, after choosing a call's outcome (R11, R14).
    case logCall(LogCall)
    /// A module to bill (R21: refused until its training is logged).
    case bill(dealID: String)
    /// A module the customer was trained on (R21).
    case training(dealID: String)
    /// The stage editor: a new stage's name (placed after `after`), or a stage's new name.
    case newStage(after: String)
    case renameStage(stageID: String)
    /// The stage editor: a stage's limits, "DAYS PERCENT" (stuck after, probability).
    case stageLimits(stageID: String)
}

/// A call being logged: the outcome is chosen, the date and note are being typed.
public struct LogCall: Hashable, Sendable {
    public var dealID: String
    public var entry: LogEntry
    /// What the rule proposes after this outcome (nil: keep the deal's next action).
    public var proposed: NextAction?
    /// Opened from today's list: afterwards the list moves on to the next deal.
    public var fromToday: Bool
}

/// A one-line text prompt.
public struct Prompt: Hashable, Sendable {
    public var title: String
    public var label: String
    /// The text being typed and its cursor.
    public var line: LineEditor
    public var error: String?
    public var purpose: PromptPurpose

    public init(title: String, label: String, text: String, error: String? = nil, purpose: PromptPurpose) {
        self.title = title
        self.label = label
        self.line = LineEditor(text)
        self.error = error
        self.purpose = purpose
    }

    public var text: String { line.text }
}

/// A yes/no question.
public struct Confirm: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        /// Close the deal as lost with the pipeline's unreachable reason (R11).
        /// `position`: where the deal stood in today's list before the call.
        case closeUnreachable(dealID: String, fromToday: Bool, position: Int?)
        /// Remove an empty stage (the stage editor).
        case removeStage(stageID: String)
    }

    public var title: String
    public var question: String
    public var purpose: Purpose
}

/// The new-deal form.
public struct DealForm: Hashable, Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case title = "Title", company = "Company", contact = "Contact", phone = "Phone", email = "Email"
        case value = "Value", next = "Next action"

        /// The field's label in `language`.
        public func label(in language: Language) -> String {
            let keys: [Field: TextKey] = [
                .title: .fieldTitle, .company: .fieldCompany, .contact: .fieldContact, .phone: .fieldPhone,
                .email: .fieldEmail, .value: .fieldValue, .next: .fieldNextAction,
            ]
            return language.text(keys[self] ?? .fieldTitle)
        }
    }
    /// Each field's text and cursor.
    public var lines: [Field: LineEditor] = [:]
    public var field: Field = .title
    public var errors: [Field: String] = [:]
    /// The stage the deal will be created in.
    public var stage: String

    public init(stage: String) { self.stage = stage }

    /// Each field's text.
    public var values: [Field: String] { lines.mapValues(\.text) }
}

/// Logging a call or another activity on a deal: one key picks the outcome (R14).
public struct LogPicker: Hashable, Sendable {
    public var dealID: String
    /// Opened from today's list: after logging, the list moves on to the next deal.
    public var fromToday: Bool
    public var selected: Int = 0

    /// The choices with their keys, in order.
    public static let choices: [(key: Character, entry: LogEntry, label: TextKey)] = [
        ("r", .call(.reached), .logReached),
        ("n", .call(.noAnswer), .logNoAnswer),
        ("b", .call(.busy), .logBusy),
        ("m", .call(.leftMessage), .logLeftMessage),
        ("w", .call(.wrongNumber), .logWrongNumber),
        ("e", .other(.email), .logEmailSent),
        ("g", .other(.meeting), .logMeetingHeld),
        ("t", .other(.training), .logTrainingHeld),
    ]
}

/// Today's call list overlay (R9).
public struct TodayList: Hashable, Sendable {
    public var selected: Int = 0
}

/// The report screen (R17, R18): a period and, for managers, one seller or all.
public struct ReportScreen: Hashable, Sendable {
    public var period: ReportPeriod.Kind = .month
    /// nil: every seller the user may see.
    public var seller: String?
    public var scroll: Int = 0
    /// The figure chosen with Tab (the n-th line that opens a figure's deals), nil: none.
    public var selected: Int?
    /// The figures, computed when the period or seller changes (not on every frame).
    public var report: FunnelReport?

    public init(period: ReportPeriod.Kind = .month, seller: String? = nil) {
        self.period = period
        self.seller = seller
    }
}

/// What sits on top of the board and takes the keys.
public enum Modal: Hashable, Sendable {
    case report(ReportScreen)
    case logPicker(LogPicker)
    case today(TodayList)
    /// The key help, scrolled to a line.
    case help(scroll: Int)
    case picker(Picker)
    case prompt(Prompt)
    case form(DealForm)
    case filter
    case confirm(Confirm)
    /// An email composed, waiting to be sent, edited or dropped (R11).
    case mail(MailConfirm)
    /// The manager's stage editor (`S`): add, rename, reorder, limits, remove.
    case stages(StageEditor)
    /// A quote being prepared: products to add, the totals, the issue row (R19).
    case quote(QuoteBuilder)
}

/// The stage editor's list: which stage is selected (an index into the pipeline's stages).
public struct StageEditor: Hashable, Sendable {
    public var selected: Int

    public init(selected: Int) { self.selected = selected }
}

/// A message in the status line.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
}

/// One undoable step on one deal: the version to put back (`before`; nil: the deal did not
/// exist) and the version the deal must still be (`after`; nil: it must not exist).
public struct UndoEntry: Hashable, Sendable {
    public var id: String
    public var before: Deal?
    public var after: Deal?

    public init(id: String, before: Deal?, after: Deal?) {
        self.id = id
        self.before = before
        self.after = after
    }
}

/// Everything the board shows, as a value. `BoardUpdate.apply` changes it; `BoardRender.render` draws it.
public struct BoardState: Sendable {
    public var funnel: Funnel
    /// Every pipeline of the data directory; `deals` holds only those of the one shown
    /// (`funnel.pipelineID`). nil: one pipeline, all deals (`P` says so).
    public var pipelines: PipelineSet?
    public var actor: User
    public var deals: [String: Deal]
    public var now: Date
    public var utcOffset: Int
    public var width: Int
    public var height: Int

    /// Whose cards are shown (R15).
    public var scope: Scope = .mine
    /// Sync with the team over git: available, due, how the last one went (docs/sync.md).
    public var sync = SyncStatus()
    /// The goals of goals.json; boss mode shows this month's progress in the header (BoardGoals.swift).
    public var goals: [Goal] = [] { didSet { refreshHeaderGoal() } }
    /// The deals of the pipelines not shown, as read at the last open or reload: goals count them
    /// too (a team's won value is the team's, whatever the pipeline).
    public var dealsElsewhere: [Deal] = [] { didSet { refreshHeaderGoal() } }
    /// The goal the header shows, with its progress kept as deals change.
    public internal(set) var headerGoal: GoalStatus?
    public var sort: CardOrder = .due
    /// The filter's text and cursor.
    public var filterLine = LineEditor()
    /// The filter's text.
    public var filter: String {
        get { filterLine.text }
        set { filterLine = LineEditor(newValue) }
    }
    /// Show only cards with this flag (`f`).
    public var flagFilter: DealFlag?
    /// Show only cards of this priority (`f`, "High priority").
    public var priorityFilter: Priority?

    /// Selected column (index into the pipeline's stages).
    public var column: Int = 0
    /// First column on screen when they do not all fit.
    public var firstColumn: Int = 0
    /// Selected card per column.
    public var rows: [Int] = []
    /// First visible card per column.
    public var scrolls: [Int] = []
    /// The cards of each column, sorted and filtered (see `CardIndex`).
    public private(set) var index = CardIndex(
        deals: [:], stages: [], scope: .mine, sort: .due,
        actor: User(account: "", name: "", role: .rep), utcOffset: 0, currency: "")

    /// The ids of each column's cards, in order, as the board shows them.
    public var columnIDs: [[String]] { index.ids }

    /// The deals of each column, in order (convenient, but builds arrays: not for hot paths).
    public var columns: [[Deal]] { index.ids.map { $0.compactMap { deals[$0] } } }

    /// How many cards a column shows.
    public func count(_ column: Int) -> Int { index.ids.indices.contains(column) ? index.ids[column].count : 0 }

    /// The deal at a row of a column, if there is one.
    public func deal(column: Int, row: Int) -> Deal? {
        guard index.ids.indices.contains(column), index.ids[column].indices.contains(row) else { return nil }
        return deals[index.ids[column][row]]
    }

    public var drag: Drag?
    public var detail: DetailState?
    public var modal: Modal?
    public var status: StatusMessage?
    /// First steps the footer still shows a new user (issue #20); empty once all are done.
    public var firstSteps: [FirstStep] = []
    public var undo: [UndoEntry] = []
    public var redo: [UndoEntry] = []
    /// Draws new deal ids; seeded by the runtime.
    public var ids: SeededGenerator
    public var mouseDrag: String?
    /// How text reaches the terminal (the `bidi` and `arabic_shaping` settings); the render
    /// hands it to the grid.
    public var display: TextDisplay = .app
    /// The language of the board's words (the `language` setting, `FUNNEL_LANG`, the locale).
    public var language: Language = .en
    /// Whether the columns run right to left, the first stage on the right, ← towards the
    /// later stages (a Hebrew or Arabic UI, or `board_direction`). The render mirrors the
    /// layout (`BoardLayout`); the columns' indices stay in pipeline order.
    public var rightToLeft = false
    /// How dates are written on the board (day before month in Hebrew and Arabic).
    public var dates: DateStyle = .iso

    /// A catalogue text in the board's language.
    public func text(_ key: TextKey, _ args: [String: String] = [:], count: Int? = nil) -> String {
        language.text(key, args, count: count)
    }

    public init(
        funnel: Funnel, actor: User, deals: [Deal], now: Date, utcOffset: Int, width: Int, height: Int,
        seed: UInt64 = 1, scope: Scope = .mine
    ) {
        self.init(
            funnel: funnel, actor: actor,
            dealsByID: Dictionary(deals.map { ($0.id, $0) }, uniquingKeysWith: { a, b in a.revision >= b.revision ? a : b }),
            now: now, utcOffset: utcOffset, width: width, height: height, seed: seed, scope: scope)
    }

    /// A board over deals already keyed by id (as the store loads them).
    public init(
        funnel: Funnel, actor: User, dealsByID: [String: Deal], now: Date, utcOffset: Int, width: Int, height: Int,
        seed: UInt64 = 1, scope: Scope = .mine
    ) {
        self.funnel = funnel
        self.actor = actor
        self.scope = scope
        self.deals = dealsByID
        self.now = now
        self.utcOffset = utcOffset
        self.width = width
        self.height = height
        self.ids = SeededGenerator(seed: seed)
        if let first = funnel.pipeline.stages.firstIndex(where: { $0.kind == .open }) { column = first }
        recompute(keeping: nil)
    }

    public var pipeline: Pipeline { funnel.pipeline }
    /// The board's columns: the pipeline's stages, then one for each stage deals are in that the
    /// pipeline does not have (pipeline.json edited by hand), so no deal is ever hidden.
    public var stages: [Stage] { missingStages.isEmpty ? funnel.pipeline.stages : funnel.pipeline.stages + missingStages }

    /// The columns of stages the pipeline lacks, by id; set by `recompute`.
    public private(set) var missingStages: [Stage] = []

    public var query: BoardQuery { BoardQuery(scope: scope, sort: sort, filter: filter) }

    /// The selected card, if the selected column has one.
    public var selectedDeal: Deal? {
        guard rows.indices.contains(column) else { return nil }
        return deal(column: column, row: rows[column])
    }

    /// Which keys apply now.
    public var keyContext: KeyContext {
        switch modal {
        case .help?: return .help
        case .picker?: return .list
        case .logPicker?: return .log
        case .report?: return .report
        case .today?: return .today
        case .prompt?, .form?: return .input
        case .filter?: return .filter
        case .confirm?: return .confirm
        case .mail?: return .mail
        case .stages?: return .stages
        case .quote?: return .quote
        case nil: break
        }
        if detail != nil { return .detail }
        return drag != nil ? .drag : .board
    }

    /// Rebuilds the columns from the deals and the query (a full sort), keeping `focus` (a deal
    /// id) selected if shown. For a scope, sort or data reload; one deal's change uses `replace`.
    public mutating func recompute(keeping focus: String?) {
        let focusID = focus ?? selectedDeal?.id
        missingStages = pipeline.missingStages(of: deals.values)
        index = CardIndex(
            deals: deals, stages: stages, scope: scope, sort: sort, actor: actor, utcOffset: utcOffset,
            currency: pipeline.defaultCurrency)
        refreshHeaderGoal()
        refilter(keeping: focusID)
    }

    /// Applies the text and flag filters again (narrowing while the text grows).
    public mutating func refilter(keeping focus: String? = nil) {
        let focusID = focus ?? selectedDeal?.id
        index.refilter(filter, flag: CardNarrowing.of(flag: flagFilter, priority: priorityFilter), flagged: flagTest)
        settle(focus: focusID)
    }

    /// Puts one deal's new version on the board (or takes it off), keeping `focus` selected.
    public mutating func replace(_ deal: Deal, focus: String? = nil) {
        // A deal moved to another pipeline (elsewhere) leaves this board.
        guard belongs(deal) else {
            // Its part of the goals stays counted with the other pipelines' deals, and a change to
            // one of those (another process's, read live) counts at once.
            if let known = dealsElsewhere.firstIndex(where: { $0.id == deal.id }) {
                dealsElsewhere[known] = deal
            } else {
                dealsElsewhere.append(deal)
            }
            return remove(deal.id)
        }
        let focusID = focus ?? selectedDeal?.id
        let old = deals[deal.id]
        deals[deal.id] = deal
        adjustHeaderGoal(old: old, new: deal)
        if !stages.contains(where: { $0.id == deal.stage }) { return recompute(keeping: focusID) }
        let deals = self.deals
        index.replace(
            old: old, new: deal, stages: stages, scope: scope, sort: sort, actor: actor, utcOffset: utcOffset,
            currency: pipeline.defaultCurrency, lookup: { deals[$0] }, flagged: flagTest)
        settle(focus: focusID)
    }

    /// Takes a deal off the board (its file is gone), keeping the selection where it was.
    public mutating func remove(_ id: String) {
        guard let old = deals[id] else { return }
        let focusID = selectedDeal?.id
        deals[id] = nil
        adjustHeaderGoal(old: old, new: nil)
        let deals = self.deals
        index.replace(
            old: old, new: nil, stages: stages, scope: scope, sort: sort, actor: actor, utcOffset: utcOffset,
            currency: pipeline.defaultCurrency, lookup: { deals[$0] }, flagged: flagTest)
        settle(focus: focusID == id ? nil : focusID)
    }

    /// Whether a deal (by id) has the flag the board filters on; captures values, not `self`,
    /// so the index can be changed in place while it runs.
    var flagTest: (String) -> Bool {
        let deals = self.deals, pipeline = self.pipeline, now = self.now, utcOffset = self.utcOffset
        let flag = flagFilter, priority = priorityFilter
        guard flag != nil || priority != nil else { return { _ in true } }
        return { id in
            guard let deal = deals[id] else { return false }
            if let priority, deal.priority != priority { return false }
            guard let flag else { return true }
            return DealFlags.of(deal, pipeline: pipeline, now: now, utcOffset: utcOffset).contains(flag)
        }
    }

    /// Keeps the selection on `focus` when it is shown, and every row and scroll in range.
    private mutating func settle(focus: String?) {
        let count = stages.count
        if rows.count != count { rows = Array(repeating: 0, count: count) }
        if scrolls.count != count { scrolls = Array(repeating: 0, count: count) }
        column = min(max(0, column), max(0, count - 1))
        if let focus {
            for (c, ids) in index.ids.enumerated() {
                if let r = ids.firstIndex(of: focus) {
                    column = c
                    rows[c] = r
                    break
                }
            }
        }
        for c in 0..<count { rows[c] = min(max(0, rows[c]), max(0, self.count(c) - 1)) }
        clampScroll()
    }

    /// Cards that fit in a column at the current size.
    public var visibleCards: Int { BoardLayout.visibleCards(height: height) }

    /// Keeps each column's selection inside its scrolled window, and the selected column on screen.
    public mutating func clampScroll() {
        let shown = BoardLayout.visibleColumns(width: width, stages: stages.count)
        let focus = drag?.target ?? column
        if focus < firstColumn { firstColumn = focus }
        if focus >= firstColumn + shown { firstColumn = focus - shown + 1 }
        firstColumn = max(0, min(firstColumn, stages.count - shown))
        let visible = max(1, visibleCards)
        for c in 0..<min(rows.count, scrolls.count) {
            if rows[c] < scrolls[c] { scrolls[c] = rows[c] }
            if rows[c] >= scrolls[c] + visible { scrolls[c] = rows[c] - visible + 1 }
            scrolls[c] = max(0, min(scrolls[c], max(0, count(c) - visible)))
        }
    }

    public var today: Day { Day(now, utcOffset: utcOffset) }

    /// The report for the screen's period and seller: a manager's team, a rep's own deals.
    public func report(_ screen: ReportScreen) -> FunnelReport {
        let mine = actor.role != .manager
        let chosen = reportDeals(screen)
        let people = funnel.team.users.filter { user in
            if mine { return user.account == actor.account }
            return screen.seller.map { user.account == $0 } ?? true
        }
        var report = ReportBuilder.build(
            deals: Array(chosen), pipeline: pipeline, team: Team(users: people),
            period: ReportPeriod.trailing(screen.period, today: today), now: now, utcOffset: utcOffset)
        var shown = GoalProgress.visible(goals, month: Month(today), to: actor)
        if let seller = screen.seller { shown = shown.filter { $0.seller == seller } }
        // A goal counts every deal it covers (every pipeline's), as `funnel report` does.
        report.goals = goalStatuses(shown)
        return report
    }

    /// The team as list entries ("Name (account)"), optionally after an "Every seller" entry.
    public func peopleOptions(everyone: Bool) -> [PickerOption] {
        (everyone ? [PickerOption(value: nil, label: text(.peopleEvery))] : [])
            + funnel.team.users.map { PickerOption(value: $0.account, label: "\($0.name) (\($0.account))") }
    }

    /// Whether the selected card is stuck (R13): the footer then offers its prompt.
    public var selectedIsStuck: Bool {
        guard let deal = selectedDeal, let stage = pipeline.stage(id: deal.stage), stage.kind == .open else { return false }
        return DealFlags.isStuck(deal, in: stage, now: now)
    }

    /// Whether the selected card is an inbox lead (the footer then offers accept and reject).
    public var inInbox: Bool {
        guard let deal = selectedDeal else { return false }
        return pipeline.stage(id: deal.stage)?.kind == .inbox
    }

    /// Today's call list for the cards this user sees (R9).
    public var callList: [CallList.Entry] {
        let visible = deals.values.filter { Visibility.includes($0, scope: scope, actor: actor) }
        return CallList.compute(Array(visible), pipeline: pipeline, now: now, utcOffset: utcOffset)
    }
}
