import Foundation
import FunnelCore

/// Everything that can happen to the board: a key's meaning, a mouse gesture, or news from
/// the world (a resize, the clock, a reload, a save's outcome). `BoardUpdate.apply` handles each.
public enum Action: Hashable, Sendable {
    // Navigation.
    case left, right, up, down, pageUp, pageDown, top, bottom
    // Moving cards.
    case pickUpOrDrop, drop, moveStageLeft, moveStageRight, cancel
    // Screens and modes.
    case openDetail, newDeal, startFilter, cycleSort, undo, redo, help, quit, bossMode, pickSeller
    // Working the day.
    case logCall, todayList, accept, reject, assign, flagFilter, report
    /// `z`: show or hide the closed deals archived off the columns (`ArchiveRule`).
    case toggleArchived
    /// `e`: email the deal's contact from a template (R11). `p`: its priority, or R13's stuck prompt.
    case email, priority
    /// `b` and `t` in the detail pane: bill a module, log a training for one (R21).
    case billModule, logTraining
    /// `S`: the stage editor (managers); in it, add, rename, limits, remove, and Shift+↑↓ to reorder.
    case stageEditor, stageAdd, stageRename, stageLimits, stageRemove, stageUp, stageDown
    /// `Q` in the detail pane: prepare and issue a quote (R19).
    case quote
    /// `P`: show another pipeline (the other of two, else a list).
    case switchPipeline
    // Text entry and lists in overlays.
    case input(Character), submit, nextField, previousField
    /// Moving the cursor or deleting in a text field.
    case edit(LineEdit)
    /// A pasted line, typed into a text field at once.
    case paste(String)
    // Questions (close as lost?).
    case yes, no
    // Mouse (opt-in).
    case mousePress(x: Int, y: Int), mouseRelease(x: Int, y: Int)
    // The world.
    case resize(width: Int, height: Int)
    case tick(Date)
    /// The pipeline shown, the team and every deal, read again.
    case reloaded(Pipeline, Team, [Deal])
    /// Everything read again (`Effect.reload`): the pipelines, the team, the deals, the goals.
    case dataRead(BoardData)
    /// Everything read again to show pipeline `id` (`Effect.openPipeline`).
    case pipelineRead(id: String, BoardData)
    /// The data directory could not be read, and why: the board keeps what it shows.
    case readFailed(String)
    /// Another process changed these deals (read again from their files) or removed these ids.
    case changedElsewhere(changed: [Deal], removed: [String])
    /// The archived deals the opening held back, read (`Effect.readArchive`), and a warning
    /// about files skipped, if any.
    case archiveRead([Deal], warning: String?)
    /// The board's deals with those of the columns the opening put off until after its first
    /// frame beside them (`DeferredColumns`).
    case deferredRead([String: Deal])
    case saved(Deal)
    /// A deal's change or a new deal was not written, and why.
    case saveFailed(dealID: String, WriteFailure)
    /// A deal created on the board was not removed (its undo), and why.
    case removeFailed(dealID: String, WriteFailure)
    /// The stage editor's change was written (nil) or not, and why.
    case pipelineEdited(WriteFailure?)
    /// The stage editor's change was written and the board read again: say so.
    case pipelineSaved
    /// An error to show in the status line (after a reload: why a write failed, a skipped file).
    case problem(String)
    /// The mail templates to choose from (their names without a language ending).
    case mailTemplates(MailJob, [String])
    /// A template read for the job's deal (`filled`: false), or the draft as the editor left it (true).
    case mailDraft(MailJob, MailTemplate, filled: Bool)
    /// The mailer took the email: log it on the deal with its subject.
    case mailSent(MailJob, subject: String)
    /// The email was not prepared or sent, and why; nothing is logged.
    case mailFailed(MailJob, String)
    /// The catalogue, read for the quote of a deal.
    case products(dealID: String, [Product])
    /// The quote was issued: the deal as saved, its number and the PDF's path.
    case quoteIssued(Deal, number: String, pdf: String)
    /// The quote was not issued, and why; no number was used.
    case quoteFailed(String)
    /// `Ctrl-S`: sync with the team now (docs/sync.md).
    case syncNow
    /// A background `funnel sync` ended.
    case syncFinished(SyncOutcome)
}

