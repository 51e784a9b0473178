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
            out.append(
                Line(
                    text: "  " + label + state.language.list(flags.map { $0.label(in: state.language) }),
                    style: CellStyle(.danger, bold: true)))
        }
        if !deal.activities.isEmpty {
            let attempts = Attempts.unanswered(deal)
            let unanswered = attempts > 0 ? " — " + state.text(.pluralUnanswered, count: attempts) : ""
            out += section(
                state.text(.detailTimeline) + unanswered,
                deal.activities.reversed().map { "\(when($0.at))  \($0.by)  \($0.summary(in: state.language))" })
        }
        out += modules(deal)
        if !deal.quotes.isEmpty {
            out += section(
                state.text(.detailQuotes),
                deal.quotes.reversed().map { quote in
                    "\(quote.number)  \(state.dates.full(quote.date))  \(quote.language.rawValue)  "
                        + Money.display(quote.total, currency: quote.currency) + "  " + (quote.pdfPath(on: deal) ?? quote.pdf)
                })
        }
        out += section(
            state.text(.detailStageHistory),
            deal.history.reversed().map { change in
                let to = state.pipeline.stage(id: change.to)?.name ?? change.to
                let line =
                    change.from.map { "\(state.pipeline.stage(id: $0)?.name ?? $0) → \(to)" }
                    ?? state.text(.historyCreatedIn, ["stage": to])
                return "\(when(change.at))  \(change.by)  \(line)"
            })
        if !deal.assignments.isEmpty {
            let name = { (account: String?) in account.map { state.funnel.team.user($0)?.name ?? $0 } ?? "inbox" }
            out += section("Owners", deal.assignments.reversed().map { "\(when($0.at))  \($0.by)  \(name($0.from)) → \(name($0.to))" })
        }
        return out
    }

    /// A blank line, a section's title, and its lines indented.
    static func section(_ title: String, _ lines: [String]) -> [Line] {
        [Line(text: "", style: CellStyle(.overlay)), Line(text: "  " + title, style: CellStyle(.overlayTitle, bold: true))]
            + lines.map { Line(text: "  " + $0, style: CellStyle(.overlay)) }
    }

    /// R21: each module trained or billed, with its training and its bill (b bills, t logs a training).
    static func modules(_ deal: Deal) -> [Line] {
        var names = deal.trainedModules
        for billed in deal.modules where !names.contains(where: { BilledModule.same($0, billed.module) }) { names.append(billed.module) }
        guard !names.isEmpty else { return [] }
        return section(
            "Modules (R21)",
            names.map { module in
                let trained = deal.isTrained(module) ? "trained" : "not trained"
                let bill = deal.modules.first { BilledModule.same($0.module, module) }
                return "\(module)  ·  \(trained)  ·  " + (bill.map { "billed \(when($0.at)) \($0.by)" } ?? "not billed")
            })
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
                grid.put(
                    fitting: state.rightToLeft ? text.trimmingCharacters(in: .whitespaces) + "  " : text, x: rect.x + 1, y: y,
                    width: rect.width - 2, alignRight: state.rightToLeft, style: all[index].style)
            }
        }
        var hint = KeyHints.line(for: .detail, inbox: false, width: rect.width - 20, language: state.language)
        let below = all.count - scroll - rows
        if below > 0 { hint = state.text(.columnMoreBelow, count: below) + " · " + hint }
        if scroll > 0 { hint = state.text(.columnMoreAbove, count: scroll) + " · " + hint }
        grid.put(
            fitting: state.rightToLeft ? hint + " " : " " + hint, x: rect.x + 1, y: rect.y + rect.height - 2,
            width: rect.width - 2, alignRight: state.rightToLeft, style: CellStyle(.dim))
    }

    static func fieldLine(
        _ field: DetailField, deal: Deal, selected: Bool, y: Int, rect: CenteredRect, state: BoardState,
        _ grid: inout Grid
    ) {
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
            grid.put(
                fitting: value(field, deal: deal, state: state), x: right - 3 - labelWidth - valueWidth, y: y,
                width: valueWidth, alignRight: true, style: style)
            return
        }
        // The label is cut a column short of the value, so a long one ("☐ Presentation") never runs into it.
        grid.put(fitting: (selected ? "▸ " : "  ") + label, x: rect.x + 1, y: y, width: labelWidth + 1, style: labelStyle)
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
        case .priority:
            return (PriorityFlow.label(deal.priority)) + "  ▾"
        case .owner:
            return deal.owner.map { state.funnel.team.user($0).map { "\($0.name) (\($0.account))" } ?? $0 } ?? state.text(.valueInbox)
        case .notes:
            return deal.notes.isEmpty ? "—" : deal.notes.replacingOccurrences(of: "\n", with: " ⏎ ")
        case .installments:
            return deal.paymentTerms.map { "\($0.installments)" }
                ?? state.text(.valueInstallmentsDefault, ["count": "\(PaymentTerms.defaultInstallments)"])
        case .paymentMethod:
            return deal.paymentTerms.map { $0.method.label(in: state.language) + "  ▾" } ?? state.text(.valueNone) + "  ▾"
        case .probability:
            let stage = state.pipeline.stage(id: deal.stage)
            let weighted = WeightedValue.of(deal, in: stage).map { "  ≈ " + Money.display($0, currency: deal.currency) } ?? ""
            if let own = deal.probability { return "\(own) %" + weighted }
            return stage?.probability.map { state.text(.valueStageProbability, ["value": "\($0) %"]) + weighted } ?? "—"
        case .expectedClose:
            return deal.expectedClose.map { state.dates.full($0) } ?? "—"
        case .rapport, .discovery, .presentation, .closing:
            return deal.callSteps.contains(field.callStep!) ? state.text(.valueDone) : state.text(.valueTick)
        }
    }
}
