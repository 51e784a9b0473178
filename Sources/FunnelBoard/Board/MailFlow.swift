import Foundation
import FunnelCore

/// R11's email from the board (`e` on a card, in today's list or in the detail pane). Pure: it
/// asks the driver for the templates, a template's text, the editor and the mailer through
/// effects, and decides what follows from the outcomes the driver reports. The email is logged
/// (through `Funnel.apply`) only once the mailer has taken it.
enum MailFlow {
    /// `e`: asks for the templates to choose from.
    static func start(_ dealID: String, fromToday: Bool, _ state: inout BoardState) -> [Effect] {
        guard let deal = state.deals[dealID] else { return BoardUpdate.noCard(&state) }
        state.status = StatusMessage(text: "email to “\(deal.title)”…", isError: false)
        return [.listMailTemplates(MailJob(dealID: dealID, fromToday: fromToday))]
    }

    /// The templates' names: one is read at once, several are offered in a list.
    static func templates(_ job: MailJob, _ names: [String], _ state: inout BoardState) -> [Effect] {
        guard let deal = state.deals[job.dealID], let first = names.first else {
            return failed(job, "not sent: no mail templates; funnel init writes no-answer-he, -ar and -en", &state)
        }
        if names.count == 1 { return [.loadMailTemplate(job, name: first)] }
        state.open(
            .picker(
                Picker(
                    title: "Which email to “\(deal.title)”?",
                    options: names.map { PickerOption(value: $0, label: $0) },
                    selected: names.firstIndex(of: "no-answer") ?? 0, purpose: .mailTemplate(job))))
        return []
    }

    /// A template read (its placeholders filled here) or a draft back from the editor: composed
    /// for the deal and shown with its To and Subject, or refused with the reason.
    static func draft(_ job: MailJob, _ template: MailTemplate, filled: Bool, _ state: inout BoardState) -> [Effect] {
        guard let deal = state.deals[job.dealID] else { return failed(job, "not sent: the deal is no longer there", &state) }
        let draft = filled ? template : MailComposer.draft(template, deal: deal, sender: state.actor)
        let token = "\(Int(state.now.timeIntervalSince1970)).\(state.ids.next() % 1_000_000_000).\(deal.id)"
        switch MailComposer.compose(draft, deal: deal, sender: state.actor, now: state.now, messageID: token) {
        case .failure(let refusal):
            return failed(job, "not sent: " + refusal.message.text(in: state.language), &state)
        case .success(let mail):
            // The log must pass its rules before anything leaves the machine.
            let logged = DealChange.log(.other(.email), note: mail.subject)
            if case .failure(let refusal) = state.funnel.apply(
                logged, to: deal, by: state.actor, now: state.now,
                utcOffset: state.utcOffset)
            {
                return failed(job, "not sent: " + refusal.message.text(in: state.language), &state)
            }
            state.status = nil
            state.open(.mail(MailConfirm(job: job, draft: draft, mail: mail)))
            return []
        }
    }

    /// y sends, e edits in $EDITOR, n or Esc drops it.
    static func answer(_ action: Action, _ confirm: MailConfirm, _ state: inout BoardState) -> [Effect] {
        switch action {
        case .yes:
            state.closeModal()
            state.status = StatusMessage(text: "sending “\(confirm.mail.subject)” to \(confirm.mail.to)…", isError: false)
            return [.sendMail(confirm.job, confirm.mail)]
        case .email:
            return [.editMail(confirm.job, draft: confirm.draft)]
        case .no:
            back(confirm.job, &state)
            state.status = StatusMessage(text: "not sent; nothing logged", isError: false)
            return []
        default:
            return []
        }
    }

    /// The mailer took it: the email is logged on the deal with its subject.
    static func sent(_ job: MailJob, subject: String, _ state: inout BoardState) -> [Effect] {
        back(job, &state)
        guard let deal = state.deals[job.dealID] else { return [] }
        switch state.funnel.apply(
            .log(.other(.email), note: subject), to: deal, by: state.actor, now: state.now,
            utcOffset: state.utcOffset)
        {
        case .success(let after):
            // An email that was sent cannot be unsent: its log is not undone.
            let effects = MoveFlow.commit(before: deal, after: after, focus: state.modal == nil, undoable: false, &state)
            state.status = StatusMessage(text: "sent “\(subject)” to \(deal.email); logged on “\(deal.title)”", isError: false)
            return effects
        case .failure(let refusal):
            state.status = StatusMessage(text: "sent, but not logged: " + refusal.message.text(in: state.language), isError: true)
            return []
        }
    }

    /// Not prepared or not sent: the reason in the status line; nothing is logged.
    static func failed(_ job: MailJob, _ reason: String, _ state: inout BoardState) -> [Effect] {
        back(job, &state)
        state.status = StatusMessage(text: reason, isError: true)
        return []
    }

    /// Back where the email was started: today's list on the same deal, else the board or the pane.
    static func back(_ job: MailJob, _ state: inout BoardState) {
        WorkUpdate.back(fromToday: job.fromToday, dealID: job.dealID, &state)
    }
}
