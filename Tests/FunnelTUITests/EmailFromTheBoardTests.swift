import Foundation
import FunnelCore
import FunnelText
import Testing

@testable import FunnelBoard

/// R11's email from the board (issue 13): `e` asks the driver for the templates, a list when
/// there are several, To and Subject shown before it leaves, `e` again for $EDITOR, `y` hands it
/// to the driver's mailer, and only the reported sending logs it (through `Funnel.apply`).
@Suite struct EmailFromTheBoardTests {
    static let team = Team(users: [
        User(account: "dana", name: "Dana Levi", role: .manager, email: "dana@example.com"),
        User(account: "yossi", name: "יוסי כהן", role: .rep),
    ])

    /// A board (in logical order, to read Hebrew as typed) with one deal whose contact is Hebrew.
    static func state() -> BoardState {
        var deal = BoardFixtures.deal("aaaa1111", "רישיון שנתי", stage: "follow-up", owner: "dana", next: 0)
        deal.contact = "משה לוי"
        deal.email = "moshe@example.com"
        deal.activities = [Activity(at: BoardFixtures.now.addingTimeInterval(-600), by: "dana", kind: .call, outcome: .noAnswer)]
        var state = BoardState(
            funnel: Funnel(pipeline: PipelineTemplate.simple.pipeline, team: team), actor: team.user("dana")!,
            deals: [deal], now: BoardFixtures.now, utcOffset: 0, width: 100, height: 30)
        state.display = TextDisplay(mode: .terminal)
        state.recompute(keeping: "aaaa1111")
        return state
    }

    static let job = MailJob(dealID: "aaaa1111", fromToday: false)
    static let hebrew = DefaultMailTemplates.all.first { $0.name == "no-answer-he" }!

    @Test func eComposesFromAChosenTemplateShowsToAndSubjectAndSendsThroughTheDriver() throws {
        var state = Self.state()
        #expect(BoardFixtures.press([.char("e")], &state) == [.listMailTemplates(Self.job)], "the driver lists the templates")
        #expect(BoardUpdate.apply(.mailTemplates(Self.job, ["no-answer", "welcome"]), &state).isEmpty)
        var text = BoardRender.render(state).text
        #expect(text.contains("Which email to “רישיון שנתי”?") && text.contains("▸ no-answer") && text.contains("welcome"), "\(text)")
        #expect(BoardFixtures.press([.enter], &state) == [.loadMailTemplate(Self.job, name: "no-answer")])

        #expect(BoardUpdate.apply(.mailDraft(Self.job, Self.hebrew, filled: false), &state).isEmpty)
        text = BoardRender.render(state).text
        #expect(text.contains("To:      moshe@example.com"), "\(text)")
        #expect(text.contains("Subject: ניסינו להשיג אותך"), "\(text)")
        #expect(text.contains("שלום משה לוי,"), "the body's start, placeholders filled")
        #expect(BoardRender.render(state).line(29).contains("y send") || text.contains("y send · e edit · n cancel"), "\(text)")
        #expect(text.contains("y send · e edit · n cancel"), "the keys, from the key table")

        let effects = BoardFixtures.press([.char("y")], &state)
        guard case .sendMail(let job, let mail)? = effects.first, effects.count == 1 else {
            Issue.record("no send effect: \(effects)")
            return
        }
        #expect(job == Self.job && mail.subject == "ניסינו להשיג אותך" && mail.message.contains("To: "))
        #expect(state.modal == nil)
        #expect(state.deals["aaaa1111"]?.activities.count == 1, "nothing is logged before the mailer took it")

        let logged = BoardUpdate.apply(.mailSent(job, subject: mail.subject), &state)
        guard case .save(let before, let after)? = logged.first else {
            Issue.record("no save after sending: \(logged)")
            return
        }
        #expect(before.activities.count == 1)
        #expect(after.activities.last?.kind == .email && after.activities.last?.note == "ניסינו להשיג אותך")
        #expect(state.status?.text == "sent “ניסינו להשיג אותך” to moshe@example.com; logged on “רישיון שנתי”")
        #expect(!DealFlags.of(after, pipeline: state.pipeline, now: state.now, utcOffset: 0).contains(.emailDue))
        // A sent email cannot be unsent: `u` does not take its log away.
        _ = BoardUpdate.apply(.saved(after), &state)
        _ = BoardUpdate.key(.char("u"), &state)
        #expect(state.deals["aaaa1111"]?.activities.last?.kind == .email)
    }

