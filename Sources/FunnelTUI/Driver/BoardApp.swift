import CFunnelSignals
import Foundation
import FunnelBoard
import FunnelCore
import FunnelStore
import FunnelText

#if canImport(Glibc)
import Glibc
#endif

/// How the board was asked to open.
public struct BoardOptions: Sendable {
    public var theme: Theme
    public var mouse: Bool
    /// A fixed clock (FUNNEL_NOW), or nil for the real one.
    public var fixedNow: Date?
    public var utcOffset: Int
    /// Whether other processes' changes are noticed through inotify (else by polling).
    public var inotify: Bool
    /// Who reorders right-to-left text, and whether Arabic is shaped (docs/bidi.md).
    public var display: TextDisplay
    /// The environment the mailer and $EDITOR are found in (`FUNNEL_MAILER`, the config file, `PATH`).
    public var environment: [String: String]
    /// The board's language and direction (`language`, `board_direction`; docs/languages.md).
    public var locale: BoardLocale
    /// Minutes between background syncs when the data directory is synced (`sync_interval`; 0: Ctrl-S only).
    public var syncInterval: Int = 5
    /// The id of the pipeline the board opens on (`funnel --pipeline NAME`); the first by default.
    public var pipeline: String = PipelineSet.firstID

    public init(
        theme: Theme, mouse: Bool, fixedNow: Date?, utcOffset: Int, inotify: Bool = true,
        display: TextDisplay = .app, environment: [String: String] = ProcessInfo.processInfo.environment,
        locale: BoardLocale = BoardLocale()
    ) {
        self.locale = locale
        self.theme = theme
        self.mouse = mouse
        self.fixedNow = fixedNow
        self.utcOffset = utcOffset
        self.inotify = inotify
        self.display = display
        self.environment = environment
    }
}

/// The board's runtime: loads the store, runs the loop (read, update, effects, render,
/// paint), watches for other processes' changes, and always restores the terminal.
public final class BoardApp {
    let store: FunnelStore
    let account: String
    let options: BoardOptions
    /// Runs `funnel sync` off the loop (docs/sync.md).
    let syncRunner: SyncRunner
    /// How often the data directory is checked for other processes' changes.
    static let watchInterval: TimeInterval = 1.0

    public init(store: FunnelStore, account: String, options: BoardOptions) {
        self.store = store
        self.account = account
        self.options = options
        syncRunner = SyncRunner(root: store.root, account: account, environment: options.environment)
        // A quit signal never waits for a teammate's lock (a save gives up at once).
        store.lock.shouldStop = { funnel_signals_pending() != 0 }
    }

    var now: Date {
        options.fixedNow ?? Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }

    /// Loads everything needed before the terminal is touched, so errors print plainly.
    public func prepare() throws -> BoardState {
        let pipelines = try store.loadPipelineSet()
        let entry = pipelines.entry(id: options.pipeline) ?? pipelines.first
        let funnel = Funnel(pipeline: entry.pipeline, team: try store.loadTeam()).on(entry)
        guard let actor = funnel.team.user(account) else {
            throw BoardError(message: Message.notOnTeam(account: account).text(in: options.locale.language))
        }
        let set = try store.loadDealSet()
        let shown = set.deals.filter { pipelines.home(of: $0.value) == entry.id }
        var state = BoardState(
            funnel: funnel, actor: actor, dealsByID: shown, now: now,
            utcOffset: options.utcOffset, width: 80, height: 24,
            seed: UInt64(truncatingIfNeeded: Int(Date().timeIntervalSince1970 * 1000)) ^ UInt64(getpid()),
            scope: actor.role == .manager ? .everyone : .mine)
        state.pipelines = pipelines
        state.dealsElsewhere = set.deals.values.filter { pipelines.home(of: $0) != entry.id }
        options.locale.apply(to: &state)
        // Goals only add to the header: a goals.json that cannot be read says so and takes nothing away.
        do { state.goals = try store.loadGoals().goals } catch {
            state.status = StatusMessage(text: "\(error)", isError: true)
        }
        let done = firstStepsFile.load()
        state.firstSteps = FirstStep.allCases.filter { !done.contains($0) }
        state.sync = SyncStatus(available: SyncRunner.isAvailable(root: store.root), interval: options.syncInterval)
        if let warning = set.skippedWarning(toManager: actor.role == .manager) {
            state.status = StatusMessage(text: warning, isError: true)
        }
        return state
    }

