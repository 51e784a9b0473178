import FunnelStore

/// Process exit codes, documented in docs/cli.md. Scripts may rely on them.
enum ExitCode: Int32 {
    case success = 0
    /// Something unexpected inside funnel.
    case internalError = 1
    /// The command line was wrong: unknown command or flag, missing or bad value.
    case usage = 2
    /// A rule refused the change (R6, R7, R8, R15…); nothing was changed.
    case refused = 3
    /// The data directory could not be read or written: missing, corrupt, newer, permissions, disk.
    case data = 4
    /// No deal matches the id, or the prefix matches several.
    case notFound = 5
    /// Another process held the data lock longer than FUNNEL_LOCK_TIMEOUT; nothing was changed.
    case busy = 6
}

/// An error that ends a command with a message on stderr and an exit code.
///
/// The message is a list of lines: funnel decides where lines break, so a line break inside a
/// value quoted in a line (a title, a file name) is shown as a symbol and never starts a line
/// of its own.
struct CommandFailure: Error {
    let code: ExitCode
    /// The message's lines, in order; the first says what went wrong.
    let lines: [String]

    init(code: ExitCode, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// A one-line message.
    init(code: ExitCode, message: String) {
        self.init(code: code, lines: [message])
    }

    /// The lines joined, for tests and logs.
    var message: String { lines.joined(separator: "\n") }

    static func usage(_ message: String, hint: String? = nil) -> CommandFailure {
        CommandFailure(code: .usage, lines: [message] + (hint.map { [$0] } ?? []))
    }
    /// A storage error: exit 6 when the lock stayed busy, else 4.
    init(storeError: StoreError) {
        if case .busy = storeError {
            self.init(code: .busy, message: storeError.description)
        } else {
            self.init(code: .data, message: storeError.description)
        }
    }

    static func refused(_ message: String) -> CommandFailure { CommandFailure(code: .refused, message: message) }
    static func data(_ message: String) -> CommandFailure { CommandFailure(code: .data, message: message) }
    static func notFound(_ message: String) -> CommandFailure { CommandFailure(code: .notFound, message: message) }
}
