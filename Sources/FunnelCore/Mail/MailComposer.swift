import Foundation

/// An email ready for the system's `sendmail -t`: the whole message, and what the deal's
/// timeline records of it.
public struct ComposedMail: Sendable, Hashable {
    /// The recipient: the deal's email.
    public var to: String
    /// The sender: the acting user's email.
    public var from: String
    /// The subject as people read it (one line, placeholders filled).
    public var subject: String
    /// The message: RFC 5322 headers (RFC 2047 encoded-words), a blank line, the UTF-8 body in
    /// base64; lines end in "\n", as `sendmail -t` reads them.
    public var message: String
}

/// Composes R11's email from a template, a deal and the sender. Pure: no files, no processes,
/// no clock (the caller passes `now` and a unique Message-ID token); the executable sends it.
public enum MailComposer {
    /// The values of the placeholders for `deal` sent by `sender`.
    public static func values(deal: Deal, sender: User) -> [String: String] {
        ["contact": deal.contact, "company": deal.company, "title": deal.title, "rep": sender.name, "rep_email": sender.email ?? ""]
    }

    /// The template with its placeholders filled: what `--edit` shows, as `Subject: …` and the body.
    public static func draft(_ template: MailTemplate, deal: Deal, sender: User) -> MailTemplate {
        let values = values(deal: deal, sender: sender)
        // A value in the subject stays on the subject's line.
        let subjectValues = values.mapValues(MailHeaders.clean)
        return MailTemplate(
            name: template.name, subject: MailHeaders.clean(MailTemplate.fill(template.subject, values: subjectValues)),
            body: MailTemplate.fill(template.body, values: values))
    }

    /// The message for `draft` from `sender` to the deal's email, or why it cannot be sent:
    /// no or a bad recipient, no or a bad sender address, an empty or too long subject.
    public static func compose(
        _ draft: MailTemplate, deal: Deal, sender: User, now: Date,
        messageID: String
    ) -> Result<ComposedMail, Refusal> {
        let to = deal.email.trimmingCharacters(in: .whitespaces)
        guard !to.isEmpty else { return .failure(Refusal(.mailNoRecipient(dealTitle: deal.title))) }
        guard MailAddress.isValid(to) else { return .failure(Refusal(.mailBadAddress(whose: "the deal's email", address: to))) }
        guard let from = sender.email else { return .failure(Refusal(.mailNoSender(account: sender.account))) }
        guard MailAddress.isValid(from) else { return .failure(Refusal(.mailBadAddress(whose: "\(sender.account)'s email", address: from))) }
        let subject = MailHeaders.clean(draft.subject)
        guard !subject.isEmpty else { return .failure(Refusal(.mailTemplateNoSubject(name: draft.name))) }
        guard Limits.fits(subject, Limits.fieldLength) else { return .failure(Refusal(.mailSubjectTooLong(limit: Limits.fieldLength))) }
        let token = messageID.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
        let headers = [
            "From: " + MailHeaders.mailbox(name: sender.name, address: from),
            "To: " + MailHeaders.mailbox(name: deal.contact, address: to),
            "Subject: " + MailHeaders.unstructured(subject),
            "Date: " + MailHeaders.date(now),
            "Message-ID: <\(token.isEmpty ? "funnel" : token)@\(MailAddress.domain(of: from))>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
        ]
        let message = headers.joined(separator: "\n") + "\n\n" + MailHeaders.base64Body(body(draft.body)) + "\n"
        return .success(ComposedMail(to: to, from: from, subject: subject, message: message))
    }

    /// The body's text: line breaks as "\n", no control characters but tabs, ending in a line break.
    static func body(_ text: String) -> String {
        var out = ""
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for scalar in normalized.unicodeScalars where scalar == "\n" || scalar == "\t" || !(scalar.value < 32 || scalar.value == 0x7F) {
            out.unicodeScalars.append(scalar)
        }
        return out.hasSuffix("\n") || out.isEmpty ? out : out + "\n"
    }
}
