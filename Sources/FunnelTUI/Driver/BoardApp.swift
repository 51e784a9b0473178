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
    /// Which closed deals are kept off the columns (`archive_after`).
    public var archive = ArchiveRule()
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
    /// The data directory's fingerprint just before `prepare` read it (`caughtUp`).
    private var readFingerprint: String?
    /// The columns the opening put off until after its first frame, and their deals, until
    /// they are read (`readDeferred`).
    var deferred: (columns: DeferredColumns, deals: DeferredDeals)?

    /// Whether the archived deals were asked for (`Effect.readArchive`): every read after that
    /// reads them too; before it, they are held back (`HeldArchive`).
    private var readsArchive = false
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

    /// Loads everything needed before the terminal is touched, so errors print plainly. Given
    /// the terminal's width (`Terminal.widthBeforeStart`), the deals of the columns the first
    /// frame will not show are put off (`deferred`): `run` reads them right after that frame.
    public func prepare(frameWidth: Int? = nil) throws -> BoardState {
        readFingerprint = store.fingerprint()
        let (data, goalsProblem) = try read(frameWidth: frameWidth)
        let seed = UInt64(truncatingIfNeeded: Int(Date().timeIntervalSince1970 * 1000)) ^ UInt64(getpid())
        guard
            var state = BoardState.opening(
                data, account: account, pipeline: options.pipeline, goalsProblem: goalsProblem, now: now,
                utcOffset: options.utcOffset, seed: seed, archive: options.archive)
        else {
            throw BoardError(message: Message.notOnTeam(account: account).text(in: options.locale.language))
        }
        options.locale.apply(to: &state)
        let done = firstStepsFile.load()
        state.firstSteps = FirstStep.allCases.filter { !done.contains($0) }
        state.sync = SyncStatus(available: SyncRunner.isAvailable(root: store.root), interval: options.syncInterval)
        return state
    }

    /// Which archived deals a read holds back (`HeldArchive.test`): none once they were asked
    /// for, nor when the goals could not be read (nil: one counting activities may be shown).
    func holding(pipelines: PipelineSet, goals: [Goal]?) -> (@Sendable (DealHead) -> Bool)? {
        guard !readsArchive, let goals else { return nil }
        return HeldArchive.test(
            pipelines: pipelines, archive: options.archive, goals: goals, today: Day(now, utcOffset: options.utcOffset),
            utcOffset: options.utcOffset)
    }

    /// The deals the board reads for `actor` (R15): a manager's board every deal, a rep's their
    /// own and the inbox's, so a rep's board never decodes the team's other deals; someone not on
    /// the team none.
    static func readable(by actor: User?) -> @Sendable (DealHead) -> Bool {
        guard let actor else { return { _ in false } }
        return { Visibility.canSee(owner: $0.owner, actor: actor) }
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
        defer {
            terminal.stop()
            // Not freed deal by deal: the process ends next.
            KeptUntilExit.keep(state)
        }
        let size = terminal.size
        _ = BoardUpdate.apply(.resize(width: size.width, height: size.height), &state)
        // The columns put off are read first when the frame would show one after all.
        if deferred?.columns.shows(state) == true { readDeferred(&state) }
        // The first frame before the folders are watched: watching a million deals' folders costs
        // the kernel a fifth of a second.
        terminal.paint(BoardRender.render(state))
        // The columns put off, read on a thread of their own while the keys that move within the
        // columns shown are answered; any other event waits for them (`DeferredColumns.answers`).
        // The folders are watched once they are on the board.
        var reading = startDeferred(&state) { terminal.paint(BoardRender.render($0)) }
        var watching: Watching?
        var dirty = false
        if reading == nil { watching = startWatching(&state, dirty: &dirty) }
        var lastWatch = Date()
        while true {
            if dirty {
                terminal.paint(BoardRender.render(state))
                dirty = false
            }
            // The cards' search texts after the frame they are not needed for (a fifth of the
            // opening at 100,000 deals), before the next key: a filter finds them made.
            if reading == nil, !state.searchReady { state.prepareSearch() }
            let event = terminal.next(timeout: 1_000, watching: reading?.descriptor ?? watching?.watch.descriptor)
            if let pending = reading, Self.waitsForDeferred(event, state) {
                // A quit signal does not wait for the read.
                guard let read = pending.wait(wakingOn: funnel_signals_wakeup_fd(), stop: { funnel_signals_pending() != 0 }) else {
                    return .signal(funnel_signals_pending())
                }
                takeDeferred(read, &state) { terminal.paint(BoardRender.render($0)) }
                reading = nil
                dirty = true
                watching = startWatching(&state, dirty: &dirty)
                // Readable because the read was done: nothing else to answer.
                if case .watched = event { continue }
            }
            if let ending = event.ending { return ending }
            var effects = answer(event, &state, watching: watching, dirty: &dirty)
            if let outcome = syncRunner.take() {
                effects += BoardUpdate.apply(.syncFinished(outcome), &state)
                dirty = true
            }
            if run(effects, &state, terminal: terminal) == .quit { return .quit }
            if !state.firstSteps.isEmpty { recordFirstSteps(effects, &state) }
            guard var seen = watching else { continue }
            defer { watching = seen }
            if seen.watch.descriptor == nil, let write = store.lastWrite, write.before == seen.fingerprint { seen.fingerprint = write.after }
            guard Date().timeIntervalSince(lastWatch) >= BoardApp.watchInterval else { continue }
            lastWatch = Date()
            if tend(&seen, &state, dirty: &dirty, terminal: terminal) == .quit { return .quit }
        }
    }

    /// Once a `watchInterval`: the clock's tick (and a sync when due); without inotify, a cheap
    /// look at the folders' times, and a full reload when they moved. `.quit` when asked.
    private func tend(_ seen: inout Watching, _ state: inout BoardState, dirty: inout Bool, terminal: Terminal) -> Ending? {
        if now != state.now || state.sync.isDue(at: now) {
            let due = BoardUpdate.apply(.tick(now), &state)
            if run(due, &state, terminal: terminal) == .quit { return .quit }
            dirty = true
        }
        if seen.watch.descriptor == nil, case let latest = store.fingerprint(), latest != seen.fingerprint {
            seen.fingerprint = latest
            _ = reload(nil, then: nil, &state)
            dirty = true
        }
        return nil
    }

    /// The effects of a key, a resize, the mouse or another process's change (`dirty` when the
    /// board is to be drawn again).
    func answer(_ event: TerminalEvent, _ state: inout BoardState, watching: Watching?, dirty: inout Bool) -> [Effect] {
        if event.isInput { dirty = true }
        switch event {
        case .key(let key): return BoardUpdate.key(key, &state)
        case .resize(let width, let height): return BoardUpdate.apply(.resize(width: width, height: height), &state)
        case .mousePress(let x, let y): return BoardUpdate.apply(.mousePress(x: x, y: y), &state)
        case .mouseRelease(let x, let y): return BoardUpdate.apply(.mouseRelease(x: x, y: y), &state)
        case .mouseClick(let x, let y):
            // Released where pressed: the card selected, not held for a release elsewhere to move.
            return BoardUpdate.apply(.mousePress(x: x, y: y), &state) + BoardUpdate.apply(.mouseRelease(x: x, y: y), &state)
        case .watched: if let watch = watching?.watch { dirty = refresh(watch.drain(), &state) || dirty }
        case .idle, .quitSignal, .hangup: break
        }
        return []
    }

    /// The folders watched for other processes' changes, and (without inotify) the fingerprint
    /// last seen of them.
    struct Watching {
        let watch: LiveWatch
        var fingerprint: String
    }

    /// Starts watching the folders, and reads again whatever changed since `prepare` read them
    /// (`caughtUp`; `dirty` then).
    func startWatching(_ state: inout BoardState, dirty: inout Bool) -> Watching {
        let watch = LiveWatch(store: store, inotify: options.inotify)
        // Taken once the watching began: a change after it raises an event or moves it.
        let watched = store.fingerprint()
        if caughtUp(watched, &state) { dirty = true }
        return Watching(watch: watch, fingerprint: watch.descriptor == nil ? watched : "")
    }

    /// Whether `event`, while the columns put off are read, must wait for them.
    static func waitsForDeferred(_ event: TerminalEvent, _ state: BoardState) -> Bool {
        switch event {
        case .key(let key): return !DeferredColumns.answers(key, before: state)
        case .idle, .quitSignal, .hangup: return false
        case .resize, .mousePress, .mouseRelease, .mouseClick, .watched: return true
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
    /// then saved, a refused save read again); `.quit` when one of them asks to leave.
    private func run(_ effects: [Effect], _ state: inout BoardState, terminal: Terminal) -> Ending? {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            switch effect {
            case .quit: return .quit
            case .save(let before, let after): queue += apply(save(before: before, after: after), &state)
            case .create(let deal): queue += apply(create(deal), &state)
            case .delete(let deal): queue += apply(delete(deal), &state)
            case .editPipeline(let edit): queue += apply(editPipeline(edit, state), &state)
            case .reload(let ids, let then): queue += reload(ids, then: then, &state)
            case .sync: syncRunner.start()
            case .openPipeline(let id): queue += BoardUpdate.apply(readAll { .pipelineRead(id: id, $0) }, &state)
            case .readArchive(let then): queue += readArchive(then: then, &state, terminal: terminal)
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

    /// Applies an outcome, if there is one, and gives the effects the update asks for next.
    private func apply(_ action: Action?, _ state: inout BoardState) -> [Effect] {
        action.map { BoardUpdate.apply($0, &state) } ?? []
    }

    /// Applies what another process changed: only the deals named, read again from their files;
    /// everything when the pipeline or the team changed. Whether anything was redrawn.
    func refresh(_ changes: DataChanges, _ state: inout BoardState) -> Bool {
        if changes.everything {
            _ = reload(nil, then: nil, &state)
            return true
        }
        guard !changes.deals.isEmpty else { return false }
        _ = reload(changes.deals.sorted(), then: nil, &state)
        return true
    }

    /// Whatever another process changed between `prepare`'s reading and the watching that
    /// began after it (a write in those seconds raises no event), read again: everything, as
    /// rarely as that happens, when `current` (the fingerprint taken once the watching began)
    /// is not the one taken before the reading. Whether it was.
    func caughtUp(_ current: String, _ state: inout BoardState) -> Bool {
        guard let read = readFingerprint, current != read else { return false }
        readFingerprint = nil
        _ = reload(nil, then: nil, &state)
        return true
    }

    /// Reads again the deals `ids` (nil: everything), applies what was read, then `then`.
    func reload(_ ids: [String]?, then: Action?, _ state: inout BoardState) -> [Effect] {
        let read = ids.map(readDeals) ?? [readAll { .dataRead($0) }]
        return (read + [then].compactMap { $0 }).flatMap { BoardUpdate.apply($0, &state) }
    }

    /// Deals read again from their files, each on its own: one that cannot be read keeps its card
    /// as it was (and is reported), and never holds back the others.
    func readDeals(_ ids: [String]) -> [Action] {
        let (changed, removed, failure) = store.readAgain(ids)
        return [.changedElsewhere(changed: changed, removed: removed)] + (failure.map { [.readFailed(Self.describe($0))] } ?? [])
    }

    /// Everything read again (goals that cannot be read are nil), as `answer` puts it; or why not.
    func readAll(_ answer: (BoardData) -> Action) -> Action {
        do {
            return answer(try read().data)
        } catch {
            return .readFailed(Self.describe(error))
        }
    }

    /// Every pipeline, the team, the goals (nil when they cannot be read: why, beside) and the
    /// deals the account may read, the archived ones held back until they were asked for
    /// (`readsArchive`); a warning about files skipped.
    /// At the opening (`frameWidth`: the terminal's width), the deals of the columns beyond the
    /// first frame are put off (`deferred`, `DeferredColumns`).
    func read(frameWidth: Int? = nil) throws -> (data: BoardData, goalsProblem: String?) {
        let pipelines = try store.loadPipelineSet()
        let team = try store.loadTeam()
        var goals: [Goal]?
        var goalsProblem: String?
        do { goals = try store.loadGoals().goals } catch { goalsProblem = "\(error)" }
        let deferring = frameWidth.flatMap { width in
            goals.flatMap { goals in
                DeferredColumns.opening(
                    pipelines: pipelines, pipeline: options.pipeline, width: width, goals: goals,
                    today: Day(now, utcOffset: options.utcOffset), utcOffset: options.utcOffset)
            }
        }
        let set = try store.loadDealSet(
            where: Self.readable(by: team.user(account)), holding: holding(pipelines: pipelines, goals: goals),
            deferring: deferring?.test)
        deferred = deferring.flatMap { columns in set.deferred.map { (columns, $0) } }
        let data = BoardData(
            pipelines: pipelines, team: team, dealsByID: set.deals, goals: goals,
            warning: set.skippedWarning(toManager: team.user(account)?.role == .manager), held: set.held)
        return (data, goalsProblem)
    }

    /// Reads the deals of the columns the opening put off (`deferred`) from the snapshot it read,
    /// and puts them on the board (`takeDeferred`).
    func readDeferred(_ state: inout BoardState, paint: (BoardState) -> Void = { _ in }) {
        guard let deals = deferred?.deals else { return }
        takeDeferred(store.deferredRead(deals, beside: state.deals)(), &state, paint: paint)
    }

    /// The read of the columns put off, begun on a thread of its own (`OffLoop`) beside the
    /// board's deals as they are now (the keys answered meanwhile change none); nil when nothing
    /// was put off, or no thread could be begun (it is read at once then).
    func startDeferred(_ state: inout BoardState, paint: (BoardState) -> Void) -> OffLoop<[String: Deal]?>? {
        guard let deals = deferred?.deals else { return nil }
        if let reading = OffLoop(store.deferredRead(deals, beside: state.deals)) { return reading }
        readDeferred(&state, paint: paint)
        return nil
    }

    /// Puts the columns put off on the board: `all`, the board's deals with theirs beside. When
    /// the snapshot the opening read was replaced since or cannot be read (nil), everything is
    /// read again, saying so on the screen (`paint`) meanwhile: without a cache that is every
    /// file. (A change since the opening reads everything again anyway: `caughtUp`.)
    func takeDeferred(_ all: [String: Deal]?, _ state: inout BoardState, paint: (BoardState) -> Void = { _ in }) {
        defer { deferred = nil }
        guard deferred != nil else { return }
        if let all {
            _ = BoardUpdate.apply(.deferredRead(all), &state)
            return
        }
        // The opening's own word (a goal file that cannot be read) stays, once this is said.
        let said = state.status
        state.status = StatusMessage(text: state.text(.statusReadingDeals), isError: false)
        paint(state)
        state.status = said
        _ = BoardUpdate.apply(readAll { .dataRead($0) }, &state)
    }

    /// Reads the archived deals held back — only those: the board keeps the others it holds —
    /// saying so on the screen meanwhile (a million deals' archive takes seconds); then the key
    /// that needed them (`then`). From then on every read reads them too (`readsArchive`).
    func readArchive(then: Action?, _ state: inout BoardState, terminal: Terminal) -> [Effect] {
        let reading = StatusMessage(text: state.text(.statusReadingArchive, count: state.held.count), isError: false)
        state.status = reading
        terminal.paint(BoardRender.render(state))
        let read: Action
        do {
            let pipelines = try store.loadPipelineSet()
            // The test the opening held them back by (nil: none now, so everything is read).
            let held = holding(pipelines: pipelines, goals: state.goals)
            readsArchive = true
            if let held {
                let readable = Self.readable(by: state.actor)
                let set = try store.loadDealSet(where: { readable($0) && held($0) })
                read = .archiveRead(Array(set.deals.values), warning: set.skippedWarning(toManager: state.actor.role == .manager))
            } else {
                read = readAll { .dataRead($0) }
            }
        } catch {
            read = .readFailed(Self.describe(error))
        }
        let effects = BoardUpdate.apply(read, &state)
        if case .readFailed = read { return effects }
        // A warning the read gave stays; the line saying it was reading goes.
        if state.status == reading { state.status = nil }
        return effects + (then.map { BoardUpdate.apply($0, &state) } ?? [])
    }

    /// Saves a change computed from `before`, only while the deal on disk is still `before`:
    /// what became of it (the update decides what follows a refusal).
    func save(before: Deal, after: Deal) -> Action {
        do {
            // The whole deal is compared, not only its revision: a file edited by hand keeps its revision.
            let outcome = try store.update(id: after.id) { current in
                current == before ? .success(after) : .failure(Refusal(.staleDeal(dealTitle: current.title)))
            }
            switch outcome {
            case .saved(let deal): return .saved(deal)
            case .refused(let refusal): return .saveFailed(dealID: after.id, .refused(refusal.message))
            case .notFound: return .saveFailed(dealID: after.id, .gone)
            }
        } catch {
            return .saveFailed(dealID: after.id, .error(Self.describe(error)))
        }
    }

    static func describe(_ error: any Error) -> String {
        (error as? StoreError)?.reasonFirst ?? "\(error)"
    }

    /// Writes a new deal; nil when written.
    func create(_ deal: Deal) -> Action? {
        do {
            try store.insert(deal)
            return nil
        } catch {
            return .saveFailed(dealID: deal.id, .error(Self.describe(error)))
        }
    }

    /// Removes a deal created on the board (its undo), only while its file is still that version.
    func delete(_ deal: Deal) -> Action? {
        do {
            switch try store.remove(deal) {
            case .removed: return nil
            case .refused(let refusal): return .removeFailed(dealID: deal.id, .refused(refusal.message))
            case .notFound: return .removeFailed(dealID: deal.id, .gone)
            }
        } catch {
            return .removeFailed(dealID: deal.id, .error(Self.describe(error)))
        }
    }

    /// Changes the pipeline (the stage editor) through the same domain call as `funnel stages`,
    /// planned again from what is on disk under the lock.
    func editPipeline(_ edit: PipelineEdit, _ state: BoardState) -> Action {
        let actor = state.actor, team = state.funnel.team, utcOffset = state.utcOffset, now = state.now
        do {
            let shown = state.funnel.pipelineID
            let outcome = try store.updatePipeline(id: shown) { pipeline, deals in
                var funnel = Funnel(pipeline: pipeline, team: team)
                funnel.pipelineID = shown
                return PipelineEditing.plan(edit, funnel: funnel, deals: deals, by: actor, now: now, utcOffset: utcOffset)
            }
            switch outcome {
            case .saved: return .pipelineEdited(nil)
            case .refused(let refusal): return .pipelineEdited(.refused(refusal.message))
            }
        } catch {
            return .pipelineEdited(.error(Self.describe(error)))
        }
    }
}

/// Why the board cannot open.
public struct BoardError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
