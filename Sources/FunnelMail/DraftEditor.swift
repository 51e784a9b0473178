import Foundation
import FunnelCore

/// Changing an email before it is sent: the draft, as `Subject: …`, a blank line and the body,
/// opened in `$VISUAL` or `$EDITOR` (else `vi`) on the terminal; what is saved is the email.
/// The board gives the terminal up (endwin) while the editor runs.
public enum DraftEditor {
    /// The draft as the editor left it; a data error when the editor is missing, fails, or
    /// leaves something that is not an email.
    public static func edit(_ draft: MailTemplate, environment: [String: String]) throws -> MailTemplate {
        let setting = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        guard let words = CommandWords.split(setting), let name = words.first,
            let program = CommandWords.executable(name, path: environment["PATH"])
        else {
            throw MailError.data("the editor “\(setting)” was not found; nothing was sent or logged")
        }
        let file = try TempFile(contents: Data(draft.fileText.utf8), suffix: ".txt")
        defer { file.remove() }
        let status: Int32
        do {
            status = try ChildProcess.runInteractive(program, Array(words.dropFirst()) + [file.path])
        } catch {
            throw MailError.data("the editor \(program) could not be started (\(error)); nothing was sent or logged")
        }
        guard status == 0 else { throw MailError.data("the editor exited with status \(status); nothing was sent or logged") }
        guard let data = FileManager.default.contents(atPath: file.path), data.count <= MailTemplate.maximumBytes,
            let text = String(data: data, encoding: .utf8)
        else {
            throw MailError.data("the edited email is not UTF-8 text of at most \(MailTemplate.maximumBytes) bytes; nothing was sent")
        }
        switch MailTemplate.split(name: draft.name, text: text) {
        case .success(let edited): return edited
        case .failure(let refusal): throw MailError(.refused, [refusal.message.text + "; nothing was sent"])
        }
    }
}