    @Test func eAtTheConfirmationAsksForTheEditorAndTheEditedDraftIsShown() {
        var state = Self.state()
        _ = BoardUpdate.apply(.mailDraft(Self.job, Self.hebrew, filled: false), &state)
        guard case .mail(let confirm)? = state.modal else {
            Issue.record("no confirmation")
            return
        }
        #expect(BoardFixtures.press([.char("e")], &state) == [.editMail(Self.job, draft: confirm.draft)])
        var edited = confirm.draft
        edited.subject = "נערך: {contact}"
        _ = BoardUpdate.apply(.mailDraft(Self.job, edited, filled: true), &state)
        #expect(BoardRender.render(state).text.contains("Subject: נערך: {contact}"), "an edited draft is not filled again")
        BoardFixtures.press([.char("n")], &state)
        #expect(state.modal == nil && state.status?.text == "not sent; nothing logged")
        #expect(state.deals["aaaa1111"]?.activities.count == 1)
    }

    @Test func withNoMailerTheStatusLineSaysSoAndNothingIsLogged() {
        var state = Self.state()
        _ = BoardFixtures.press([.char("e")], &state)
        #expect(
            BoardUpdate.apply(.mailTemplates(Self.job, ["no-answer"]), &state) == [.loadMailTemplate(Self.job, name: "no-answer")],
            "one template: no list")
        let reason = "no mailer is configured or found; nothing was sent or logged — set one: mailer = /usr/sbin/sendmail -t"
        #expect(BoardUpdate.apply(.mailFailed(Self.job, reason), &state).isEmpty)
        #expect(state.status?.isError == true)
        #expect(BoardRender.render(state).line(29).contains("no mailer is configured or found; nothing was sent or logged"))
        #expect(state.deals["aaaa1111"]?.activities.count == 1)
        #expect(BoardUpdate.apply(.mailTemplates(Self.job, []), &state).isEmpty)
        #expect(state.status?.text.contains("no mail templates") == true)
    }

    @Test func aDealWithoutAnEmailIsRefusedBeforeAnythingIsShown() {
        var state = Self.state()
        state.replace(
            {
                var d = state.deals["aaaa1111"]!; d.email = ""; return d
            }())
        _ = BoardUpdate.apply(.mailDraft(Self.job, Self.hebrew, filled: false), &state)
        #expect(state.modal == nil)
        #expect(state.status?.isError == true && state.status?.text.hasPrefix("not sent: ") == true, "\(String(describing: state.status))")
    }

    @Test func eWorksInTodaysListAndTheDetailPaneAndTodaysListComesBack() {
        var state = Self.state()
        BoardFixtures.press([.char("t")], &state)
        let today = MailJob(dealID: "aaaa1111", fromToday: true)
        #expect(BoardFixtures.press([.char("e")], &state) == [.listMailTemplates(today)])
        _ = BoardUpdate.apply(.mailDraft(today, Self.hebrew, filled: false), &state)
        guard case .sendMail(let job, let mail)? = BoardFixtures.press([.enter], &state).first else {
            Issue.record("Enter sends too")
            return
        }
        _ = BoardUpdate.apply(.mailSent(job, subject: mail.subject), &state)
        guard case .today? = state.modal else {
            Issue.record("back in today's list: \(String(describing: state.modal))")
            return
        }
        BoardFixtures.press([.escape, .enter], &state)
        #expect(state.detail != nil)
        #expect(BoardFixtures.press([.char("e")], &state) == [.listMailTemplates(Self.job)])
    }
}
