import Foundation
import FunnelCore
import FunnelText

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
    /// Which closed deals are kept off the columns (`funnel config set archive_after`).
    public var archive = ArchiveRule()
    /// `z`: archived cards shown in their columns.
    public var showArchived = false
    /// The heads of this pipeline's archived deals not read (`HeldArchive`): empty once they are.
    public internal(set) var held: [DealHead] = []
    /// Per column, how many of `held` are in it and in scope.
    public internal(set) var heldCounts: [Int] = []

    /// Selected column (index into the pipeline's stages).
    public var column: Int = 0
    /// First column on screen when they do not all fit.
    public var firstColumn: Int = 0
    /// Selected card per column.
    public var rows: [Int] = []
    /// First visible card per column.
    public var scrolls: [Int] = []
    /// The cards of each column, sorted and filtered (see `CardIndex`).
    public internal(set) var index = CardIndex.none

    /// The ids of each column's cards, in order, as the board shows them.
    public var columnIDs: [CardIDs] { index.ids }

    /// The deals of each column, in order (convenient, but builds arrays: not for hot paths).
    public var columns: [[Deal]] { index.ids.map { $0.compactMap { deals[$0] } } }

    /// How many cards a column shows.
    public func count(_ column: Int) -> Int { index.count(column) }

    /// The deal at a row of a column, if there is one.
    public func deal(column: Int, row: Int) -> Deal? {
        guard row >= 0, row < index.count(column) else { return nil }
        return deals[index.id(column, row)]
    }

    /// What takes the keys: the board, a carried card, the detail pane or an overlay (`Focus`).
    public var focus: Focus = .board
    public var status: StatusMessage?
    /// First steps the footer still shows a new user (issue #20); empty once all are done.
    public var firstSteps: [FirstStep] = []
    public var undo: [UndoEntry] = []
    public var redo: [UndoEntry] = []
    /// Draws new deal ids; seeded by the runtime.
    public var ids: SeededGenerator
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
        seed: UInt64 = 1, scope: Scope = .mine, archive: ArchiveRule = ArchiveRule()
    ) {
        self.init(
            funnel: funnel, actor: actor,
            dealsByID: BoardData.byID(deals),
            now: now, utcOffset: utcOffset, width: width, height: height, seed: seed, scope: scope, archive: archive)
    }

    /// A board over deals already keyed by id (as the store loads them).
    public init(
        funnel: Funnel, actor: User, dealsByID: [String: Deal], now: Date, utcOffset: Int, width: Int, height: Int,
        seed: UInt64 = 1, scope: Scope = .mine, archive: ArchiveRule = ArchiveRule()
    ) {
        self.funnel = funnel
        self.actor = actor
        self.scope = scope
        self.archive = archive
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
    public internal(set) var missingStages: [Stage] = []

    public var query: BoardQuery { BoardQuery(scope: scope, sort: sort, filter: filter) }

    /// The selected card's row in the selected column.
    public var selectedRow: Int { rows.indices.contains(column) ? rows[column] : 0 }

    /// The selected card, if the selected column has one.
    public var selectedDeal: Deal? {
        guard rows.indices.contains(column) else { return nil }
        return deal(column: column, row: rows[column])
    }

    /// Which keys apply now.
    public var keyContext: KeyContext {
        switch focus {
        case .board, .pressing: return .board
        case .carrying: return .drag
        case .detail: return .detail
        case .modal(let modal, _): return modal.keyContext
        }
    }
}
