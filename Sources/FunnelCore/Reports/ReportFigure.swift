import Foundation

/// A figure of the report whose deals can be listed (`funnel report --deals FIGURE`, Enter on the
/// board's report screen). Written `kind` or `kind:subject`, e.g. `stage:follow-up`, `lost:meeting`,
/// `seller:rita`, `stuck`.
public enum ReportFigure: Hashable, Sendable {
    /// Open deals in a stage now (the inbox counts).
    case stage(String)
    /// Deals that entered a stage in the period, and of those, the ones that went further.
    case entered(String)
    case reached(String)
    /// Deals closed in the period as won, as lost; lost from a stage; lost for a reason.
    case won, lost
    case lostFrom(String)
    case reason(String)
    /// Deals created in the period.
    case new
    /// A seller's open deals, and of all (or a seller's) open deals those overdue or stuck.
    case seller(String)
    case overdue(String?)
    case stuck(String?)
    /// Open deals past their stage's limit, in one stage.
    case stuckIn(String)
    /// Open deals without a next action (R12).
    case noNextAction
    /// Deals in a stage at some time in the period, and of those the ones kept past its limit (`StageLeak`).
    case inStage(String)
    case late(String)
    /// Open deals expected to close in a month; nil: before the current month (the forecast's overdue row).
    case closing(Month?)

    /// The figures' names, as `--deals` takes them.
    public static let names = [
        "stage:STAGE", "entered:STAGE", "reached:STAGE", "won", "lost", "lost:STAGE", "reason:TEXT",
        "new", "seller:USER", "overdue[:USER]", "stuck[:USER]", "stuck-in:STAGE", "no-next-action",
        "in:STAGE", "late:STAGE", "close:YYYY-MM", "close:overdue",
    ]

    /// Reads `kind[:subject]`; a stage by id or name (its id kept), nil for anything else.
    public static func parse(_ text: String, pipeline: Pipeline) -> ReportFigure? {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let kind = parts.first?.lowercased() else { return nil }
        let subject = parts.count == 2 ? parts[1] : nil
        func stage() -> String? { subject.flatMap { pipeline.findStage($0)?.id } }
        switch (kind, subject) {
        case ("stage", _): return stage().map { .stage($0) }
        case ("entered", _): return stage().map { .entered($0) }
        case ("reached", _): return stage().map { .reached($0) }
        case ("won", nil): return .won
        case ("lost", nil): return .lost
        case ("lost", _): return stage().map { .lostFrom($0) }
        case ("reason", let reason?): return .reason(reason)
        case ("new", nil): return .new
        case ("seller", let account?): return .seller(account)
        case ("overdue", let account): return .overdue(account)
        case ("stuck", let account): return .stuck(account)
        case ("stuck-in", _): return stage().map { .stuckIn($0) }
        case ("no-next-action", nil): return .noNextAction
        case ("in", _): return stage().map { .inStage($0) }
        case ("late", _): return stage().map { .late($0) }
        case ("close", "overdue"?): return .closing(nil)
        case ("close", let month?): return Month(iso: month).map { .closing($0) }
        default: return nil
        }
    }

    /// The figure as `--deals` writes it.
    public var name: String {
        switch self {
        case .stage(let id): return "stage:" + id
        case .entered(let id): return "entered:" + id
        case .reached(let id): return "reached:" + id
        case .won: return "won"
        case .lost: return "lost"
        case .lostFrom(let id): return "lost:" + id
        case .reason(let text): return "reason:" + text
        case .new: return "new"
        case .seller(let account): return "seller:" + account
        case .overdue(let account): return "overdue" + (account.map { ":" + $0 } ?? "")
        case .stuck(let account): return "stuck" + (account.map { ":" + $0 } ?? "")
        case .stuckIn(let id): return "stuck-in:" + id
        case .noNextAction: return "no-next-action"
        case .inStage(let id): return "in:" + id
        case .late(let id): return "late:" + id
        case .closing(let month): return "close:" + (month?.iso ?? "overdue")
        }
    }
}
