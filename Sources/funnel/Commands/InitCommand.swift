import Foundation
import FunnelCore
import FunnelStore

/// `funnel init`: creates the data directory with a pipeline template; the caller becomes its manager.
enum InitCommand: Command {
    static let spec = CommandSpec(
        name: "init", summary: "Create the data directory with a pipeline template.",
        options: Option.specs,
        details: "You become the team's first manager. Add people with: funnel team add USER --role rep\n"
            + "Also writes the email templates templates/mail/no-answer-he.txt, -ar.txt and -en.txt (funnel mail).")

    /// The options, declared once.
    enum Option: String, OptionKey {
        case template
        case currency
        case language

        var spec: OptionSpec {
            switch self {
            case .template: OptionSpec(value: "NAME", "simple (default), powerlink or b2b", oneOf: PipelineTemplate.self)
            case .currency: OptionSpec(value: "CODE", "default currency for deals (ISO 4217, e.g. ILS)")
            case .language:
                OptionSpec(value: "LANG", "he, ar or en: the stage and lost-reason names' language (default: the UI's)", oneOf: Language.self)
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        let template = try arguments.choice(.template, as: PipelineTemplate.self) ?? .defaultTemplate
        var pipeline = template.pipeline(in: try arguments.choice(.language, as: Language.self) ?? UI.language)
        if let currency = arguments[.currency] { pipeline.defaultCurrency = try CurrencyArgument.parse(currency) }
        try create(pipeline, session: session)
    }

    /// Creates the data directory with `pipeline`, the session's user its manager; also what
    /// the welcome screen's "start a real funnel" does.
    static func create(_ pipeline: Pipeline, session: Session) throws {
        let team = Team(users: [User(account: session.account, name: session.account, role: .manager)])
        try session.data { try session.store.initialize(pipeline: pipeline, team: team) }
        // R11's email templates, in Hebrew, Arabic and English (docs/working-the-day.md).
        try session.data { try session.store.writeMailTemplates(DefaultMailTemplates.all) }
        // R19's quote templates, one per language (docs/quotes.md).
        try session.data { try session.store.writeQuoteTemplates(DefaultQuoteTemplates.all) }
        Console.line(UI.text(.cliCreatedDataDir, ["root": session.store.root, "pipeline": pipeline.name, "account": session.account]))
        for warning in pipeline.warnings { Console.error("warning: \(warning.localized)") }
    }
}
