import Foundation
import FunnelCore
import FunnelText

/// Overlays: help, lists, one-line prompts, the new-deal form, and the filter bar.
enum ModalView {
    static func draw(_ modal: Modal, state: BoardState, _ grid: inout Grid) {
        switch modal {
        case .help(let scroll): help(scroll: scroll, state: state, &grid)
        case .picker(let picker): self.picker(picker, state: state, &grid)
        case .prompt(let prompt): self.prompt(prompt, state: state, &grid)
        case .form(let form): self.form(form, state: state, &grid)
        case .filter: filter(state, &grid)
        case .confirm(let confirm): self.confirm(confirm, state: state, &grid)
        case .logPicker(let picker): WorkView.logPicker(picker, state: state, &grid)
        case .today(let list): WorkView.today(list, state: state, &grid)
        case .report(let screen): ReportView.draw(screen, state: state, &grid)
        case .mail(let confirm): MailView.draw(confirm, state: state, &grid)
        case .stages(let editor): StageEditorView.draw(editor, state: state, &grid)
        case .quote(let builder): QuoteView.draw(builder, state: state, &grid)
        }
    }

    static func help(scroll: Int, state: BoardState, _ grid: inout Grid) {
        let lines = KeyTable.helpLines(in: state.language, rightToLeft: state.rightToLeft)
        let rows = HelpLayout.rows(height: state.height)
        let rect = CenteredRect(screenWidth: state.width, screenHeight: state.height, width: 78, height: rows + 2)
        let more = lines.count - scroll - rows
        grid.box(
            x: rect.x, y: rect.y, width: rect.width, height: rect.height,
            title: state.text(.helpTitle, ["hints": KeyHints.line(for: .help, inbox: false, width: 40, language: state.language)])
                + (more > 0 ? " · " + state.text(.columnMoreBelow, count: more) : ""))
        for row in 0..<min(rows, rect.height - 2) {
            let index = scroll + row
            guard lines.indices.contains(index) else { break }
            let line = lines[index]
            let isTitle = !line.hasPrefix(" ") && !line.isEmpty
            let style = CellStyle(isTitle ? .overlayTitle : .overlay, bold: isTitle)
            if state.rightToLeft {
                helpLineRightToLeft(line, isTitle: isTitle, x: rect.x + 1, y: rect.y + 1 + row, width: rect.width - 2, style: style, &grid)
            } else {
                grid.put(fitting: " " + line, x: rect.x + 1, y: rect.y + 1 + row, width: rect.width - 2, style: style)
            }
        }
    }

    static func picker(_ picker: Picker, state: BoardState, _ grid: inout Grid) {
        let widest = picker.options.map { DisplayWidth.of($0.label) }.max() ?? 10
        let rect = CenteredRect(
            screenWidth: state.width, screenHeight: state.height,
            width: max(DisplayWidth.of(picker.title) + 6, widest + 8), height: picker.options.count + 2)
        grid.box(x: rect.x, y: rect.y, width: rect.width, height: rect.height, title: picker.title)
        let rows = rect.height - 2
        let top = max(0, min(picker.selected - rows + 1, picker.options.count - rows))
        for row in 0..<rows {
            let i = top + row
            guard picker.options.indices.contains(i) else { break }
            let selected = i == picker.selected
            grid.put(
                fitting: (selected ? " ▸ " : "   ") + picker.options[i].label, x: rect.x + 1, y: rect.y + 1 + row,
                width: rect.width - 2, style: CellStyle(selected ? .selection : .overlay, bold: selected))
        }
    }

    static func prompt(_ prompt: Prompt, state: BoardState, _ grid: inout Grid) {
        let rect = CenteredRect(screenWidth: state.width, screenHeight: state.height, width: 64, height: 6)
        grid.box(x: rect.x, y: rect.y, width: rect.width, height: rect.height, title: prompt.title)
        grid.put(fitting: " " + prompt.label, x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, style: CellStyle(.dim))
        inputLine(prompt.line, x: rect.x + 2, y: rect.y + 2, width: rect.width - 4, &grid)
        if let error = prompt.error {
            grid.put(fitting: " " + error, x: rect.x + 1, y: rect.y + 3, width: rect.width - 2, style: CellStyle(.danger, bold: true))
        } else if case .logCall(let call) = prompt.purpose {
            grid.put(
                fitting: " " + logPreview(prompt.text, call, state: state), x: rect.x + 1, y: rect.y + 3, width: rect.width - 2,
                style: CellStyle(.overlay))
        }
        grid.put(
            fitting: " " + KeyHints.line(for: .input, inbox: false, width: rect.width - 4, language: state.language), x: rect.x + 1, y: rect.y + 4,
            width: rect.width - 2, style: CellStyle(.dim))
    }

    /// What Enter would log, as typed so far: "→ next call Thu 2026-11-26 · note: …".
    static func logPreview(_ text: String, _ call: LogCall, state: BoardState) -> String {
        switch LogCallFlow.parse(text, call, today: state.today, language: state.language) {
        case .failure(let error): return "? " + error.message
        case .success(let parsed):
            var out =
                parsed.next.map {
                    state.text(.previewNextCall, ["weekday": weekday($0.date, state), "date": state.dates.full($0.date)])
                } ?? state.text(.previewUnchanged)
            if !parsed.note.isEmpty { out += state.text(.previewNote, ["note": parsed.note]) }
            return out
        }
    }

