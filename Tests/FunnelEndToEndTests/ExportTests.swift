import Foundation
import Testing

/// `funnel export`: CSV for Excel (BOM, CRLF, formula guards), JSON lines, visibility, and the round trip.
@Suite("Export, and the round trip through import")
struct ExportTests {
    /// A team with a Hebrew won deal, an Arabic deal whose title is a formula, a lost deal, an
    /// inbox lead and a rep's deal with notes on two lines.
    func world() throws -> (Sandbox, [String]) {
        let s = try Sandbox()
        try s.initialize()
        var ids: [String] = []
        ids.append(
            try s.add(
                "רישיון שנתי", "--company", "כרמל תוכנה", "--value", "12,500", "--owner", "rita",
                "--phone", "+972-54-1234567", "--next", "+2d", "--what", "להתקשר"))
        try s.ok("move", ids[0], "customer")
        ids.append(
            try s.add(
                "=HYPERLINK(\"http://x\")", "--company", "شركة النور", "--email", "a@alnoor.example",
                "--notes", "שורה אחת\n-שורה שתיים, \"ציטוט\""))
        ids.append(try s.add("Lost one", "--stage", "not-relevant", "--reason", "Price", "--contact", "@handle"))
        ids.append(try s.add("Sam's deal", "--owner", "sam", "--stage", "follow-up", "--next", "2026-12-01", "--currency", "USD", "--value", "99.90"))
        let lead = s.root + "/lead.csv"
        try Data("name,phone\nInbox lead,050-7654321\n".utf8).write(to: URL(fileURLWithPath: lead))
        try s.ok("capture", lead)
        return (s, ids)
    }

