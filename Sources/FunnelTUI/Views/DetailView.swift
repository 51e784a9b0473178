import Foundation
import FunnelCore
import FunnelText

/// The detail pane: every field, the stage history, and which field Enter edits.
enum DetailView {
    static func draw(_ deal: Deal, detail: DetailState, state: BoardState, _ grid: inout Grid) {
        let rect = CenteredRect(screenWidth: state.width, screenHeight: state.height - 1, width: 80, height: 40)
        grid.box(x: rect.x, y: rect.y, width: rect.width, height: rect.height, title: deal.title)
        let inner = rect.width - 4
        let labelWidth = 13
        var y = rect.y + 1
        let bottom = rect.y + rect.height - 2
        for field in DetailUpdate.fields(for: state.actor) where y < bottom {
            let selected = field == detail.field
            let style = CellStyle(selected ? .selection : .overlay, bold: selected)
            grid.fill(x: rect.x + 1, y: y, width: rect.width - 2, height: 1, style: style)
            var label = field.label
            if let step = field.callStep, deal.callSteps.contains(step) { label = "☑ " + step.label }
            grid.put(fitting: (selected ? "▸ " : "  ") + label, x: rect.x + 1, y: y, width: labelWidth + 2,
                     style: CellStyle(selected ? .selection : .dim, bold: selected))
            let text = value(field, deal: deal, state: state)
            grid.put(fitting: text, x: rect.x + 3 + labelWidth, y: y, width: inner - labelWidth - 1,
                     alignRight: false, style: style)
            y += 1
        }
        let flags = DealFlags.of(deal, pipeline: state.pipeline, now: state.now, utcOffset: state.utcOffset)
        if !flags.isEmpty, y < bottom {
            grid.put(fitting: "  Flags        " + flags.map(\.label).joined(separator: ", "), x: rect.x + 1, y: y,
                     width: rect.width - 2, style: CellStyle(.danger, bold: true))
            y += 1
        }
        if !deal.activities.isEmpty, y < bottom {
            y += 1
            let attempts = Attempts.unanswered(deal)
            grid.put(fitting: "  Timeline" + (attempts > 0 ? " — \(attempts) unanswered attempts" : ""), x: rect.x + 1, y: y,
                     width: rect.width - 2, style: CellStyle(.overlayTitle, bold: true))
            y += 1
            for activity in deal.activities.reversed().prefix(max(0, (bottom - y) / 2)) {
                let when = Timestamp.format(activity.at).prefix(16).replacingOccurrences(of: "T", with: " ")
                grid.put(fitting: "  \(when)  \(activity.by)  \(activity.summary)", x: rect.x + 1, y: y, width: rect.width - 2,
                         style: CellStyle(.overlay))
                y += 1
            }
        }
        if y < bottom {
            y += 1
            grid.put(fitting: "  Stage history", x: rect.x + 1, y: y, width: rect.width - 2, style: CellStyle(.overlayTitle, bold: true))
            y += 1
        }
        let history = deal.history.reversed().prefix(max(0, bottom - y))
        for change in history {
            let to = state.pipeline.stage(id: change.to)?.name ?? change.to
            let line: String
            if let from = change.from {
                line = "\(state.pipeline.stage(id: from)?.name ?? from) → \(to)"
            } else {
                line = "created in \(to)"
            }
            let when = Timestamp.format(change.at).prefix(16).replacingOccurrences(of: "T", with: " ")
            grid.put(fitting: "  \(when)  \(change.by)  \(line)", x: rect.x + 1, y: y, width: rect.width - 2, style: CellStyle(.overlay))
            y += 1
        }
        grid.put(fitting: " ↑↓ field · Enter edit · Esc close", x: rect.x + 1, y: rect.y + rect.height - 2,
                 width: rect.width - 2, style: CellStyle(.dim))
    }

    static func value(_ field: DetailField, deal: Deal, state: BoardState) -> String {
        switch field {
        case .title, .company, .contact, .phone, .email: return DetailUpdate.current(field, of: deal)
        case .value: return deal.money?.display ?? "—"
        case .nextAction: return deal.nextAction.map { "\($0.date.iso)  \($0.text)" } ?? "— none —"
        case .stage:
            let name = state.pipeline.stage(id: deal.stage)?.name ?? deal.stage
            return name + (deal.lostReason.map { " (\($0))" } ?? "") + "  ▾"
        case .owner:
            return deal.owner.map { state.funnel.team.user($0).map { "\($0.name) (\($0.account))" } ?? $0 } ?? "— inbox —"
        case .notes:
            return deal.notes.isEmpty ? "—" : deal.notes.replacingOccurrences(of: "\n", with: " ⏎ ")
        case .installments:
            return deal.paymentTerms.map { "\($0.installments)" } ?? "— (\(PaymentTerms.defaultInstallments) when set)"
        case .paymentMethod:
            return deal.paymentTerms.map { $0.method.label + "  ▾" } ?? "— none —  ▾"
        case .rapport, .discovery, .presentation, .closing:
            return deal.callSteps.contains(field.callStep!) ? "done ✓" : "Enter to tick"
        }
    }
}
