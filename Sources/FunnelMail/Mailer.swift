import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The system's `sendmail -t` interface (msmtp, postfix, exim, …): the message goes to its
/// standard input and it reads the recipients from the headers. Which command: `FUNNEL_MAILER`,
/// else `mailer = …` in `$XDG_CONFIG_HOME/funnel/config`, else `/usr/sbin/sendmail -t` or
/// `/usr/lib/sendmail -t` when present. `funnel mail` and the board's `e` both send through it.
public struct Mailer: Sendable {
    /// The program, as a path, and its arguments.
    public let program: String
    public let arguments: [String]
    /// Where the command came from, for messages ("FUNNEL_MAILER", the config file, "the default").
    public let origin: String

    /// How long the mailer may take before it is stopped and the email counts as not sent.
    public static let timeoutSeconds = 60.0
    static let defaults = ["/usr/sbin/sendmail", "/usr/lib/sendmail"]

    /// The mailer to use: `FUNNEL_MAILER` from `environment`, else `configured` (the config
    /// file's `mailer`, read by the caller from `configPath`), else a sendmail that is present;
    /// a data error saying none is configured or found.
    public static func resolve(environment: [String: String], configured setting: String?, configPath: String) throws -> Mailer {
        let configured: (text: String, origin: String)?
        if let text = environment["FUNNEL_MAILER"], !text.isBlank {
            configured = (text, "FUNNEL_MAILER")
        } else {
            configured = setting.map { ($0, configPath) }
        }
        guard let configured else {
            if let found = defaults.first(where: CommandWords.isExecutable) {
                return Mailer(program: found, arguments: ["-t"], origin: "the default")
            }
            throw MailError(
                .data,
                [
                    "no mailer is configured or found; nothing was sent or logged",
                    "set one: mailer = /usr/sbin/sendmail -t in \(configPath), or FUNNEL_MAILER (msmtp and postfix provide sendmail)",
                ])
        }
        guard let words = CommandWords.split(configured.text), let name = words.first else {
            throw MailError.data("the mailer “\(configured.text)” (\(configured.origin)) is not a command; nothing was sent or logged")
        }
        guard let program = CommandWords.executable(name, path: environment["PATH"]) else {
            throw MailError.data("the mailer “\(name)” (\(configured.origin)) was not found; nothing was sent or logged")
        }
        return Mailer(program: program, arguments: Array(words.dropFirst()), origin: configured.origin)
    }

    /// Hands `message` to the mailer; a data error when it could not start, exited with an error
    /// or took too long, with the mailer's own words.
    public func send(_ message: String) throws {
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(program, arguments, input: Data(message.utf8), timeout: Mailer.timeoutSeconds)
        } catch {
            throw MailError.data("the mailer \(program) could not be started (\(error)); nothing was sent or logged")
        }
        guard result.status != 0 else { return }
        let said = result.output.split(whereSeparator: \.isNewline).prefix(10).map { "mailer: " + $0 }
        let why = result.timedOut ? "took longer than \(Int(Mailer.timeoutSeconds)) seconds" : "exited with status \(result.status)"
        throw MailError(.data, ["the mailer \(program) \(why); the email was not logged"] + said)
    }
}
