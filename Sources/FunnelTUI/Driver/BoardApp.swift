import Foundation
import FunnelCore
import FunnelStore

/// How the board was asked to open.
public struct BoardOptions: Sendable {
    public var theme: Theme
    public var mouse: Bool
    /// A fixed clock (FUNNEL_NOW), or nil for the real one.
    public var fixedNow: Date?
    public var utcOffset: Int

    public init(theme: Theme, mouse: Bool, fixedNow: Date?, utcOffset: Int) {
        self.theme = theme
        self.mouse = mouse
        self.fixedNow = fixedNow
        self.utcOffset = utcOffset
    }
}

/// The board's runtime: loads the store, runs the loop (read, update, effects, render,
/// paint), watches for other processes' changes, and always restores the terminal.
public final class BoardApp {
    let store: FunnelStore
    let account: String
    let options: BoardOptions
    /// How often the data directory is checked for other processes' changes.
    static let watchInterval: TimeInterval = 1.0

    public init(store: FunnelStore, account: String, options: BoardOptions) {
        self.store = store
        self.account = account
        self.options = options
    }

    var now: Date {
        options.fixedNow ?? Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }

    /// Loads everything needed before the terminal is touched, so errors print plainly.
    public func prepare() throws -> BoardState {
        let funnel = try store.loadFunnel()
        guard let actor = funnel.team.user(account) else {
            throw BoardError(message: Message.notOnTeam(account: account).text)
        }
        return BoardState(funnel: funnel, actor: actor, dealsByID: try store.loadDealMap(), now: now,
                               utcOffset: options.utcOffset, width: 80, height: 24,
                               seed: UInt64(truncatingIfNeeded: Int(Date().timeIntervalSince1970 * 1000)) ^ UInt64(getpid()),
                               scope: actor.role == .manager ? .everyone : .mine)
    }

    /// Runs the board until the user quits or a signal arrives.
    public func run(_ initial: BoardState) {
        var state = initial
        let terminal = Terminal(theme: options.theme)
        terminal.start(mouse: options.mouse)
        defer { terminal.stop() }
        let size = terminal.size
        _ = BoardUpdate.apply(.resize(width: size.width, height: size.height), &state)
        var fingerprint = store.fingerprint()
        var lastWatch = Date()
        var dirty = true
        loop: while true {
            if dirty {
                terminal.paint(BoardRender.render(state))
                dirty = false
            }
            let event = terminal.read()
            var effects: [Effect] = []
            switch event {
            case .quitSignal: break loop
            case .key(let key): effects = BoardUpdate.key(key, &state); dirty = true
            case .resize(let width, let height):
                effects = BoardUpdate.apply(.resize(width: width, height: height), &state); dirty = true
            case .mousePress(let x, let y): effects = BoardUpdate.apply(.mousePress(x: x, y: y), &state); dirty = true
            case .mouseRelease(let x, let y): effects = BoardUpdate.apply(.mouseRelease(x: x, y: y), &state); dirty = true
            case .idle: break
            }
            for effect in effects {
                switch effect {
                case .quit: break loop
                case .save(let before, let after): save(before: before, after: after, &state)
                case .create(let deal): create(deal, &state)
                }
                // Our own write needs no reload, unless someone else wrote since we last looked.
                if let write = store.lastWrite, write.before == fingerprint { fingerprint = write.after }
            }
            if Date().timeIntervalSince(lastWatch) >= BoardApp.watchInterval {
                lastWatch = Date()
                let current = now
                if current != state.now {
                    _ = BoardUpdate.apply(.tick(current), &state)
                    dirty = true
                }
                let latest = store.fingerprint()
                if latest != fingerprint {
                    fingerprint = latest
                    reload(&state)
                    dirty = true
                }
            }
        }
    }

    /// Saves a change computed from `before`; if the deal changed on disk meanwhile, nothing is
    /// overwritten: the board reloads and says so.
    func save(before: Deal, after: Deal, _ state: inout BoardState) {
        do {
            let outcome = try store.update(id: after.id) { current in
                current.revision == before.revision ? .success(after) : .failure(Refusal(.staleDeal(dealTitle: current.title)))
            }
            switch outcome {
            case .saved(let deal): _ = BoardUpdate.apply(.saved(deal), &state)
            case .refused(let refusal):
                reload(&state)
                _ = BoardUpdate.apply(.saveFailed("not saved: " + refusal.message.text), &state)
            case .notFound:
                reload(&state)
                _ = BoardUpdate.apply(.saveFailed("not saved: the deal is gone"), &state)
            }
        } catch {
            reload(&state)
            _ = BoardUpdate.apply(.saveFailed("not saved: " + Self.describe(error)), &state)
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
            _ = BoardUpdate.apply(.saveFailed("not saved: " + Self.describe(error)), &state)
        }
    }

    /// Reads everything again; on a read error the board keeps what it has and says why.
    func reload(_ state: inout BoardState) {
        do {
            let pipeline = try store.loadPipeline()
            let team = try store.loadTeam()
            let deals = try store.loadDeals()
            _ = BoardUpdate.apply(.reloaded(pipeline, team, deals), &state)
        } catch {
            _ = BoardUpdate.apply(.saveFailed("could not reload: " + Self.describe(error)), &state)
        }
    }
}

/// Why the board cannot open.
public struct BoardError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