/// Why a write the board asked for did not happen; the update decides what follows (`WriteFlow`).
public enum WriteFailure: Hashable, Sendable {
    /// Refused, nothing written: the deal changed on disk meanwhile, or a rule said no.
    case refused(Message)
    /// The deal's file is no longer there.
    case gone
    /// The store could not do it, and why.
    case error(String)
}

/// The data directory as read again by the driver: every pipeline, the team, every deal, the
/// goals (nil: goals.json could not be read) and a warning about files skipped, if any.
public struct BoardData: Hashable, Sendable {
    public var pipelines: PipelineSet
    public var team: Team
    /// Every deal by id, as the store loads them.
    public var dealsByID: [String: Deal]
    public var goals: [Goal]?
    public var warning: String?
    /// The heads of the archived deals not read (`HeldArchive`): counted, read when asked for.
    public var held: [DealHead]

    /// Every deal.
    public var deals: [Deal] { Array(dealsByID.values) }

    public init(
        pipelines: PipelineSet, team: Team, dealsByID: [String: Deal], goals: [Goal]?, warning: String?, held: [DealHead] = []
    ) {
        self.pipelines = pipelines
        self.team = team
        self.dealsByID = dealsByID
        self.goals = goals
        self.warning = warning
        self.held = held
    }

    public init(pipelines: PipelineSet, team: Team, deals: [Deal], goals: [Goal]?, warning: String?) {
        self.init(pipelines: pipelines, team: team, dealsByID: Self.byID(deals), goals: goals, warning: warning)
    }

    /// `deals` by id; of a deal given twice, the copy of the higher revision.
    public static func byID(_ deals: [Deal]) -> [String: Deal] {
        Dictionary(deals.map { ($0.id, $0) }, uniquingKeysWith: { a, b in a.revision >= b.revision ? a : b })
    }
}

/// What the board asks the world to do after an update.
public enum Effect: Equatable, Sendable {
    /// Save `after` over `before` (the version the change was computed from): refused if the
    /// deal changed on disk in between.
    case save(before: Deal, after: Deal)
    /// Save a new deal.
    case create(Deal)
    /// Remove a deal (the undo of one created on the board): refused if its file no longer
    /// holds exactly this version.
    case delete(Deal)
    /// Leave the board.
    case quit
    /// Read the mail templates' names (answered with `.mailTemplates` or `.mailFailed`).
    case listMailTemplates(MailJob)
    /// Check that a mailer is configured, then read template `name` for the job's deal, in the
    /// deal's language (answered with `.mailDraft` or `.mailFailed`).
    case loadMailTemplate(MailJob, name: String)
    /// Open the draft in $EDITOR, the board's terminal given up meanwhile (answered with `.mailDraft`).
    case editMail(MailJob, draft: MailTemplate)
    /// Hand the message to the mailer (answered with `.mailSent` or `.mailFailed`).
    case sendMail(MailJob, ComposedMail)
    /// Change the pipeline (the stage editor), checked again against what is on disk under the
    /// lock (answered with `.pipelineEdited`).
    case editPipeline(PipelineEdit)
    /// Read again the deals `deals` (nil: everything), answered with `.changedElsewhere` or
    /// `.dataRead` (`.readFailed` when it cannot be read); then apply `then`, if any.
    case reload(deals: [String]?, then: Action?)
    /// Read the product catalogue (answered with `.products` or `.quoteFailed`).
    case loadProducts(dealID: String)
    /// Issue a quote of the deal's lines (answered with `.quoteIssued` or `.quoteFailed`).
    case issueQuote(dealID: String)
    /// Run `funnel sync` in the background (answered with `.syncFinished`).
    case sync
    /// Show the pipeline with this id: its stages and deals read again (`P`; answered with
    /// `.pipelineRead` or `.readFailed`).
    case openPipeline(String)
    /// Read the archived deals held back (`HeldArchive`), answered with `.archiveRead` (or
    /// `.readFailed`); then apply `then` (the key that needs them), if any.
    case readArchive(then: Action?)
}
