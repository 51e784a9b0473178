import Foundation
import FunnelCore
import FunnelText

/// The email before it leaves (R11): To, Subject, the start of the body, and the keys.
enum MailView {
    static func draw(_ confirm: MailConfirm, state: BoardState, _ grid: inout Grid) {
        let title = state.deals[confirm.job.dealID].map { "Email to “\($0.contact.isEmpty ? $0.title : $0.contact)”" } ?? "Email"
        let body = confirm.draft.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let bodyRows = max(1, min(body.count, state.height - 10, 8))
        let rect = CenteredRect(screenWidth: state.width, screenHeight: state.height, width: 72, height: bodyRows + 6)
        grid.box(x: rect.x, y: rect.y, width: rect.width, height: rect.height, title: title)
        let width = rect.width - 2
        grid.put(fitting: " To:      " + confirm.mail.to, x: rect.x + 1, y: rect.y + 1, width: width, style: CellStyle(.overlay, bold: true))
        grid.put(
            fitting: " Subject: " + confirm.mail.subject, x: rect.x + 1, y: rect.y + 2, width: width,
            style: CellStyle(.overlay, bold: true))
        for (row, line) in body.prefix(bodyRows).enumerated() {
            grid.put(fitting: "  " + line, x: rect.x + 1, y: rect.y + 3 + row, width: width, style: CellStyle(.dim))
        }
        grid.put(
            fitting: " " + KeyHints.line(for: .mail, inbox: false, width: width - 2), x: rect.x + 1,
            y: rect.y + rect.height - 2, width: width, style: CellStyle(.overlay))
    }
}
