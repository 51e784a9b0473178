import Foundation
import Testing

/// `funnel import` on committed files shaped like real exports (Fixtures/import/, docs/import.md).
@Suite("Import from Pipedrive, Kommo and spreadsheets")
struct ImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/import").path

    static func fixture(_ name: String) -> String { fixtures + "/" + name }

    func dealFiles(_ s: Sandbox) -> [String] {
        (FileManager.default.enumerator(atPath: s.dataDir)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".json") && ($0.hasPrefix("deals/") || $0.hasPrefix("inbox/")) }
    }

    @Test func pipedriveFileWithABadRowImportsNothingUnlessSkipBad() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let refused = try s.run("import", Self.fixture("pipedrive-deals.csv"))
        #expect(refused.status == Exit.usage, "\(refused)")
        #expect(refused.stderr.contains("line 9: error: value “abc” is not an amount"), "\(refused)")
        #expect(refused.stderr.contains("nothing was imported"))
        #expect(refused.stdout.isEmpty)
        #expect(dealFiles(s).isEmpty, "all or nothing")

        let imported = try s.ok("import", Self.fixture("pipedrive-deals.csv"), "--skip-bad")
        #expect(imported.stdout.split(separator: "\n").count == 5, "\(imported)")
        #expect(imported.stderr.contains("line 10: duplicate of line 2 (same phone)"), "line 2's phone, written differently: \(imported)")
        #expect(imported.stderr.contains("line 8: skipped: deleted in the other CRM"))
        #expect(imported.stderr.contains("line 5: stage “Negotiation” is not one of ours; put in New inquiry"))
        let deals = try s.list("--all")
        let hebrew = try #require(deals.first { $0.string("title") == "רישיון שנתי" })
        #expect(hebrew.string("company") == "כרמל תוכנה" && hebrew.string("stage") == "follow-up")
        #expect(hebrew.string("owner") == "rita" && hebrew.string("value") == "12500.00")
        #expect(hebrew.string("next_action_date") == "2026-11-26" && hebrew.string("created") == "2026-10-01T09:15:00Z")
        let arabic = try #require(deals.first { $0.string("title") == "اشتراك سنوي" })
        #expect(arabic.string("company") == "شركة النور" && arabic.string("owner") == "sam" && arabic.string("stage") == "meeting")
        #expect(deals.first { $0.string("title") == "Hardware refresh" }?.string("owner") == "rita", "owner by email")
        #expect(deals.first { $0.string("title") == "Consulting days" }?.string("stage") == "customer", "won")
        let lost = try #require(deals.first { $0.string("title") == "Old inquiry" })
        #expect(lost.string("stage") == "not-relevant" && lost.string("lost_reason") == "Price")
        let notes = try s.deal(try #require(hebrew.string("id")))
        #expect(notes.string("notes") == "ביקשו הצעה\nלשלוש שנים", "a quoted field with a line break")

        let again = try s.ok("import", Self.fixture("pipedrive-deals.csv"), "--skip-bad")
        #expect(again.stdout.isEmpty, "re-running the same file creates nothing: \(again)")
        #expect(again.stderr.contains("imported 0 new") && again.stderr.contains("5 imported before"), "\(again)")
        #expect(try s.list("--all").count == 5)
    }

    @Test func dryRunSaysEverythingWithLineNumbersAndWritesNothing() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let result = try s.run("import", "--dry-run", Self.fixture("pipedrive-deals.csv"))
        #expect(result.status == Exit.usage, "what the real run would do: \(result)")
        for expected in [
            "reading as pipedrive", "line 2: create “רישיון שנתי” · כרמל תוכנה · Follow-up · owner rita",
            "line 5: note: stage “Negotiation” is not one of ours", "line 8: skipped: deleted",
            "line 9: error: value “abc”", "line 10: duplicate of line 2 (same phone); skipped",
            "columns not imported: Deal - ID", "would import 5 new",
        ] {
            #expect(result.stdout.contains(expected), "\(expected) in \(result)")
        }
        #expect(dealFiles(s).isEmpty)
        let strict = try s.run("import", "--dry-run", "--strict", "--skip-bad", Self.fixture("pipedrive-deals.csv"))
        #expect(strict.stdout.contains("line 5: error: stage “Negotiation” is not one of ours"), "\(strict)")
    }

    @Test func kommoLeadsWithSemicolons() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let result = try s.ok("import", Self.fixture("kommo-leads.csv"))
        #expect(result.stdout.split(separator: "\n").count == 3, "\(result)")
        #expect(result.stderr.contains("line 5: duplicate of line 2 (same phone)") || result.stderr.contains("line 5: duplicate of deal"))
        let deals = try s.list("--all")
        let arabic = try #require(deals.first { $0.string("title") == "مشروع تركيب" })
        #expect(arabic.string("value") == "96400.00" && arabic.string("owner") == "sam" && arabic.string("created") == "2026-10-24T14:05:00Z")
        #expect(deals.first { $0.string("title") == "חבילת פרימיום" }?.string("stage") == "customer")
        #expect(deals.first { $0.string("title") == "Training day" }?.string("lost_reason") == "No budget")
    }

    /// Kommo's Russian interface: `(контакт)` phone and email columns, notes in `Примечание 1`, `2`…
    /// (the columns an amoCRM importer reads, see docs/import.md), a UTF-8 BOM and CRLF.
    @Test func kommoRussianExportWithNumberedNotes() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let path = Self.fixture("kommo-leads-ru.csv")
        let refused = try s.run("import", path)
        #expect(refused.status == Exit.usage && refused.stderr.contains("line 4: error: value “abc” is not an amount"), "\(refused)")
        #expect(try s.list("--all").isEmpty, "all or nothing")
        let result = try s.ok("import", path, "--skip-bad", "--pipeline", "Simple")
        #expect(result.stdout.split(separator: "\n").count == 2, "\(result)")
        #expect(result.stderr.contains("line 5: duplicate of line 2 (same phone)"), "\(result)")
        let deals = try s.list("--all")
        let arabic = try #require(deals.first { $0.string("title") == "عرض سنوي" })
        let notes = try s.deal(try #require(arabic.string("id"))).string("notes")
        #expect(notes == "اتصل يوم الأحد\n\nطلب خصم" && arabic.string("phone") == "+972-4-8123999", "\(String(describing: notes))")
        #expect(arabic.string("owner") == "sam" && arabic.string("value") == "48000.00" && arabic.string("stage") == "new")
        let won = try #require(deals.first { $0.string("title") == "שדרוג רישיונות" })
        #expect(won.string("stage") == "customer" && won.string("email") == "dana@carmel.example" && won.string("owner") == "rita")
        let other = try s.run("import", path, "--pipeline", "renewals")
        #expect(other.status == Exit.notFound && other.stderr.contains("no pipeline renewals (pipelines: simple)"), "\(other)")
    }

    @Test func excelUnicodeTextWithHebrewHeadersThroughMap() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let path = Self.fixture("excel-unicode-text.txt")
        let unmapped = try s.run("import", path)
        #expect(unmapped.status == Exit.usage && unmapped.stderr.contains("--map COLUMN=title"), "\(unmapped)")
        try s.ok(
            "import", path, "--map", "כותרת=title", "--map", "חברה=company", "--map=טלפון=phone", "--map", "שווי=value",
            "--map", "שלב=stage", "--map", "בעלים=owner")
        let deals = try s.list("--all")
        #expect(Set(deals.compactMap { $0.string("title") }) == ["שדרוג שרתים", "הדרכת צוות"])
        #expect(deals.first { $0.string("title") == "הדרכת צוות" }?.string("stage") == "meeting")
        let badField = try s.run("import", path, "--map", "כותרת=titel")
        #expect(badField.status == Exit.usage && badField.stderr.contains("did you mean title?"), "\(badField)")
    }

    @Test(arguments: ["", "windows-1255"])
    func windows1255(encoding: String) throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let words = ["import", Self.fixture("hebrew-windows-1255.csv")] + (encoding.isEmpty ? [] : ["--encoding", encoding])
        let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root)
        #expect(result.ok, "\(result)")
        let deals = try s.list("--all")
        #expect(Set(deals.compactMap { $0.string("company") }) == ["אלון מערכות", "ים המלח ספא"])
    }

    @Test func windows1256WithArabicHeaders() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        try s.ok(
            "import", Self.fixture("arabic-windows-1256.csv"), "--map", "العنوان=title", "--map", "الشركة=company",
            "--map", "الهاتف=phone", "--map", "القيمة=value")
        let deals = try s.list("--all")
        #expect(Set(deals.compactMap { $0.string("company") }) == ["شركة النور", "مكتب الريان"])
        let wrong = try s.run("import", Self.fixture("arabic-windows-1256.csv"), "--encoding", "utf-8")
        #expect(wrong.status == Exit.usage && wrong.stderr.contains("not valid UTF-8"), "\(wrong)")
    }

    @Test func untrustedInputGetsAClearErrorAndChangesNothing() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let cases: [([String], String)] = [
            (["import", s.root + "/missing.csv"], "cannot read"),
            (["import", Self.fixture("kommo-leads.csv"), "--from", "salesforce"], "--from “salesforce” must be one of pipedrive, kommo, csv"),
            (["import", Self.fixture("kommo-leads.csv"), "--encoding", "latin1"], "--encoding “latin1” must be one of"),
            (["import", Self.fixture("kommo-leads.csv"), "--map", "Nope=title"], "no column “nope”"),
            (["import", Self.fixture("kommo-leads.csv"), "--owner", "ghost"], "ghost"),
        ]
        let unknown = try runProgram(
            FunnelBinary.path, ["import", Self.fixture("kommo-leads.csv"), "--pipeline", "x"],
            environment: s.environment(), scratch: s.root)
        #expect(unknown.status == Exit.notFound && unknown.stderr.contains("no pipeline x (pipelines: simple)"), "\(unknown)")
        for (words, message) in cases {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root)
            #expect(result.status == Exit.usage && result.stderr.contains(message), "\(result)")
        }
        try Data("title,notes\nA,\"never closed\n".utf8).write(to: URL(fileURLWithPath: s.root + "/open.csv"))
        let open = try s.run("import", s.root + "/open.csv")
        #expect(open.status == Exit.usage && open.stderr.contains("never closed"), "\(open)")
        // UTF-16 big-endian and a binary file are named for what they are.
        var bigEndian: [UInt8] = [0xFE, 0xFF]
        for unit in "title\nA\n".utf16 { bigEndian += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        try Data(bigEndian).write(to: URL(fileURLWithPath: s.root + "/be.csv"))
        let be = try s.run("import", s.root + "/be.csv")
        #expect(be.status == Exit.usage && be.stderr.contains("UTF-16 big-endian") && be.stderr.contains("nothing was imported"), "\(be)")
        let binary = try s.run("import", FunnelBinary.path)
        #expect(binary.status == Exit.usage && binary.stderr.contains("NUL bytes"), "\(binary)")
        #expect(dealFiles(s).isEmpty)
    }

    @Test func aRepImportsOnlyForThemselves() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let result = try s.run("import", Self.fixture("kommo-leads.csv"), user: "rita")
        #expect(result.status == Exit.usage, "rows owned by sam are refused by R15: \(result)")
        #expect(dealFiles(s).isEmpty)
        try s.ok("import", Self.fixture("kommo-leads.csv"), "--skip-bad", user: "rita")
        #expect(try s.list(user: "rita").allSatisfy { $0.string("owner") == "rita" })
    }
}
