import Foundation
import FunnelCore

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

    /// Which keys apply while this overlay is on top.
    var keyContext: KeyContext {
        switch self {
        case .help: return .help
        case .picker: return .list
        case .logPicker: return .log
        case .report: return .report
        case .today: return .today
        case .prompt, .form: return .input
        case .filter: return .filter
        case .confirm: return .confirm
        case .mail: return .mail
        case .stages: return .stages
        case .quote: return .quote
        }
    }
}
