import Foundation
import FunnelCore
import FunnelText
import Testing

@testable import FunnelBoard

/// The welcome screen `funnel` opens in a terminal with no data directory (issue #20).
@Suite struct WelcomeScreenTests {
    static func state(_ language: Language = .en) -> WelcomeState {
        var state = WelcomeState(root: "/home/dana/.local/share/funnel", account: "dana", language: language)
        WelcomeUpdate.resize(width: 100, height: 24, &state)
        return state
    }

    @discardableResult
    static func press(_ keys: [KeyPress], _ state: inout WelcomeState) -> WelcomeOutcome? {
        var outcome: WelcomeOutcome?
        for key in keys { outcome = WelcomeUpdate.key(key, &state) ?? outcome }
        return outcome
    }

    static func type(_ text: String) -> [KeyPress] { text.map { .char($0) } }

    @Test func theMenuSaysWhatFunnelIsAndOffersStartDemoQuit() {
        let grid = WelcomeRender.render(Self.state())
        #expect(grid.line(0).contains("funnel · welcome"))
        #expect(grid.line(2).contains("kanban board for a sales funnel"))
        #expect(grid.line(3).contains("today's calls first"))
        #expect(grid.text.contains("no funnel data in /home/dana/.local/share/funnel"))
        #expect(grid.line(7).contains("i   start a real funnel"))
        #expect(grid.line(8).contains("d   open the demo"))
        #expect(grid.line(9).contains("q   quit"))
        #expect(grid.line(23).contains("i start a real funnel · d demo · q quit"))
    }

    @Test func dOpensTheDemoAndQOrEscQuits() {
        for (key, outcome) in [(KeyPress.char("d"), WelcomeOutcome.demo), (.char("q"), .quit), (.escape, .quit)] {
            var state = Self.state()
            #expect(WelcomeUpdate.key(key, &state) == outcome)
        }
        var state = Self.state()
        #expect(WelcomeUpdate.key(.char("x"), &state) == nil)
        #expect(state.step == .menu)
    }

    @Test func startingAsksTheTemplateTheLanguageAndTheFirstMembers() {
        var state = Self.state()
        Self.press([.char("i")], &state)
        var grid = WelcomeRender.render(state)
        #expect(grid.line(7).contains("Which pipeline?"))
        #expect(grid.line(9).contains("▶ simple") && grid.line(9).contains("New inquiry → Follow-up"))
        #expect(grid.line(10).contains("powerlink") && grid.line(10).contains("New → Initial contact"))
        Self.press([.down, .down, .up, .enter], &state)
        #expect(state.template == .powerlink)
        grid = WelcomeRender.render(state)
        #expect(grid.line(7).contains("stage names and lost reasons"))
        #expect(grid.line(9).contains("▶ en") && grid.line(9).contains("English"))
        Self.press([.down, .enter], &state)
        #expect(state.nameLanguage == .he)
        grid = WelcomeRender.render(state)
        #expect(grid.line(7).contains("you (dana) are its manager"))
        #expect(grid.line(10).contains("dana · manager (you)"))
        Self.press(Self.type("rita") + [.enter, .tab] + Self.type("moshe") + [.enter], &state)
        grid = WelcomeRender.render(state)
        #expect(grid.line(11).contains("rita · rep"))
        #expect(grid.line(12).contains("moshe · manager"))
        #expect(grid.line(14).contains("account:") && grid.line(14).contains("role: rep (Tab)"))
        let outcome = Self.press([.enter], &state)
        #expect(
            outcome
                == .start(
                    template: .powerlink, language: .he,
                    members: [
                        User(account: "rita", name: "rita", role: .rep), User(account: "moshe", name: "moshe", role: .manager),
                    ]))
    }

    @Test func aBadOrRepeatedAccountIsRefusedWithTheReasonAndKept() {
        var state = Self.state()
        Self.press([.char("i"), .enter, .enter] + Self.type("9lives") + [.enter], &state)
        #expect(state.members.isEmpty)
        #expect(state.editor.text == "9lives")
        #expect(WelcomeRender.render(state).text.contains("“9lives” is not an account name"))
        Self.press([.ctrl("u")] + Self.type("dana") + [.enter], &state)
        #expect(state.members.isEmpty)
        #expect(WelcomeRender.render(state).text.contains("dana is already on the team"))
        // The next key clears the message.
        Self.press([.backspace], &state)
        #expect(state.problem == nil)
    }

    @Test func escGoesBackAStepAndClearsATypedAccountFirst() {
        var state = Self.state()
        Self.press([.char("i"), .enter, .enter] + Self.type("ri"), &state)
        Self.press([.escape], &state)
        #expect(state.step == .members && state.editor.isEmpty)
        Self.press([.escape], &state)
        #expect(state.step == .language)
        Self.press([.escape, .escape], &state)
        #expect(state.step == .menu)
    }

    @Test(arguments: [Language.he, .ar])
    func theScreenSpeaksTheUsersLanguage(language: Language) {
        var state = Self.state(language)
        state.display = .terminal  // logical order, to compare with the catalogue
        let menu = WelcomeRender.render(state).text
        #expect(menu.contains(language.text(.welcomeQuit)))
        #expect(menu.contains(language.text(.welcomeWhat)))
        #expect(state.nameLanguage == language, "the names' language starts as the screen's")
        Self.press([.char("i")], &state)
        let names = PipelineTemplate.simple.pipeline(in: language).stages.map(\.name)
        #expect(state.template.pipeline(in: language).stages.map(\.name) == names)
        #expect(!WelcomeRender.render(state).text.contains("New inquiry"))
    }

    @Test func aSmallScreenStillShowsTheKeys() {
        var state = Self.state()
        WelcomeUpdate.resize(width: 40, height: 12, &state)
        let grid = WelcomeRender.render(state)
        #expect(grid.line(11).contains("i start a real funnel"))
        #expect(grid.line(9).contains("q   quit"))
        #expect((0..<grid.height).allSatisfy { DisplayWidth.of(grid.line($0)) <= 40 })
    }
}
