import Foundation
import Testing

@testable import FunnelCore

@Suite("R11 email: templates and the composer")
struct MailComposerTests {
    static let yossi = User(account: "yossi", name: "יוסי כהן", role: .rep, email: "yossi@example.co.il")

    static func deal(contact: String = "משה לוי", email: String = "moshe@example.com", title: String = "רישיון שנתי") -> Deal {
        Deal(
            id: "abcd2345", title: title, company: "כרמל", contact: contact, email: email, currency: "ILS",
            owner: "yossi", stage: "new", created: Fx.now)
    }

    /// The header block and the decoded body of a composed message.
    static func parts(_ message: String) -> (headers: [String], body: String) {
        let halves = message.components(separatedBy: "\n\n")
        let headers = halves[0].components(separatedBy: "\n")
        let body = Data(base64Encoded: halves.dropFirst().joined().replacingOccurrences(of: "\n", with: "")).map {
            String(decoding: $0, as: UTF8.self)
        }
        return (headers, body ?? "")
    }

    /// Decodes a header's encoded-words (the test's own RFC 2047 reader).
    static func decode(_ value: String) -> String {
        value.replacingOccurrences(of: "\n ", with: " ").split(separator: " ").map { word -> String in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return String(word) }
            let b64 = word.dropFirst(10).dropLast(2)
            return Data(base64Encoded: String(b64)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
        }.joined()
    }

    @Test func theHebrewDefaultFillsItsPlaceholdersAndEncodesTheSubject() throws {
        let template = try MailTemplate.parse(name: "no-answer-he", text: DefaultMailTemplates.hebrew.fileText).get()
        let draft = MailComposer.draft(template, deal: Self.deal(), sender: Self.yossi)
        let mail = try MailComposer.compose(draft, deal: Self.deal(), sender: Self.yossi, now: Fx.now, messageID: "1.abc").get()
        #expect(mail.subject == "ניסינו להשיג אותך")
        let (headers, body) = Self.parts(mail.message)
        let subject = try #require(headers.first { $0.hasPrefix("Subject: ") })
        #expect(subject.hasPrefix("Subject: =?UTF-8?B?"))
        #expect(Self.decode(String(subject.dropFirst(9))) == "ניסינו להשיג אותך")
        #expect(headers.allSatisfy { $0.utf8.count <= 78 && $0.unicodeScalars.allSatisfy { $0.isASCII } })
        #expect(headers.contains("Content-Type: text/plain; charset=UTF-8"))
        #expect(headers.contains("Content-Transfer-Encoding: base64"))
        #expect(headers.contains("MIME-Version: 1.0"))
        #expect(headers.contains("Date: Tue, 24 Nov 2026 09:00:00 +0000"))
        #expect(headers.contains("Message-ID: <1.abc@example.co.il>"))
        #expect(headers.contains { $0.hasPrefix("To: =?UTF-8?B?") && $0.hasSuffix(" <moshe@example.com>") })
        #expect(headers.contains { $0.hasPrefix("From: =?UTF-8?B?") && $0.hasSuffix(" <yossi@example.co.il>") })
        #expect(body.hasPrefix("שלום משה לוי,\n"))
        #expect(body.contains("בעניין רישיון שנתי") && body.contains("יוסי כהן"))
    }

    @Test func aLongSubjectIsFoldedIntoWordsThatNeverSplitACharacter() {
        let subject = String(repeating: "שלום עולם ", count: 12) + "👍🏽"
        let encoded = MailHeaders.unstructured(subject)
        let lines = encoded.components(separatedBy: "\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.trimmingCharacters(in: .whitespaces).count <= 75 })
        #expect(Self.decode(encoded) == MailHeaders.clean(subject))
        #expect(MailHeaders.unstructured("Short and plain") == "Short and plain")
        #expect(MailHeaders.unstructured("looks =?like?= a word").hasPrefix("=?UTF-8?B?"))
    }

    @Test func noHeaderLineWithAnEncodedWordPasses76Characters() throws {
        let text = "Subject: About {title} for {contact} — שלום ועוד שלום ועוד שלום\n\nBody {contact}"
        let template = try MailTemplate.parse(name: "long", text: text).get()
        let deal = Self.deal(contact: "משה לוי בן אברהם מבית הכרם הירושלמי הגדול", title: "רישיון שנתי ארוך מאוד מאוד")
        let draft = MailComposer.draft(template, deal: deal, sender: Self.yossi)
        let mail = try MailComposer.compose(draft, deal: deal, sender: Self.yossi, now: Fx.now, messageID: "1.abc").get()
        let raw = mail.message.components(separatedBy: "\n\n").first ?? ""
        for line in raw.components(separatedBy: "\n") where line.contains("=?") {
            #expect(line.count <= 76, "RFC 2047 §2: \(line.count) characters: \(line)")
        }
    }

    @Test func nothingFromADealCanAddAHeader() throws {
        let evil = Self.deal(contact: "Eve\r\nBcc: all@example.com", title: "Hi\nBcc: x@example.com")
        let template = MailTemplate(name: "t", subject: "About {title} for {contact}", body: "{contact}\n")
        let mail = try MailComposer.compose(
            MailComposer.draft(template, deal: evil, sender: Self.yossi), deal: evil,
            sender: Self.yossi, now: Fx.now, messageID: "x"
        ).get()
        let (headers, _) = Self.parts(mail.message)
        #expect(!headers.contains { $0.lowercased().hasPrefix("bcc") })
        #expect(mail.subject == "About Hi Bcc: x@example.com for Eve Bcc: all@example.com")
        // An address with a line break (or anything but one plain address) is refused.
        for address in ["a@example.com\r\nBcc: b@example.com", "a@example.com, b@example.com", "Eve <a@example.com>", "a b@example.com", "no-at"] {
            let bad = Self.deal(email: address)
            #expect(
                MailComposer.compose(template, deal: bad, sender: Self.yossi, now: Fx.now, messageID: "x").refusal
                    == .mailBadAddress(whose: "the deal's email", address: address), "\(address)")
        }
    }

