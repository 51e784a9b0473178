import Foundation

/// Why an email was not composed or sent; nothing was logged. The command line ends with the
/// exit code its `kind` names; the board shows the lines in its status line.
public struct MailError: Error, Sendable, CustomStringConvertible {
    /// How the command line reports it: a usage error (2), a refusal (3) or a data error (4).
    public enum Kind: Sendable { case usage, refused, data }

    public let kind: Kind
    /// The message's lines, in order; the first says what went wrong.
    public let lines: [String]

    public init(_ kind: Kind, _ lines: [String]) {
        self.kind = kind
        self.lines = lines
    }

    /// A one-line data error (exit 4): the mailer, the editor, a temporary file.
    public static func data(_ message: String) -> MailError { MailError(.data, [message]) }

    public var description: String { lines.joined(separator: "\n") }
}