    /// Why the board ended.
    public enum Ending: Equatable, Sendable {
        /// The user quit (q).
        case quit
        /// SIGINT, SIGTERM, SIGHUP or SIGQUIT: its number.
        case signal(Int32)
        /// The terminal went away.
        case hangup

        /// The exit status, as shells report a death by signal: 128 + the signal (SIGHUP for a hangup).
        public var exitStatus: Int32 {
            switch self {
            case .quit: return 0
            case .signal(let number): return 128 + number
            case .hangup: return 128 + SIGHUP
            }
        }
    }

    /// Runs the board until the user quits, a signal arrives or the terminal goes away.
    public func run(_ initial: BoardState) -> Ending {
        var state = initial
        state.display = options.display
        let terminal = Terminal(theme: options.theme)
        terminal.start(mouse: options.mouse, bidi: options.display.mode)
        defer { terminal.stop() }
        let size = terminal.size
        _ = BoardUpdate.apply(.resize(width: size.width, height: size.height), &state)
        let watch = LiveWatch(store: store, inotify: options.inotify)
        var fingerprint = watch.descriptor == nil ? store.fingerprint() : ""
        var lastWatch = Date()
        var dirty = true
        while true {
            if dirty {
                terminal.paint(BoardRender.render(state))
                dirty = false
            }
            let event = terminal.next(timeout: 1_000, watching: watch.descriptor)
            var effects: [Effect] = []
            switch event {
            case .quitSignal(let number): return .signal(number)
            case .hangup: return .hangup
            case .key(let key): effects = BoardUpdate.key(key, &state)
            case .resize(let width, let height): effects = BoardUpdate.apply(.resize(width: width, height: height), &state)
            case .mousePress(let x, let y): effects = BoardUpdate.apply(.mousePress(x: x, y: y), &state)
            case .mouseRelease(let x, let y): effects = BoardUpdate.apply(.mouseRelease(x: x, y: y), &state)
            case .watched: dirty = refresh(watch.drain(), &state) || dirty
            case .idle: break
            }
            if event.isInput { dirty = true }
            if let outcome = syncRunner.take() {
                effects += BoardUpdate.apply(.syncFinished(outcome), &state)
                dirty = true
            }
            if run(effects, &state, terminal: terminal) == .quit { return .quit }
            if !state.firstSteps.isEmpty { recordFirstSteps(effects, &state) }
            if watch.descriptor == nil, let write = store.lastWrite, write.before == fingerprint { fingerprint = write.after }
            guard Date().timeIntervalSince(lastWatch) >= BoardApp.watchInterval else { continue }
            lastWatch = Date()
            if now != state.now || state.sync.isDue(at: now) {
                let due = BoardUpdate.apply(.tick(now), &state)
                if run(due, &state, terminal: terminal) == .quit { return .quit }
                dirty = true
            }
            // Without inotify: a cheap look at the folders' times, and a full reload when they moved.
            if watch.descriptor == nil, case let latest = store.fingerprint(), latest != fingerprint {
                fingerprint = latest
                reload(&state)
                dirty = true
            }
        }
    }

    /// Where this user's first steps are remembered (`FirstStepsFile`).
    var firstStepsFile: FirstStepsFile { FirstStepsFile(environment: options.environment) }