    /// A text field: the part of the text around the cursor that fits, in visual order, with the
    /// cursor at the visual place of its logical position (see `Grid.input`), where the
    /// terminal's own cursor is put too.
    static func inputLine(_ line: LineEditor, x: Int, y: Int, width: Int, _ grid: inout Grid) {
        grid.input(
            String(line.characters), cursor: line.cursor, x: x, y: y, width: width,
            style: CellStyle(.input), cursorStyle: CellStyle(.input, bold: true))
    }

    static func form(_ form: DealForm, state: BoardState, _ grid: inout Grid) {
        let fields = DealForm.Field.allCases
        let stageName = state.pipeline.stage(id: form.stage)?.name ?? form.stage
        let rect = CenteredRect(screenWidth: state.width, screenHeight: state.height, width: 100, height: fields.count + 4)
        grid.box(x: rect.x, y: rect.y, width: rect.width, height: rect.height, title: state.text(.formTitle, ["stage": stageName]))
        let labelWidth = 13
        let fieldWidth = min(34, rect.width - labelWidth - 6)
        for (i, field) in fields.enumerated() {
            let y = rect.y + 1 + i
            let selected = field == form.field
            grid.put(
                fitting: (selected ? "▸ " : "  ") + field.label(in: state.language), x: rect.x + 1, y: y, width: labelWidth + 2,
                style: CellStyle(selected ? .overlayTitle : .overlay, bold: selected))
            let line = form.lines[field] ?? LineEditor()
            if selected {
                inputLine(line, x: rect.x + 3 + labelWidth, y: y, width: fieldWidth, &grid)
            } else {
                // Where the editor shows it: a right-to-left value ends at the field's right end,
                // before the column the cursor takes.
                let rightToLeft = Direction.isRightToLeft(line.text)
                grid.put(
                    fitting: line.text, x: rect.x + 3 + labelWidth, y: y, width: fieldWidth - (rightToLeft ? 1 : 0), alignRight: rightToLeft,
                    style: CellStyle(.overlay))
            }
            if let error = form.errors[field] {
                let x = rect.x + 4 + labelWidth + fieldWidth
                grid.put(fitting: error, x: x, y: y, width: rect.x + rect.width - 1 - x, style: CellStyle(.danger, bold: true))
            }
        }
        if let error = form.errors[form.field] {
            // The focused field's message in full, whatever fits beside the field.
            grid.put(
                fitting: " ⚠ " + error, x: rect.x + 1, y: rect.y + rect.height - 2, width: rect.width - 2,
                style: CellStyle(.danger, bold: true))
        } else {
            grid.put(
                fitting: " " + KeyHints.line(for: .input, inbox: false, width: rect.width - 4, language: state.language), x: rect.x + 1,
                y: rect.y + rect.height - 2, width: rect.width - 2, style: CellStyle(.dim))
        }
    }

    static func filter(_ state: BoardState, _ grid: inout Grid) {
        let y = state.height - 1
        grid.fill(x: 0, y: y, width: state.width, height: 1, style: CellStyle(.input))
        let used = grid.put(" / ", x: 0, y: y, style: CellStyle(.input, bold: true))
        inputLine(state.filterLine, x: used, y: y, width: max(1, state.width - used - 20), &grid)
        let count = state.stages.indices.reduce(0) { $0 + state.count($1) }
        let note = state.text(.pluralCards, count: count)
        grid.put(note, x: max(0, state.width - DisplayWidth.of(note) - 1), y: y, style: CellStyle(.input))
    }
}

extension ModalView {
    /// A yes/no question: its title, the question, and its keys from the key table.
    static func confirm(_ confirm: Confirm, state: BoardState, _ grid: inout Grid) {
        let rect = CenteredRect(
            screenWidth: state.width, screenHeight: state.height,
            width: max(44, DisplayWidth.of(confirm.title) + 8), height: 5)
        grid.box(x: rect.x, y: rect.y, width: rect.width, height: rect.height, title: confirm.title)
        grid.put(
            fitting: " " + confirm.question, x: rect.x + 1, y: rect.y + 1, width: rect.width - 2,
            style: CellStyle(.overlay, bold: true))
        grid.put(
            fitting: " " + KeyHints.line(for: .confirm, inbox: false, width: rect.width - 4, language: state.language), x: rect.x + 1, y: rect.y + 3,
            width: rect.width - 2, style: CellStyle(.dim))
    }
}

extension ModalView {
    /// A help line on a right-to-left board: a title at the right edge; a binding's keys at the
    /// right, what they do to their left, each its own field.
    static func helpLineRightToLeft(
        _ line: String, isTitle: Bool, x: Int, y: Int, width: Int, style: CellStyle,
        _ grid: inout Grid
    ) {
        guard !isTitle, line.hasPrefix("  ") else {
            grid.put(fitting: line + " ", x: x, y: y, width: width, alignRight: true, style: style)
            return
        }
        let body = line.dropFirst(2)
        let keys = String(body.prefix(18)).trimmingCharacters(in: .whitespaces)
        let text = String(body.dropFirst(18)).trimmingCharacters(in: .whitespaces)
        grid.put(fitting: keys + "  ", x: x + width - 18, y: y, width: 18, alignRight: true, style: style)
        grid.put(fitting: text, x: x, y: y, width: width - 19, alignRight: true, style: style)
    }

    /// A day's weekday name in the board's language.
    static func weekday(_ day: Day, _ state: BoardState) -> String {
        let keys: [TextKey] = [.weekdayMon, .weekdayTue, .weekdayWed, .weekdayThu, .weekdayFri, .weekdaySat, .weekdaySun]
        return state.language == .en ? day.weekdayName : state.text(keys[day.weekday])
    }
}

/// How many help lines fit on screen.
enum HelpLayout {
    static func rows(height: Int) -> Int { max(1, min(KeyTable.helpLines.count, height - 4)) }
}
