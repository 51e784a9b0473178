import Foundation
import FunnelCore
import FunnelText

/// One card: title; company and value; next action date, flags (and the owner's first name in boss mode).
enum CardView {
    static func draw(
        _ deal: Deal, state: BoardState, x: Int, y: Int, width: Int, selected: Bool, dragged: Bool,
        _ grid: inout Grid
    ) {
        let role: StyleRole = dragged ? .cardDragged : selected ? .cardSelected : .card
        let base = CellStyle(role)
        grid.fill(x: x, y: y, width: width, height: 3, style: base)
        let inner = width - 2
        let marker = dragged ? "⇢" : selected ? "▌" : " "
        for row in 0..<3 { grid.put(marker, x: x, y: y + row, style: base) }
        // Line 1: the priority's mark (▲ high, ▽ low), then the title, right-aligned when it
        // starts right-to-left.
        var titleX = x + 1
        if let mark = PriorityFlow.mark(deal.priority) {
            let markRole: StyleRole = selected || dragged ? role : deal.priority == .high ? .warning : .dim
            titleX += grid.put(mark + " ", x: titleX, y: y, limit: inner, style: CellStyle(markRole, bold: deal.priority == .high))
        }
        grid.put(
            fitting: deal.title, x: titleX, y: y, width: inner - (titleX - x - 1), alignRight: Direction.isRightToLeft(deal.title),
            style: CellStyle(role, bold: true))
        // Line 2: company, and the value on the right.
        let value = deal.valueDisplay ?? ""
        // A value wider than the card is cut to it (with "…"), never drawn over the next column.
        let valueWidth = value.isEmpty ? 0 : min(inner, DisplayWidth.of(value) + 1)
        grid.put(
            fitting: deal.company, x: x + 1, y: y + 1, width: inner - valueWidth,
            alignRight: Direction.isRightToLeft(deal.company), style: CellStyle(selected || dragged ? role : .dim))
        if !value.isEmpty {
            grid.put(fitting: value, x: x + 1 + inner - valueWidth + 1, y: y + 1, width: valueWidth - 1, style: base)
        }
        // Line 3: next action date (warning colour when overdue), flags; the owner's first name on
        // the right when seeing other sellers' cards (at most a third of the card).
        var owner = ""
        if state.scope != .mine {
            owner = deal.owner.map { state.funnel.team.user($0)?.shortName ?? $0 } ?? "—"
        }
        let ownerWidth = owner.isEmpty ? 0 : min(DisplayWidth.of(owner), max(2, inner / 3)) + 1
        var column = x + 1
        let end = x + 1 + inner - ownerWidth
        let flags = DealFlags.of(deal, pipeline: state.pipeline, now: state.now, utcOffset: state.utcOffset)
        if let next = deal.nextAction {
            let overdue = flags.contains(.overdue)
            column += grid.put(
                "→" + shortDate(next.date, state: state), x: column, y: y + 2, limit: end - column,
                style: CellStyle(overdue ? .warning : role, bold: overdue))
            column += grid.put(" ", x: column, y: y + 2, limit: end - column, style: base)
        }
        let fitting = fit(badges(deal, flags: flags, state: state), width: end - column)
        for text in fitting.shown {
            column += grid.put(text + " ", x: column, y: y + 2, limit: end - column, style: CellStyle(.danger, bold: true))
        }
        if fitting.hidden > 0 {
            grid.put("+\(fitting.hidden)", x: column, y: y + 2, limit: end - column, style: CellStyle(.danger, bold: true))
        }
        if !owner.isEmpty {
            grid.put(
                fitting: owner, x: x + 1 + inner - ownerWidth + 1, y: y + 2, width: ownerWidth - 1,
                style: CellStyle(selected || dragged ? role : .accent, bold: true))
        }
    }

    /// The badges that fit whole in `width` columns (each followed by a space), most urgent
    /// first, and how many are left out; those are counted as "+N" (which must fit too).
    static func fit(_ badges: [String], width: Int) -> (shown: [String], hidden: Int) {
        let widths = badges.map { DisplayWidth.of($0) + 1 }
        if widths.reduce(0, +) <= width { return (badges, 0) }
        var count = badges.count - 1
        while count > 0 {
            let rest = badges.count - count
            if widths.prefix(count).reduce(0, +) + DisplayWidth.of("+\(rest)") <= width { break }
            count -= 1
        }
        return (Array(badges.prefix(count)), badges.count - count)
    }

    /// Flags in the order a card shows them: what to do now first.
    static let urgency: [DealFlag] = [
        .stageMissing, .breaksRule, .unreachable, .speedToLead, .overdue, .fewAttempts, .emailDue, .noNextAction,
        .leadOverdue, .stuck,
    ]

    /// Short marks for a card's flags and attempts (R10–R13), most urgent first.
    static func badges(_ deal: Deal, flags: [DealFlag], state: BoardState) -> [String] {
        var out: [String] = []
        let attempts = Attempts.unanswered(deal)
        for flag in urgency where flags.contains(flag) {
            switch flag {
            case .speedToLead: out.append("◷" + DealFlags.age(of: deal, now: state.now))
            case .leadOverdue: if !flags.contains(.speedToLead) { out.append("◷" + state.text(.badgeLate)) }
            case .fewAttempts:
                out.append("☎\(Attempts.calls(deal, on: state.today, utcOffset: state.utcOffset))/\(state.pipeline.work.firstDayAttempts)")
            case .unreachable: out.append("✖" + state.text(.pluralTries, count: attempts))
            case .emailDue: out.append("✉")
            case .noNextAction: out.append("⚠" + flag.label(in: state.language))
            case .stuck: out.append("⚑" + flag.label(in: state.language))
            // The column's header names the missing stage; the card only needs to stand out.
            case .stageMissing: out.append("⚠")
            case .breaksRule: out.append("⚠" + flag.label(in: state.language))
            case .overdue: break
            }
        }
        if attempts > 0, !flags.contains(.unreachable), !flags.contains(.fewAttempts) { out.append("☎\(attempts)") }
        return out
    }

    /// "today", "tomorrow", "Nov 26" or "2027-01-03" (Hebrew "26.11", Arabic "26/11"): short
    /// enough for a card.
    static func shortDate(_ day: Day, state: BoardState) -> String {
        switch day.daysSinceEpoch - state.today.daysSinceEpoch {
        case 0: return state.text(.dayToday)
        case 1: return state.text(.dayTomorrow)
        case -1: return state.text(.dayYesterday)
        default: return state.dates.short(day, today: state.today)
        }
    }
}
