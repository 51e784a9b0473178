import Foundation
import FunnelCore

/// `funnel mail --edit`: the draft, as `Subject: …`, a blank line and the body, opened in
/// `$VISUAL` or `$EDITOR` (else `vi`) on the terminal; what is saved is the email.
enum DraftEditor {
    static func edit(_ draft: MailTemplate, environment: [String: String]) throws -> MailTemplate {
        let setting = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        guard let words = CommandWords.split(setting), let name = words.first,
              let program = CommandWords.executable(name, path: environment["PATH"]) else {
            throw CommandFailure.data("the editor “\(setting)” was not found; nothing was sent or logged")
        }
        let file = try TempFile(contents: Data(draft.fileText.utf8), suffix: ".txt")
        defer { file.remove() }
        let status: Int32
        do {
            status = try ChildProcess.runInteractive(program, Array(words.dropFirst()) + [file.path])
        } catch {
            throw CommandFailure.data("the editor \(program) could not be started (\(error)); nothing was sent or logged")
        }
        guard status == 0 else { throw CommandFailure.data("the editor exited with status \(status); nothing was sent or logged") }
        guard let data = FileManager.default.contents(atPath: file.path), data.count <= MailTemplate.maximumBytes,
              let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure.data("the edited email is not UTF-8 text of at most \(MailTemplate.maximumBytes) bytes; nothing was sent")
        }
        switch MailTemplate.split(name: draft.name, text: text) {
        case .success(let edited): return edited
        case .failure(let refusal): throw CommandFailure.refused(refusal.message.localized + "; nothing was sent")
        }
    }
}
