import Foundation
import FunnelBoard
import FunnelCore
import FunnelMail
import FunnelStore

/// The board's email effects (R11), run by the driver: the store's templates, $EDITOR with the
/// terminal given up, and the mailer shared with `funnel mail`. Each ends in an action that
/// the pure update takes from there; nothing here logs or saves.
extension BoardApp {
    /// Runs one email effect and reports its outcome.
    func mail(_ effect: Effect, _ state: BoardState, terminal: Terminal) -> Action {
        switch effect {
        case .listMailTemplates(let job):
            return attempt(job) { .mailTemplates(job, try store.mailTemplateChoices()) }
        case .loadMailTemplate(let job, let name):
            return attempt(job) {
                // Known before anything is written: no mailer, no email.
                _ = try Mailer.configured(environment: options.environment)
                guard let deal = state.deals[job.dealID] else { throw MailError.data("the deal is no longer there") }
                return .mailDraft(job, try store.mailTemplate(name, for: deal, language: nil), filled: false)
            }
        case .editMail(let job, let draft):
            terminal.suspend()
            defer { terminal.resume() }
            return attempt(job) { .mailDraft(job, try DraftEditor.edit(draft, environment: options.environment), filled: true) }
        case .sendMail(let job, let mail):
            return attempt(job) {
                try Mailer.configured(environment: options.environment).send(mail.message)
                return .mailSent(job, subject: mail.subject)
            }
        default:
            return .tick(state.now)
        }
    }

    /// The action `body` gives, or `.mailFailed` with what went wrong.
    private func attempt(_ job: MailJob, _ body: () throws -> Action) -> Action {
        do {
            return try body()
        } catch let error as MailError {
            return .mailFailed(job, error.lines.joined(separator: " — "))
        } catch {
            return .mailFailed(job, "not sent: " + Self.describe(error))
        }
    }
}