    /// Takes the first steps an update did off the footer, and remembers them for next time.
    func recordFirstSteps(_ effects: [Effect], _ state: inout BoardState) {
        let done = FirstSteps.done(by: effects, state: state)
        guard state.firstSteps.contains(where: done.contains) else { return }
        state.firstSteps.removeAll(where: done.contains)
        try? firstStepsFile.save(Set(FirstStep.allCases).subtracting(state.firstSteps))
    }

    /// Runs the effects of one update, and those of the outcomes they report (an email sent is
    /// then saved); `.quit` when one of them asks to leave.
    private func run(_ effects: [Effect], _ state: inout BoardState, terminal: Terminal) -> Ending? {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            switch effect {
            case .quit: return .quit
            case .save(let before, let after): save(before: before, after: after, &state)
            case .create(let deal): create(deal, &state)
            case .delete(let deal): delete(deal, &state)
            case .editPipeline(let edit): editPipeline(edit, &state)
            case .sync: syncRunner.start()
            case .openPipeline(let id): openPipeline(id, &state)
            case .listMailTemplates, .loadMailTemplate, .editMail, .sendMail:
                if case .sendMail = effect { terminal.paint(BoardRender.render(state)) }
                let outcome = mail(effect, state, terminal: terminal)
                queue += BoardUpdate.apply(outcome, &state)
            case .loadProducts, .issueQuote:
                if case .issueQuote = effect { terminal.paint(BoardRender.render(state)) }
                queue += BoardUpdate.apply(quote(effect, state), &state)
            }
        }
        return nil
    }

    /// Applies what another process changed: only the deals named, read again from their files;
    /// everything when the pipeline or the team changed. Whether anything was redrawn.
    func refresh(_ changes: DataChanges, _ state: inout BoardState) -> Bool {
        if changes.everything {
            reload(&state)
            return true
        }
        guard !changes.deals.isEmpty else { return false }
        var changed: [Deal] = []
        var removed: [String] = []
        var failure: (any Error)?
        // Each deal on its own: one file that cannot be read keeps its card as it was, and never
        // holds back the others that changed with it.
        for id in changes.deals.sorted() {
            do {
                if let deal = try store.loadDeal(id: id) { changed.append(deal) } else { removed.append(id) }
            } catch {
                failure = failure ?? error
            }
        }
        _ = BoardUpdate.apply(.changedElsewhere(changed: changed, removed: removed), &state)
        if let failure {
            _ = BoardUpdate.apply(.saveFailed(state.text(.statusCouldNotReload, ["why": Self.describe(failure)])), &state)
        }
        return true
    }

    /// Saves a change computed from `before`; if the deal changed on disk meanwhile, nothing is
    /// overwritten: the board reloads and says so.
    func save(before: Deal, after: Deal, _ state: inout BoardState) {
        do {
            // The whole deal is compared, not only its revision: a file edited by hand keeps its revision.
            let outcome = try store.update(id: after.id) { current in
                current == before ? .success(after) : .failure(Refusal(.staleDeal(dealTitle: current.title)))
            }
            switch outcome {
            case .saved(let deal): _ = BoardUpdate.apply(.saved(deal), &state)
            case .refused(let refusal):
                // Read again from its file (not the cache, which may not know a hand edit).
                _ = refresh(DataChanges(deals: [after.id]), &state)
                _ = BoardUpdate.apply(.saveFailed(state.text(.statusNotSaved, ["why": refusal.message.text(in: state.language)])), &state)
            case .notFound:
                _ = refresh(DataChanges(deals: [after.id]), &state)
                _ = BoardUpdate.apply(.saveFailed(state.text(.statusNotSaved, ["why": state.text(.statusDealGone)])), &state)
            }
        } catch {
            reload(&state)
            _ = BoardUpdate.apply(.saveFailed(state.text(.statusNotSaved, ["why": Self.describe(error)])), &state)
        }
    }

    static func describe(_ error: any Error) -> String {
        (error as? StoreError)?.reasonFirst ?? "\(error)"
    }

    func create(_ deal: Deal, _ state: inout BoardState) {
        do {
            try store.insert(deal)
        } catch {
            reload(&state)
            _ = BoardUpdate.apply(.saveFailed(state.text(.statusNotSaved, ["why": Self.describe(error)])), &state)
        }
    }

    /// Removes a deal created on the board (its undo), only while its file is still that version.
    func delete(_ deal: Deal, _ state: inout BoardState) {
        do {
            switch try store.remove(deal) {
            case .removed: break
            case .refused(let refusal):
                reload(&state)
                _ = BoardUpdate.apply(.saveFailed(state.text(.statusNotRemoved, ["why": refusal.message.text(in: state.language)])), &state)
            case .notFound:
                reload(&state)
            }
        } catch {
            reload(&state)
            _ = BoardUpdate.apply(.saveFailed(state.text(.statusNotRemoved, ["why": Self.describe(error)])), &state)
        }
    }

    /// Changes the pipeline (the stage editor) through the same domain call as `funnel stages`,
    /// planned again from what is on disk under the lock; then reads everything again.
    func editPipeline(_ edit: PipelineEdit, _ state: inout BoardState) {
        let actor = state.actor, team = state.funnel.team, utcOffset = state.utcOffset, now = state.now
        do {
            let shown = state.funnel.pipelineID
            let outcome = try store.updatePipeline(id: shown) { pipeline, deals in
                var funnel = Funnel(pipeline: pipeline, team: team)
                funnel.pipelineID = shown
                return PipelineEditing.plan(edit, funnel: funnel, deals: deals, by: actor, now: now, utcOffset: utcOffset)
            }
            reload(&state)
            switch outcome {
            case .saved: _ = BoardUpdate.apply(.pipelineSaved, &state)
            case .refused(let refusal):
                _ = BoardUpdate.apply(.saveFailed(state.text(.statusNotSaved, ["why": refusal.message.text(in: state.language)])), &state)
            }
        } catch {
            reload(&state)
            _ = BoardUpdate.apply(.saveFailed(state.text(.statusNotSaved, ["why": Self.describe(error)])), &state)
        }
    }

    /// Shows pipeline `id` (`P`): its stages and deals read again; on a read error the board keeps
    /// what it shows and says why.
    func openPipeline(_ id: String, _ state: inout BoardState) {
        do {
            let pipelines = try store.loadPipelineSet()
            guard let entry = pipelines.entry(id: id) else { return reload(&state) }
            let set = try store.loadDealSet()
            PipelineFlow.show(entry, of: pipelines, team: try store.loadTeam(), allDeals: Array(set.deals.values), &state)
        } catch {
            _ = BoardUpdate.apply(.saveFailed(state.text(.statusCouldNotReload, ["why": Self.describe(error)])), &state)
        }
    }

    /// Reads everything again; on a read error the board keeps what it has and says why.
    func reload(_ state: inout BoardState) {
        do {
            let pipelines = try store.loadPipelineSet()
            // The pipeline shown, unless it is gone: then the first.
            let entry = pipelines.entry(id: state.funnel.pipelineID) ?? pipelines.first
            state.pipelines = pipelines
            state.funnel.pipelineID = entry.id
            let pipeline = entry.pipeline
            let team = try store.loadTeam()
            let set = try store.loadDealSet()
            _ = BoardUpdate.apply(.reloaded(pipeline, team, Array(set.deals.values)), &state)
            // Goals only add to the header: one that cannot be read leaves the ones shown.
            if let goals = try? store.loadGoals().goals { state.goals = goals }
            if let warning = set.skippedWarning(toManager: state.actor.role == .manager) {
                _ = BoardUpdate.apply(.saveFailed(warning), &state)
            }
        } catch {
            _ = BoardUpdate.apply(.saveFailed(state.text(.statusCouldNotReload, ["why": Self.describe(error)])), &state)
        }
    }
}

/// Why the board cannot open.
public struct BoardError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
