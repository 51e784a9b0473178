import Foundation
import FunnelCore
import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

/// Who is acting, when, and on which data: read once from flags and the environment.
struct Session {
    let store: FunnelStore
    /// The acting account: `FUNNEL_USER`, else the OS account.
    let account: String
    /// "Now", whole seconds: `FUNNEL_NOW` when set.
    let now: Date
    /// The local time zone's offset from UTC at `now`, in seconds.
    let utcOffset: Int
    /// Whether a board notices other processes' changes through inotify; `FUNNEL_WATCH=poll`
    /// makes it poll the folders' times instead (network file systems, tests of the fallback).
    let inotify: Bool
    /// The environment funnel was started with (the mailer, the editor, the config file's place).
    let environment: [String: String]

    var today: Day { Day(now, utcOffset: utcOffset) }

    init(dataDir: String?, environment: [String: String]) throws {
        store = FunnelStore(root: DataDirectory.resolve(flag: dataDir, environment: environment))
        // A write that fills the cache's journal leaves its fold to a process of its own.
        store.onJournalFull = { [unowned store] in JournalFoldLauncher.request(store) }
        if Console.errorIsTerminal {
            let progress = ReadingProgress()
            store.onReadingFiles = { progress.report(done: $0, total: $1) }
        }
        if let user = environment["FUNNEL_USER"], !user.isEmpty {
            guard User.isValidAccount(user) else {
                throw CommandFailure.usage("FUNNEL_USER “\(user)” is not an account name (letters, digits, _ . -)")
            }
            // On a team's shared directory the operating system says who acts (docs/team.md): a
            // rep who sets FUNNEL_USER to the manager's name is refused. Root may act for anyone.
            let login = Session.osAccount()
            if user != login, geteuid() != 0, store.isShared {
                throw CommandFailure.refused(
                    "FUNNEL_USER “\(user)”: on a team's shared data directory you act as your login account (\(login)); unset FUNNEL_USER")
            }
            account = user
        } else {
            account = Session.osAccount()
        }
        if let fixed = environment["FUNNEL_NOW"], !fixed.isEmpty {
            guard let date = Timestamp.parse(fixed) else {
                throw CommandFailure.usage("FUNNEL_NOW “\(fixed)” is not an ISO 8601 time such as 2026-11-24T09:00:00Z")
            }
            now = date
        } else {
            now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        }
        utcOffset = TimeZone.current.secondsFromGMT(for: now)
        inotify = environment["FUNNEL_WATCH"] != "poll"
        self.environment = environment
        if let text = environment["FUNNEL_LOCK_TIMEOUT"], !text.isEmpty {
            guard let seconds = Double(text), seconds >= 0, seconds <= 86_400 else {
                throw CommandFailure.usage("FUNNEL_LOCK_TIMEOUT “\(text)” is not a number of seconds (0 to 86400)")
            }
            store.lock.timeout = seconds
        }
        store.lock.onWait = { holder in Console.error("funnel: waiting for the data lock held by \(holder)…") }
    }

    /// The login name of the effective user.
    static func osAccount() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "user\(geteuid())"
    }

    /// The pipeline and team, or a data error.
    func funnel() throws -> Funnel {
        try data { try store.loadFunnel() }
    }

    /// The acting user as a team member, or a refusal saying how to join.
    func actor(in funnel: Funnel) throws -> User {
        switch funnel.member(account) {
        case .success(let user): return user
        case .failure(let refusal): throw CommandFailure.refused(refusal.message.localized)
        }
    }

    /// Runs storage work, turning storage errors into exit code 4 (6 when the lock stayed busy).
    func data<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw CommandFailure(storeError: error)
        }
    }

    /// Every deal that counts. Files that do not (unreadable, misplaced, stored twice) are skipped
    /// with one warning line on stderr, naming them only to a manager: one bad file never stops
    /// the team's list, today or report.
    func deals(for actor: User, leaving: DealParts = [], where wanted: @Sendable (DealHead) -> Bool = { _ in true }) throws -> [Deal] {
        if leaving.isSuperset(of: .counted) && !leaving.contains(.history) {
            let list = try data { try store.loadCountedDeals(where: wanted) }
            if let warning = list.skippedWarning(toManager: actor.role == .manager) { Console.error("funnel: warning: " + warning) }
            KeptUntilExit.keep(list.deals)
            return list.deals
        }
        let set = try data { try store.loadDealSet(where: wanted, leaving: leaving) }
        if let warning = set.skippedWarning(toManager: actor.role == .manager) { Console.error("funnel: warning: " + warning) }
        let deals = Array(set.deals.values)
        KeptUntilExit.keep((set, deals))
        return deals
    }

    /// Parses a date as typed (ISO or relative) against today.
    func day(_ text: String, flag: String) throws -> Day {
        guard let day = Day.parse(text, today: today) else {
            throw CommandFailure.usage(UI.text(.cliNotADate, ["flag": flag, "text": text]))
        }
        return day
    }

    /// `--next DATE` (ISO or relative, against today) and `--what TEXT` as a next action.
    func nextAction(_ date: String, what: String?) throws -> NextAction {
        guard let next = NextActionText.parse(date: date, what: what, today: today) else {
            throw CommandFailure.usage(UI.text(.cliNotADate, ["flag": "next", "text": date]))
        }
        return next
    }

    /// Parses an amount as typed.
    func amount(_ text: String, flag: String = "value") throws -> Decimal {
        guard let amount = Money.parseAmount(text) else {
            throw CommandFailure.usage(UI.text(.cliNotAnAmount, ["flag": flag, "text": text]))
        }
        return amount
    }
}
