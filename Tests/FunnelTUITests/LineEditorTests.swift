import Foundation
import FunnelText
import Testing

@testable import FunnelBoard

/// Issue 13, text fields: one line editor, edited like a shell line, by grapheme cluster.
@Suite struct LineEditorTests {
    func edited(_ text: String, _ edits: [LineEdit]) -> LineEditor {
        var line = LineEditor(text)
        for edit in edits { line.apply(edit) }
        return line
    }

    @Test func movesAndTypesInTheMiddle() {
        var line = edited("+2d call", [.home, .right, .deleteForward])
        line.insert("5")
        #expect(line.text == "+5d call")
        #expect(line.cursor == 2)
    }

    @Test func deletesToEitherEndAndByWord() {
        #expect(edited("+2d Follow-up call", [.deleteToStart]).text == "")
        #expect(edited("+2d Follow-up call", [.home, .wordRight, .deleteToEnd]).text == "+2d")
        #expect(edited("+2d Follow-up call", [.deleteWordBackward]).text == "+2d Follow-up ")
        #expect(edited("+2d Follow-up call  ", [.deleteWordBackward]).text == "+2d Follow-up ")
        #expect(edited("a", [.home, .deleteBackward]).text == "a")
        #expect(edited("a", [.deleteForward]).text == "a")
    }

    @Test func wordsLeftAndRight() {
        let line = edited("one two  three", [.wordLeft, .wordLeft])
        #expect(line.cursor == 4)
        #expect(edited("one two  three", [.home, .wordRight, .wordRight]).cursor == 7)
    }

    @Test func theCursorStepsOverWholeGraphemeClusters() {
        var line = LineEditor("שָׁלוֹם 👨‍👩‍👧 🇮🇱")
        #expect(line.characters.count == 8)
        line.apply(.deleteBackward)
        #expect(line.text == "שָׁלוֹם 👨‍👩‍👧 ")
        line.apply(.left)
        line.apply(.deleteBackward)
        #expect(line.text == "שָׁלוֹם  ")
        line.apply(.home)
        line.apply(.deleteForward)
        #expect(line.text == "לוֹם  ")
    }

    @Test func aPastedLineIsInsertedAtTheCursorAsOneLine() {
        var line = LineEditor("call back")
        line.apply(.home)
        line.insert("fri\tvoicemail\r\nfull ")
        #expect(line.text == "fri voicemail full call back")
        #expect(line.beforeCursor == "fri voicemail full ")
        line.insert("\u{7}")
        #expect(line.text == "fri voicemail full call back")
    }

    /// A Hebrew value stays where the editor showed it (at the field's right end) when the
    /// cursor moves on to the next field: it does not jump to the left edge.
    @Test func aRightToLeftValueStaysInPlaceWhenItsFieldIsLeft() {
        var state = BoardFixtures.state(width: 120, height: 30)
        BoardFixtures.press([.char("n")], &state)
        BoardFixtures.type("הצעת מחיר", &state)
        let editing = BoardRender.render(state)
        let shown = TextDisplay.app.visual("הצעת מחיר")
        guard let row = (0..<editing.height).first(where: { editing.line($0).contains(shown) }) else {
            Issue.record("the title is not on screen: \(editing.text)")
            return
        }
        func end(_ line: String) -> Int? { line.range(of: shown).map { line.distance(from: line.startIndex, to: $0.upperBound) } }
        let before = end(editing.line(row))
        BoardFixtures.press([.tab], &state)
        let left = BoardRender.render(state).line(row)
        #expect(before != nil && end(left) == before, "\(editing.line(row))\n\(left)")
    }

    @Test func formsFiltersAndPromptsShareTheEditorAndShowTheCursor() {
        var state = BoardFixtures.state(width: 80, height: 24)
        BoardFixtures.press([.char("n")], &state)
        BoardFixtures.type("Acme renewal", &state)
        BoardFixtures.press([.home, .char("3"), .char(" ")], &state)
        guard case .form(let form)? = state.modal else {
            Issue.record("no form")
            return
        }
        #expect(form.values[.title] == "3 Acme renewal")
        let screen = BoardRender.render(state)
        // The cursor's bar stands in its own cell, and the terminal's cursor is put on it.
        #expect(screen.cursor.map { screen.line($0.y).contains("3 ▏Acme renewal") } == true)
        #expect(screen.cursor.map { screen[$0.x, $0.y].text } == "▏")
        #expect(screen.cursor.map { screen[$0.x + 1, $0.y].text } == "A", "the cursor stands after “3 ”")

        BoardFixtures.press([.escape, .char("/")], &state)
        BoardFixtures.type("acme corp", &state)
        BoardFixtures.press([.ctrl("w"), .alt("b")], &state)
        #expect(state.filter == "acme ")
        #expect(state.filterLine.cursor == 0)
        #expect(BoardRender.render(state).cursor?.y == 23)

        BoardFixtures.press([.enter], &state)
        #expect(BoardRender.render(state).cursor == nil, "no cursor outside a text field")
    }

    @Test func altWhereItMeansNothingIsEscThenTheKey() {
        var state = BoardFixtures.state()
        BoardFixtures.press([.char("/")], &state)
        BoardFixtures.type("acme", &state)
        BoardFixtures.press([.enter, .alt("/")], &state)
        #expect(state.filter == "", "Esc cleared the filter, / opened it again")
        #expect(state.modal == .filter)
    }
}
