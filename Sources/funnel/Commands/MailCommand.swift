import Foundation
import FunnelCore
import FunnelMail
import FunnelTUI

/// `funnel mail ID --template NAME [--edit] [--dry-run]`: R11's email after an unanswered
/// call, composed from a template, handed to the system's `sendmail -t`, and logged on the
/// deal with its subject. Nothing is logged unless the mailer took the message.
enum MailCommand: Command {
    static let spec = CommandSpec(
        name: "mail", summary: "Email a deal's contact from a template, and log it (R11).",
        arguments: [.dealID],
        options: Option.specs,
        details: """
            The mailer: FUNNEL_MAILER, else mailer = … in $XDG_CONFIG_HOME/funnel/config, else /usr/sbin/sendmail -t.
            From: your address on the team (funnel team email USER ADDRESS). example: funnel mail 7kq2 --template no-answer
            """)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case template
        case lang
        case edit
        case dryRun = "dry-run"

        var spec: OptionSpec {
            switch self {
            case .template: OptionSpec(value: "NAME", "templates/mail/NAME.txt, or NAME-he/-ar/-en.txt after the deal's language")
            case .lang: OptionSpec(value: "LANG", "he, ar or en: which NAME-LANG.txt (default: the contact's script)", oneOf: MailLanguage.self)
            case .edit: OptionSpec("open the email in $VISUAL or $EDITOR before sending")
            case .dryRun: OptionSpec("print the message instead of sending it; nothing is logged")
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        do {
            try send(arguments, session: session)
        } catch let error as MailError {
            throw CommandFailure(mail: error)
        }
    }

    static func send(_ arguments: Arguments<Option>, session: Session) throws {
        guard let name = arguments[.template] else { throw CommandFailure.usage("funnel mail: --template NAME is required") }
        let language = try arguments.choice(.lang, as: MailLanguage.self)
        let (funnel, actor, deal) = try session.visibleDealWithFunnel(arguments.positionals[0])
        let template = try session.data { try session.store.mailTemplate(name, for: deal, language: language) }
        var draft = MailComposer.draft(template, deal: deal, sender: actor)
        // Known before the editor opens: no mailer, no point writing.
        let mailer = arguments.flag(.dryRun) ? nil : try Mailer.configured(environment: session.environment)
        if arguments.flag(.edit) { draft = try DraftEditor.edit(draft, environment: session.environment) }
        let token = "\(Int(session.now.timeIntervalSince1970)).\(UInt32.random(in: 0...UInt32.max)).\(deal.id)"
        let mail: ComposedMail
        switch MailComposer.compose(draft, deal: deal, sender: actor, now: session.now, messageID: token) {
        case .success(let composed): mail = composed
        case .failure(let refusal): throw CommandFailure.refused(refusal.message.localized)
        }
        let logged = DealChange.log(.other(.email), note: mail.subject)
        // The log must pass its rules before anything leaves the machine.
        if case .failure(let refusal) = funnel.apply(logged, to: deal, by: actor, now: session.now, utcOffset: session.utcOffset) {
            throw CommandFailure.refused(refusal.message.localized)
        }
        guard let mailer else {
            Console.block(mail.message, terminator: "")
            Console.error("not sent (--dry-run); nothing was logged")
            return
        }
        try mailer.send(mail.message)
        let saved = try session.change(deal.id, by: actor, funnel: funnel, logged)
        Console.line("sent “\(mail.subject)” to \(mail.to); logged on \(saved.id)")
    }
}
