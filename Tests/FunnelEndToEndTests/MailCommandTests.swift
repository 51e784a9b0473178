import Foundation
import Testing

/// R11's email, really sent: `funnel mail` through msmtp (the `sendmail -t` interface) to an
/// SMTP server on 127.0.0.1 that the test starts, read back with Python's email parser.
@Suite("funnel mail", .serialized)
struct MailCommandTests {
    /// A sandbox with rita (rita@example.com) owning a deal with a Hebrew contact, after an unanswered call.
    static func world() throws -> (Sandbox, String) {
        let box = try Sandbox()
        try box.initialize()
        try box.ok("team", "email", "rita", "rita@example.com")
        let id = try box.add(
            "רישיון שנתי", "--contact", "משה לוי", "--email", "moshe@example.com", "--company", "כרמל",
            "--owner", "rita")
        try box.ok("log", id, "no-answer", user: "rita")
        return (box, id)
    }

    static func emails(_ deal: [String: Any]) -> [[String: Any]] {
        ((deal["activities"] as? [[String: Any]]) ?? []).filter { $0.string("kind") == "email" }
    }

    @Test func anEmailIsDeliveredThroughMsmtpWithItsHebrewSubjectAndLogged() throws {
        try #require(SMTPServer.available, "needs msmtp and python3-aiosmtpd (.ci/run installs them)")
        let (box, id) = try Self.world()
        defer { box.remove() }
        #expect((try box.deal(id)["flags"] as? [String])?.contains("email-due") == true)
        let server = try SMTPServer(root: box.root)
        defer { server.stop() }
        let config = try server.msmtpConfig(at: box.root + "/msmtprc", from: "rita@example.com")
        let sent = try box.run(
            "mail", id, "--template", "no-answer", user: "rita",
            env: ["FUNNEL_MAILER": "\(SMTPServer.msmtp) -C \(config) -t"])
        #expect(sent.ok, "\(sent)")
        #expect(sent.output == "sent “ניסינו להשיג אותך” to moshe@example.com; logged on \(id)")
        let files = server.messages(atLeast: 1)
        try #require(files.count == 1, "one message reached the server")
        let mail = try ParsedMail(file: files[0], scratch: box.root)
        #expect(mail.subject == "ניסינו להשיג אותך")
        #expect(mail.to == "משה לוי <moshe@example.com>")
        #expect(mail.from == "Rita Rep <rita@example.com>")
        #expect(mail.contentType == "text/plain; utf-8")
        #expect(mail.body.hasPrefix("שלום משה לוי,\n"))
        #expect(mail.body.contains("Rita Rep"))
        #expect(mail.defects.isEmpty, "\(mail.defects)")
        let envelope = try jsonObject(
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: files[0].replacingOccurrences(of: ".eml", with: ".json"))), as: UTF8.self))
        #expect(envelope["rcpt_tos"] as? [String] == ["moshe@example.com"])
        let deal = try box.deal(id)
        let emails = Self.emails(deal)
        #expect(emails.count == 1 && emails[0].string("note") == "ניסינו להשיג אותך" && emails[0].string("by") == "rita")
        #expect((deal["flags"] as? [String])?.contains("email-due") == false, "the logged email clears R11's reminder")
    }

    @Test func theDealsLanguagePicksTheTemplateAndEditingChangesTheEmail() throws {
        let (box, id) = try Self.world()
        defer { box.remove() }
        let arabic = try box.add("عقد سنوي", "--contact", "أحمد", "--email", "ahmad@example.com", "--owner", "rita")
        let dry = try box.run("mail", arabic, "--template", "no-answer", "--dry-run", user: "rita")
        #expect(dry.ok, "\(dry)")
        try dry.stdout.write(toFile: box.root + "/dry.eml", atomically: true, encoding: .utf8)
        let parsed = try ParsedMail(file: box.root + "/dry.eml", scratch: box.root)
        #expect(parsed.subject == "حاولنا الوصول إليك" && parsed.body.hasPrefix("مرحبًا أحمد،"))
        #expect(dry.stderr.contains("not sent (--dry-run)"))
        #expect(Self.emails(try box.deal(arabic)).isEmpty, "a dry run logs nothing")
        let english = try box.run("mail", id, "--template", "no-answer", "--lang", "en", "--dry-run", user: "rita")
        #expect(english.stdout.contains("Subject: We tried to reach you"))
        // --edit: the editor (here sed, rewriting the subject line) decides what is sent.
        let edited = try box.run(
            "mail", id, "--template", "no-answer", "--edit", "--dry-run", user: "rita",
            env: ["EDITOR": "sed -i '1s/.*/Subject: נערך {contact}/'"])
        #expect(edited.ok, "\(edited)")
        try edited.stdout.write(toFile: box.root + "/edited.eml", atomically: true, encoding: .utf8)
        #expect(try ParsedMail(file: box.root + "/edited.eml", scratch: box.root).subject == "נערך {contact}")
    }

    @Test func withoutAWorkingMailerNothingIsLogged() throws {
        let (box, id) = try Self.world()
        defer { box.remove() }
        let missing = try box.run("mail", id, "--template", "no-answer", user: "rita", env: ["FUNNEL_MAILER": "/nonexistent/sendmail -t"])
        #expect(missing.status == Exit.data, "\(missing)")
        #expect(missing.stderr.contains("the mailer “/nonexistent/sendmail” (FUNNEL_MAILER) was not found; nothing was sent or logged"))
        let failing = try box.run("mail", id, "--template", "no-answer", user: "rita", env: ["FUNNEL_MAILER": "/bin/false"])
        #expect(failing.status == Exit.data, "\(failing)")
        #expect(failing.stderr.contains("exited with status 1; the email was not logged"))
        // The config file's mailer, when FUNNEL_MAILER is not set.
        let configDir = box.root + "/home/.config/funnel"
        try FileManager.default.createDirectory(atPath: configDir, withIntermediateDirectories: true)
        try "mailer = /nonexistent/msmtp -t\n".write(toFile: configDir + "/config", atomically: true, encoding: .utf8)
        let configured = try box.run("mail", id, "--template", "no-answer", user: "rita")
        #expect(configured.status == Exit.data && configured.stderr.contains("/nonexistent/msmtp"), "\(configured)")
        try FileManager.default.removeItem(atPath: configDir + "/config")
        if !["/usr/sbin/sendmail", "/usr/lib/sendmail"].contains(where: FileManager.default.isExecutableFile) {
            let none = try box.run("mail", id, "--template", "no-answer", user: "rita")
            #expect(none.status == Exit.data && none.stderr.contains("no mailer is configured or found"), "\(none)")
        }
        #expect(Self.emails(try box.deal(id)).isEmpty)
    }

    @Test func addressesAndTemplatesFromFilesAreNotTrusted() throws {
        let (box, id) = try Self.world()
        defer { box.remove() }
        try box.ok("edit", id, "--email", "moshe@example.com\nBcc: all@example.com", user: "rita")
        let injected = try box.run("mail", id, "--template", "no-answer", "--dry-run", user: "rita")
        #expect(injected.status == Exit.refused, "\(injected)")
        #expect(injected.stderr.contains("is not an address funnel sends to"))
        try box.ok("edit", id, "--email", "moshe@example.com", user: "rita")
        let unknown = try box.run("mail", id, "--template", "no-such", user: "rita")
        #expect(unknown.status == Exit.usage && unknown.stderr.contains("templates are: no-answer-ar, no-answer-en, no-answer-he"), "\(unknown)")
        #expect(try box.run("mail", id, "--template", "../pipeline", user: "rita").status == Exit.usage)
        let folder = box.dataDir + "/templates/mail"
        try "Subject: Hi\n\nDear {contcat}\n".write(toFile: folder + "/typo.txt", atomically: true, encoding: .utf8)
        let typo = try box.run("mail", id, "--template", "typo", "--dry-run", user: "rita")
        #expect(typo.status == Exit.data && typo.stderr.contains("unknown placeholder {contcat}"), "\(typo)")
        try FileManager.default.createSymbolicLink(atPath: folder + "/linked.txt", withDestinationPath: folder + "/no-answer-en.txt")
        let linked = try box.run("mail", id, "--template", "linked", "--dry-run", user: "rita")
        #expect(linked.status == Exit.data && linked.stderr.contains("symbolic link"), "\(linked)")
        try box.ok("team", "email", "rita", "none", user: "rita")
        let noSender = try box.run("mail", id, "--template", "no-answer", "--dry-run", user: "rita")
        #expect(noSender.status == Exit.refused && noSender.stderr.contains("funnel team email rita ADDRESS"), "\(noSender)")
        #expect(try box.run("team", "email", "rita", "x@example.com", user: "sam").status == Exit.refused)
        #expect(try box.run("team", "email", "rita", "x\n@example.com").status == Exit.usage)
    }
}
