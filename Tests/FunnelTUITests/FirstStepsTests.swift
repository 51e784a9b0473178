import Foundation
import FunnelCore
import FunnelText
import Testing

@testable import FunnelBoard
@testable import FunnelTUI

/// The first-run hints (issue #20): the footer shows a new user the first steps until each is done.
@Suite struct FirstStepsTests {
    static func newUser() -> BoardState {
        var state = BoardFixtures.state()
        state.firstSteps = FirstStep.allCases
        return state
    }

    static func footer(_ state: BoardState) -> String { BoardRender.render(state).line(state.height - 1) }

    @Test func theFooterShowsTheStepsLeftAndTheHelpKey() {
        var state = Self.newUser()
        #expect(Self.footer(state).contains("first steps: n add a deal · c log a call · t today's list · ? help"))
        state.firstSteps = [.logCall]
        #expect(Self.footer(state).contains("first steps: c log a call · ? help"))
        #expect(!Self.footer(state).contains("add a deal"))
        state.firstSteps = []
        #expect(!Self.footer(state).contains("first steps"))
        #expect(Self.footer(state).contains("? help"))
    }

    @Test func aStatusMessageOrAnOverlayTakesTheFooterAsBefore() {
        var state = Self.newUser()
        state.status = StatusMessage(text: "saved", isError: false)
        #expect(!Self.footer(state).contains("first steps"))
        state.status = nil
        BoardFixtures.press([.char("?")], &state)
        #expect(!Self.footer(state).contains("first steps"))
    }

    @Test func openingTodaysListIsTheTodayStep() {
        var state = Self.newUser()
        #expect(FirstSteps.done(by: [], state: state).isEmpty)
        let effects = BoardFixtures.press([.char("t")], &state)
        #expect(FirstSteps.done(by: effects, state: state) == [.today])
    }

    @Test func loggingACallIsTheCallStepAndANoteIsNot() {
        var state = Self.newUser()
        state.recompute(keeping: "dddd4444")
        BoardFixtures.press([.char("c"), .char("n")], &state)
        let effects = BoardFixtures.press([.enter], &state)
        #expect(effects.contains { if case .save = $0 { return true } else { return false } })
        #expect(FirstSteps.done(by: effects, state: state) == [.logCall])
        let deal = state.deals["dddd4444"]!
        var noted = deal
        noted.activities.append(Activity(at: BoardFixtures.now, by: "dana", kind: .note, note: "x"))
        #expect(FirstSteps.done(by: [.save(before: deal, after: noted)], state: state).isEmpty)
    }

    @Test func creatingADealIsTheAddStep() {
        let state = Self.newUser()
        let deal = state.deals.values.first!
        #expect(FirstSteps.done(by: [.create(deal)], state: state) == [.addDeal])
    }

    @Test(arguments: [Language.he, .ar])
    func theHintsSpeakTheBoardsLanguage(language: Language) {
        var state = Self.newUser()
        state.language = language
        state.display = .terminal
        let footer = Self.footer(state)
        #expect(footer.contains(language.text(.firstStepsTitle)))
        #expect(footer.contains(language.text(.firstStepToday)))
    }

    @Test func theFileRemembersTheStepsPerUser() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("funnel-first-steps-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        let file = FirstStepsFile(environment: ["HOME": home])
        #expect(file.path == home + "/.local/state/funnel/first-steps")
        #expect(file.load().isEmpty)
        try file.save([.today, .addDeal])
        #expect(file.load() == [.today, .addDeal])
        #expect(try String(contentsOfFile: file.path, encoding: .utf8) == "add-deal\ntoday\n")
        #expect(FirstStepsFile(environment: ["HOME": home, "XDG_STATE_HOME": "/x/state"]).path == "/x/state/funnel/first-steps")
        #expect(FirstStepsFile(environment: ["HOME": home, "XDG_STATE_HOME": "relative"]).path == file.path)
    }
}
