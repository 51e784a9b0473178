import Foundation
import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// Starts `funnel fold-journal` on a data directory in a process of its own, in a session of its
/// own, reading and writing nothing of the terminal's, so the command or board that filled the
/// journal goes on (and may end) while the fold runs (`FunnelStore.foldJournal`). A command
/// has it started once it has ended (`startRequested`): a capture's thousands of writes would
/// otherwise share the cores with it; the board at once (`foldsAtOnce`), for it runs all day.
enum JournalFoldLauncher {
    /// glibc's `POSIX_SPAWN_SETSID` (2.26 on), a GNU extension Swift's Glibc module leaves out.
    static let newSession: Int32 = 0x80

    private static let state = Requests()

    /// What is asked for, across threads: the data directory whose journal is full, and
    /// whether a fold is started at once.
    private final class Requests: @unchecked Sendable {
        private let lock = NSLock()
        private var root: String?
        private var atOnce = false

        func set(atOnce value: Bool) { lock.withLock { atOnce = value } }
        /// Records `root` unless folds are started at once; whether they are.
        func record(_ root: String) -> Bool {
            lock.withLock {
                if !atOnce { self.root = root }
                return atOnce
            }
        }
        func take() -> String? {
            lock.withLock {
                defer { root = nil }
                return root
            }
        }
    }

    /// From now on, a fold asked for is started at once (the board).
    static func foldsAtOnce() { state.set(atOnce: true) }

    /// A write filled the journal of `store`: its fold started now or once the command ends.
    static func request(_ store: FunnelStore) {
        if state.record(store.root) { start(root: store.root, store: store) }
    }

    /// The fold a command asked for, started as it ends.
    static func startRequested() {
        if let root = state.take() { start(root: root, store: FunnelStore(root: root)) }
    }

    /// The fold of `root`'s journal started, unless one is under way; whether it was.
    @discardableResult
    static func start(root: String, store: FunnelStore) -> Bool {
        guard !store.isFoldingJournal else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own session (no hangup from the terminal), every signal as by default, none blocked.
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(Self.newSession | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let words: [String] = ["funnel", FoldJournalCommand.spec.name, "--data-dir", root]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/proc/self/exe", &actions, &attributes, argv, environ) == 0 else { return false }
        // Reaped when it ends, should this process (a board) outlive it.
        let child = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        }
        return true
    }
}

/// The journal's fold, run by `JournalFoldLauncher` (not listed: no one needs to type it, though
/// it does no harm when typed).
enum FoldJournalCommand: Command {
    static let spec = CommandSpec(
        name: "fold-journal", summary: "Fold the cache's journal into a new snapshot (started by a write that filled it).")

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        // Work nobody waits for: the cores go to what someone does meanwhile.
        setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        session.store.foldJournal()
    }
}