    @Test func csvForExcelHasABomCrlfGuardsAndHebrewBytes() throws {
        let (s, _) = try world()
        defer { s.remove() }
        try s.ok("export", "--all", "--output", s.root + "/out")
        let bytes = try #require(s.bytes(s.root + "/out/deals.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 BOM")
        let text = try #require(String(data: bytes.dropFirst(3), encoding: .utf8))
        #expect(text.hasPrefix("id,title,company,contact,phone,email,stage,stage_name,"))
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "every line ends in CRLF")
        #expect(text.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), "a formula is guarded and quoted: \(text)")
        #expect(text.contains(",'+972-54-1234567,"), "a phone starting with + is guarded")
        #expect(text.contains(",'@handle,"))
        #expect(text.contains("\"שורה אחת\n-שורה שתיים, \"\"ציטוט\"\"\""), "notes keep their line break; only a cell's start is guarded")
        #expect(bytes.range(of: Data("רישיון שנתי".utf8)) != nil, "Hebrew bytes intact")
        #expect(bytes.range(of: Data("شركة النور".utf8)) != nil, "Arabic bytes intact")
        let history = String(decoding: s.bytes(s.root + "/out/history.csv") ?? Data(), as: UTF8.self)
        #expect(history.contains("deal_id,at,by,from,to\r\n") && history.contains(",new,customer\r\n"), "\(history)")
        let activities = String(decoding: s.bytes(s.root + "/out/activities.csv") ?? Data(), as: UTF8.self)
        #expect(activities.contains("deal_id,at,by,kind,outcome,note\r\n"))
    }

    @Test func plainCSVHasNoBomAndXlsxCSVIsTheDefault() throws {
        let (s, _) = try world()
        defer { s.remove() }
        let excel = try s.ok("export", "--all", "--format", "xlsx-csv", "--pipeline", "simple").stdout
        #expect(excel == (try s.ok("export", "--all").stdout), "xlsx-csv is the default")
        #expect(excel.hasPrefix("\u{FEFF}id,title,"))
        try s.ok("export", "--all", "--format", "csv", "--output", s.root + "/plain")
        let bytes = try #require(s.bytes(s.root + "/plain/deals.csv"))
        #expect(bytes.prefix(9) == Data("id,title,".utf8), "no BOM for other programs")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasSuffix("\r\n") && text.contains(",'+972-54-1234567,"), "CRLF and formula guards as for Excel")
        let wrong = try s.run("export", "--pipeline", "renewals")
        #expect(
            wrong.status == Exit.notFound && wrong.stderr.contains("no pipeline renewals (pipelines: simple)") && wrong.stdout.isEmpty, "\(wrong)")
        let badFormat = try s.run("export", "--format", "xlsx")
        #expect(badFormat.status == Exit.usage && badFormat.stderr.contains("--format “xlsx” must be one of xlsx-csv, csv, jsonl"), "\(badFormat)")
    }

    @Test func repsExportOnlyWhatTheyMaySee() throws {
        let (s, _) = try world()
        defer { s.remove() }
        let mine = try s.ok("export", "--format", "jsonl", "--fields", "title,owner", user: "rita")
        let lines = mine.stdout.split(separator: "\n").map(String.init)
        let owners = try lines.map { try jsonObject($0)["owner"] }
        #expect(lines.count == 2, "rita's deal and the inbox lead: \(mine)")
        #expect(owners.allSatisfy { ($0 as? String) == "rita" || $0 is NSNull })
        let refused = try s.run("export", "--all", user: "rita")
        #expect(refused.status == Exit.refused, "\(refused)")
        let bad = try s.run("export", "--fields", "titel")
        #expect(bad.status == Exit.usage && bad.stderr.contains("did you mean title?"), "\(bad)")
        let twice = try s.run("export", "--fields", "title,owner,Title")
        #expect(twice.status == Exit.usage && twice.stderr.contains("“title” is named twice") && twice.stdout.isEmpty, "\(twice)")
    }

    @Test func jsonLinesStageAndSince() throws {
        let (s, _) = try world()
        defer { s.remove() }
        let won = try s.ok("export", "--all", "--format", "jsonl", "--stage", "Customer")
        let deal = try jsonObject(won.output)
        #expect(deal.string("title") == "רישיון שנתי" && deal.string("value") == "12500.00")
        #expect((deal["history"] as? [Any])?.count == 2 && deal["revision"] as? Int == 2)
        let later = try s.ok("export", "--all", "--format", "jsonl", "--since", "2026-11-25")
        #expect(later.stdout.isEmpty, "\(later)")
        try s.ok("export", "--all", "--format", "jsonl", "--output", s.root + "/j")
        for name in ["deals.jsonl", "activities.jsonl", "history.jsonl"] {
            #expect(FileManager.default.fileExists(atPath: s.root + "/j/" + name))
        }
    }

    @Test(arguments: ["xlsx-csv", "csv"])
    func exportThenImportIntoAnEmptyDirectoryGivesTheSameDeals(format: String) throws {
        let (s, _) = try world()
        defer { s.remove() }
        try s.ok("export", "--all", "--format", format, "--output", s.root + "/out")
        let before = try s.list("--all")
        let t = try Sandbox()
        defer { t.remove() }
        try t.initialize()
        try t.ok("import", s.root + "/out/deals.csv")
        let after = try t.list("--all")
        #expect(after.count == before.count && before.count == 5)
        let fields = [
            "title", "company", "contact", "phone", "email", "stage", "owner", "value", "currency",
            "next_action_date", "next_action", "lost_reason", "created",
        ]
        func shape(_ deals: [[String: Any]]) -> [[String]] {
            deals.map { deal in fields.map { deal.string($0) ?? "null" } }.sorted { $0.joined() < $1.joined() }
        }
        #expect(shape(after) == shape(before))
        for (old, new) in zip(before.sorted { $0.string("title")! < $1.string("title")! }, after.sorted { $0.string("title")! < $1.string("title")! })
        {
            let oldNotes = try s.deal(try #require(old.string("id"))).string("notes")
            let newNotes = try t.deal(try #require(new.string("id"))).string("notes")
            #expect(oldNotes == newNotes)
        }
        let again = try t.ok("import", s.root + "/out/deals.csv")
        #expect(again.stdout.isEmpty, "importing the same export twice creates nothing: \(again)")
    }

    /// Deals funnel keeps apart stay apart through the round trip: a lost deal and an open one with
    /// the same title and company, two open deals with one phone.
    @Test func theRoundTripKeepsDealsThatLookAlike() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let lost = try s.add("Annual licence", "--company", "Acme", "--phone", "050-1111111")
        try s.ok("move", lost, "not-relevant", "--reason", "Price")
        _ = try s.add("Annual licence", "--company", "Acme", "--phone", "052-2222222")
        _ = try s.add("Second site", "--company", "Beta", "--phone", "053-3333333")
        _ = try s.add("Third site", "--company", "Beta", "--phone", "053-3333333")
        try s.ok("export", "--all", "--output", s.root + "/out")
        let t = try Sandbox()
        defer { t.remove() }
        try t.initialize()
        let imported = try t.ok("import", s.root + "/out/deals.csv")
        #expect(imported.stdout.split(separator: "\n").count == 4, "\(imported)")
        #expect(try t.list("--all").count == 4)
        // Into a directory that has them, the open ones are duplicates; the lost one is history, imported again.
        let again = try s.ok("import", s.root + "/out/deals.csv", "--dry-run")
        #expect(again.stdout.contains("imported before") || again.stdout.contains("duplicate"), "\(again)")
    }
}
