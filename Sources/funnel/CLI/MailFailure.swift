import FunnelMail

extension CommandFailure {
    /// An email that was not composed or sent, with the exit code its kind names.
    init(mail: MailError) {
        let code: ExitCode
        switch mail.kind {
        case .usage: code = .usage
        case .refused: code = .refused
        case .data: code = .data
        }
        self.init(code: code, lines: mail.lines)
    }
}