    @Test func aRecipientAndASenderAreNeeded() {
        let template = MailTemplate(name: "t", subject: "s", body: "b\n")
        #expect(
            MailComposer.compose(template, deal: Self.deal(email: ""), sender: Self.yossi, now: Fx.now, messageID: "x").refusal
                == .mailNoRecipient(dealTitle: "רישיון שנתי"))
        let noAddress = User(account: "yossi", name: "Yossi", role: .rep)
        #expect(
            MailComposer.compose(template, deal: Self.deal(), sender: noAddress, now: Fx.now, messageID: "x").refusal
                == .mailNoSender(account: "yossi"))
    }

    @Test func templatesAreParsedAsUntrustedText() {
        #expect(MailTemplate.parse(name: "t", text: "Hello\n\nbody").refusal == .mailTemplateNoSubject(name: "t"))
        #expect(MailTemplate.parse(name: "t", text: "Subject:   \n\nbody").refusal == .mailTemplateNoSubject(name: "t"))
        #expect(
            MailTemplate.parse(name: "t", text: "Subject: x\n\nDear {contcat}").refusal
                == .mailTemplateUnknownPlaceholder(name: "t", placeholder: "contcat"))
        #expect(
            MailTemplate.parse(name: "t", text: "subject: Hi {contact}\r\n\r\nA {b c} {} stays\r\n").success
                == MailTemplate(name: "t", subject: "Hi {contact}", body: "A {b c} {} stays\n"))
        #expect(
            MailTemplate.parse(name: "t", text: "Subject: x\n\n" + String(repeating: "a", count: 70_000)).refusal
                == .mailTemplateTooLong(name: "t", limit: MailTemplate.maximumBytes))
        for name in ["../x", "a/b", ".hidden", "", "a b"] { #expect(!MailTemplate.isValidName(name), "\(name)") }
        #expect(MailTemplate.isValidName("no-answer-he"))
    }

    @Test func theDealsLanguagePicksTheTemplate() {
        #expect(MailLanguage.of(Self.deal()) == .he)
        #expect(MailLanguage.of(Self.deal(contact: "أحمد")) == .ar)
        #expect(MailLanguage.of(Self.deal(contact: "John")) == .en)
        #expect(MailLanguage.of(Self.deal(contact: "", title: "  123 سلام")) == .ar)
        #expect(DefaultMailTemplates.all.map(\.name) == ["no-answer-he", "no-answer-ar", "no-answer-en"])
        for template in DefaultMailTemplates.all {
            #expect(MailTemplate.parse(name: template.name, text: template.fileText).success == template)
        }
    }

    @Test func addresses() {
        #expect(MailAddress.isValid("dana.levi+crm@mail.example.co.il"))
        for good in ["o'brien@x.io", "a@b", "x{y}|z~@host-1.example", String(repeating: "l", count: 64) + "@b.c"] {
            #expect(MailAddress.isValid(good), "\(good)")
        }
        let bad = [
            "", "a@", "@b.c", "a@@b.c", "a@b..c", ".a@b.c", "a@-b.c", "דנה@example.com", "a@b.c\n", "a b@c.d", "a@b_c.d",
            "a@b-.c", "a..b@c.d", "a.@b.c", "a\"b@c.d", "a@b.c.", String(repeating: "l", count: 65) + "@b.c",
            "a@" + String(repeating: "d", count: 64) + ".c", "a@b@c.d", "a@b.c\r\n", "a\u{0}@b.c", "é@b.c", "a@b.c\u{301}",
            "a@" + Array(repeating: String(repeating: "d", count: 63), count: 4).joined(separator: "."),
        ]
        for address in bad {
            #expect(!MailAddress.isValid(address), "\(address)")
        }
    }
}
