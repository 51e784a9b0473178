import Foundation
import FunnelCore
import FunnelText

/// The detail pane: every field, the stage history, and which field Enter edits.
enum DetailView {
    /// One line of the pane: a field (drawn with its label and value) or a line of text.
    struct Line {
        var field: DetailField?
        var text: String
        var style: CellStyle
    }

    /// The pane's frame at the board's size.
    static func rect(_ state: BoardState) -> CenteredRect {
        CenteredRect(screenWidth: state.width, screenHeight: state.height - 1, width: 80, height: 40)
    }

    /// Lines the pane shows at once (between the title and the hint line).
    static func rows(_ state: BoardState) -> Int { max(1, rect(state).height - 3) }

    /// Every line of the pane, top to bottom: the fields, the flags, the whole call timeline
    /// (newest first) and the whole stage history. The pane scrolls through them.
    static func lines(_ deal: Deal, state: BoardState) -> [Line] {
        var out = DetailUpdate.fields(for: state.actor).map { Line(field: $0, text: "", style: CellStyle(.overlay)) }
        let flags = DealFlags.of(deal, pipeline: state.pipeline, now: state.now, utcOffset: state.utcOffset)
        if !flags.isEmpty {
            let label = DisplayWidth.fit(state.text(.detailFlags), to: 13)
            out.append(Line(text: "  " + label + state.language.list(flags.map { $0.label(in: state.language) }),
                            style: CellStyle(.danger, bold: true)))
        }
        let title = CellStyle(.overlayTitle, bold: true)
        if !deal.activities.isEmpty {
            let attempts = Attempts.unanswered(deal)
            out.append(Line(text: "", style: CellStyle(.overlay)))
            let unanswered = attempts > 0 ? " — " + state.text(.pluralUnanswered, count: attempts) : ""
            out.append(Line(text: "  " + state.text(.detailTimeline) + unanswered, style: title))
            for activity in deal.activities.reversed() {
                out.append(Line(text: "  \(when(activity.at))  \(activity.by)  \(activity.summary(in: state.language))",
                                style: CellStyle(.overlay)))
            }
        }
        out.append(Line(text: "", style: CellStyle(.overlay)))
        out.append(Line(text: "  " + state.text(.detailStageHistory), style: title))
        for change in deal.history.reversed() {
            let to = state.pipeline.stage(id: change.to)?.name ?? change.to
            let line = change.from.map { "\(state.pipeline.stage(id: $0)?.name ?? $0) → \(to)" }
                ?? state.text(.historyCreatedIn, ["stage": to])
            out.append(Line(text: "  \(when(change.at))  \(change.by)  \(line)", style: CellStyle(.overlay)))
        }
        return out
    }

    static func when(_ date: Date) -> String {
        Timestamp.format(date).prefix(16).replacingOccurrences(of: "T", with: " ")
    }

    static func draw(_ deal: Deal, detail: DetailState, state: BoardState, _ grid: inout Grid) {
        let rect = rect(state)
        grid.box(x: rect.x, y: rect.y, width: rect.width, height: rect.height, title: deal.title)
        let all = lines(deal, state: state)
        let rows = rows(state)
        let scroll = min(detail.scroll, max(0, all.count - rows))
        for row in 0..<rows {
            let index = scroll + row
            guard all.indices.contains(index) else { break }
            let y = rect.y + 1 + row
            if let field = all[index].field {
                fieldLine(field, deal: deal, selected: field == detail.field, y: y, rect: rect, state: state, &grid)
            } else {
                let text = all[index].text
                grid.put(fitting: state.rightToLeft ? text.trimmingCharacters(in: .whitespaces) + "  " : text, x: rect.x + 1, y: y,
                         width: rect.width - 2, alignRight: state.rightToLeft, style: all[index].style)
            }
        }
        var hint = KeyHints.line(for: .detail, inbox: false, width: rect.width - 20, language: state.language)
        let below = all.count - scroll - rows
        if below > 0 { hint = state.text(.columnMoreBelow, count: below) + " · " + hint }
        if scroll > 0 { hint = state.text(.columnMoreAbove, count: scroll) + " · " + hint }
        grid.put(fitting: state.rightToLeft ? hint + " " : " " + hint, x: rect.x + 1, y: rect.y + rect.height - 2,
                 width: rect.width - 2, alignRight: state.rightToLeft, style: CellStyle(.dim))
    }

    static func fieldLine(_ field: DetailField, deal: Deal, selected: Bool, y: Int, rect: CenteredRect, state: BoardState,
                          _ grid: inout Grid) {
        let labelWidth = 13
        let style = CellStyle(selected ? .selection : .overlay, bold: selected)
        grid.fill(x: rect.x + 1, y: y, width: rect.width - 2, height: 1, style: style)
        var label = field.label(in: state.language)
        if let step = field.callStep, deal.callSteps.contains(step) { label = "☑ " + step.label(in: state.language) }
        let labelStyle = CellStyle(selected ? .selection : .dim, bold: selected)
        let valueWidth = rect.width - 4 - labelWidth - 1
        if state.rightToLeft {
            // Right to left: the label on the right, its marker at the pane's right edge; the value to its left.
            let right = rect.x + rect.width - 1
            grid.put(fitting: selected ? "◂" : " ", x: right - 1, y: y, width: 1, style: labelStyle)
            grid.put(fitting: label, x: right - 2 - labelWidth, y: y, width: labelWidth, alignRight: true, style: labelStyle)
            grid.put(fitting: value(field, deal: deal, state: state), x: right - 3 - labelWidth - valueWidth, y: y,
                     width: valueWidth, alignRight: true, style: style)
            return
        }
        grid.put(fitting: (selected ? "▸ " : "  ") + label, x: rect.x + 1, y: y, width: labelWidth + 2, style: labelStyle)
        grid.put(fitting: value(field, deal: deal, state: state), x: rect.x + 3 + labelWidth, y: y, width: valueWidth, style: style)
    }

    static func value(_ field: DetailField, deal: Deal, state: BoardState) -> String {
        switch field {
        case .title, .company, .contact, .phone, .email: return DetailUpdate.current(field, of: deal)
        case .value: return deal.money?.display ?? "—"
        case .nextAction: return deal.nextAction.map { "\(state.dates.full($0.date))  \($0.text)" } ?? state.text(.valueNone)
        case .stage:
            let name = state.pipeline.stage(id: deal.stage)?.name ?? deal.stage
            return name + (deal.lostReason.map { " (\($0))" } ?? "") + "  ▾"
        case .owner:
            return deal.owner.map { state.funnel.team.user($0).map { "\($0.name) (\($0.account))" } ?? $0 } ?? state.text(.valueInbox)
        case .notes:
            return deal.notes.isEmpty ? "—" : deal.notes.replacingOccurrences(of: "\n", with: " ⏎ ")
        case .installments:
            return deal.paymentTerms.map { "\($0.installments)" }
                ?? state.text(.valueInstallmentsDefault, ["count": "\(PaymentTerms.defaultInstallments)"])
        case .paymentMethod:
            return deal.paymentTerms.map { $0.method.label(in: state.language) + "  ▾" } ?? state.text(.valueNone) + "  ▾"
        case .rapport, .discovery, .presentation, .closing:
            return deal.callSteps.contains(field.callStep!) ? state.text(.valueDone) : state.text(.valueTick)
        }
    }
}
