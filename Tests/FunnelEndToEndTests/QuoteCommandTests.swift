import Foundation
import Testing

/// R19 from the command line: `funnel products`, `funnel lines`, `funnel quote`, `funnel quotes`:
/// every command, every bad input (exit code, nothing written, no number used).
@Suite("products, lines and quotes on the command line")
struct QuoteCommandTests {
    /// A data directory with rita and sam, two products and a deal of rita's.
    static func prepared() throws -> (Sandbox, String) {
        let box = try Sandbox()
        try box.initialize()
        try box.ok("products", "add", "CRM-Y", "--name", "CRM, yearly licence", "--price", "1200")
        try box.ok("products", "add", "SETUP", "--name", "התקנה והדרכה", "--price", "450.50", "--vat-exempt")
        let id = try box.add("Acme CRM", "--company", "Acme Ltd", "--contact", "Dana", user: "rita")
        return (box, id)
    }

    @Test func productsAreAddedEditedArchivedAndListed() throws {
        let (box, _) = try Self.prepared()
        defer { box.remove() }
        try box.ok("products", "add", "US-1", "--name", "Support", "--price", "99.9", "--currency", "usd")
        try box.ok("products", "edit", "crm-y", "--price", "1100", "--vat-exempt")
        try box.ok("products", "edit", "CRM-Y", "--no-vat-exempt", "--name", "CRM licence")
        try box.ok("products", "archive", "US-1")
        let list = try jsonArray(try box.ok("products", "list", "--json", user: "rita").stdout)
        #expect(list.count == 3)
        #expect(list.map { Set($0.keys) }.allSatisfy { $0 == ["code", "name", "price", "currency", "vat_exempt", "active"] })
        #expect(list[0].string("code") == "CRM-Y" && list[0].string("name") == "CRM licence" && list[0].string("price") == "1100.00")
        #expect(list[0]["vat_exempt"] as? Bool == false && list[1]["vat_exempt"] as? Bool == true)
        #expect(list[2].string("currency") == "USD" && list[2].string("price") == "99.90" && list[2]["active"] as? Bool == false)
        let text = try box.ok("products", user: "sam").stdout
        #expect(text.contains("CRM-Y") && text.contains("archived") && text.contains("exempt"))
        try box.ok("products", "edit", "US-1", "--active")
        #expect(try jsonArray(try box.ok("products", "list", "--json").stdout)[2]["active"] as? Bool == true)
    }

    @Test func badCatalogueInputIsRefusedAndWritesNothing() throws {
        let (box, _) = try Self.prepared()
        defer { box.remove() }
        let file = box.dataDir + "/products.json"
        let before = box.bytes(file)
        let cases: [([String], String?, Int32, String)] = [
            (["products", "add", "X", "--name", "x", "--price", "1"], "rita", Exit.refused, "only a manager"),
            (["products", "archive", "CRM-Y"], "sam", Exit.refused, "only a manager"),
            (["products", "add", "crm-y", "--name", "x", "--price", "1"], nil, Exit.refused, "already a product CRM-Y".lowercased()),
            (["products", "add", "a/b", "--name", "x", "--price", "1"], nil, Exit.refused, "not a product code"),
            (["products", "add", "X", "--name", " ", "--price", "1"], nil, Exit.refused, "needs a name"),
            (["products", "add", "X", "--name", "x", "--price", "-1"], nil, Exit.refused, "cannot be negative"),
            (["products", "add", "X", "--name", "x", "--price", "1.005"], nil, Exit.usage, "not a number"),
            (["products", "add", "X", "--name", "x", "--price", "1e5"], nil, Exit.usage, "not a number"),
            (["products", "add", "X", "--name", "x"], nil, Exit.usage, "--price AMOUNT is required"),
            (["products", "add", "X", "--price", "1"], nil, Exit.usage, "--name NAME is required"),
            (["products", "add", "X", "--name", "x", "--price", "1", "--currency", "EURO"], nil, Exit.usage, "did you mean EUR"),
            (["products", "add", "X", "--name", "x", "--price", "100000000000000000"], nil, Exit.refused, "cannot be more than"),
            (["products", "edit", "NOPE", "--price", "1"], nil, Exit.refused, "no product NOPE"),
            (["products", "edit", "CRM-Y"], nil, Exit.usage, "nothing to change"),
            (["products", "edit", "CRM-Y", "--vat-exempt", "--no-vat-exempt"], nil, Exit.usage, "contradict"),
            (["products", "archive", "NOPE"], nil, Exit.refused, "no product NOPE"),
            (["products", "sell", "X"], nil, Exit.usage, "unknown action"),
            (["products", "list", "--name", "x"], nil, Exit.usage, "does not go with list"),
            (["products", "add"], nil, Exit.usage, "usage: funnel products add CODE"),
        ]
        for (arguments, user, status, text) in cases {
            let result = try runProgram(FunnelBinary.path, arguments, environment: box.environment(user: user), scratch: box.root)
            #expect(result.status == status, "\(result)")
            #expect(result.stderr.lowercased().contains(text.lowercased()), "\(result)")
            #expect(box.bytes(file) == before, "\(arguments) changed products.json")
        }
    }

    @Test func linesAreAddedListedAndRemoved() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        #expect(
            try box.ok("lines", "add", id, "crm-y", "--qty", "3", "--discount", "10", user: "rita").output
                == "added line 1 to \(id): CRM, yearly licence — ₪3,240.00")
        try box.ok("lines", "add", id, "SETUP", user: "rita")
        try box.ok("lines", "add", id, "--text", "Data migration", "--price", "800.01", "--qty", "1.5", user: "rita")
        try box.ok("lines", "add", id, "CRM-Y", "--price", "999", user: "rita")
        try box.ok("lines", "remove", id, "4", user: "rita")
        let json = try jsonObject(try box.ok("lines", "list", id, "--json", user: "rita").stdout)
        let lines = try #require(json["lines"] as? [[String: Any]])
        #expect(lines.map { $0.string("total") } == ["3240.00", "450.50", "1200.02"])
        #expect(lines.map { $0.string("quantity") } == ["3.00", "1.00", "1.50"])
        #expect(lines[2].isNull("product") && lines[2].string("text") == "Data migration")
        // VAT 18 % on 4,440.02 (SETUP is exempt) = 799.2036 → 799.20.
        #expect(json.string("subtotal") == "4890.52" && json.string("vat") == "799.20" && json.string("total") == "5689.72")
        #expect(json["installments"] as? Int == 12 && json.string("installment") == "474.14" && json.string("last_installment") == "474.18")
        let text = try box.ok("lines", "list", id, user: "rita").stdout
        #expect(text.contains("Data migration") && text.contains("₪5,689.72") && text.contains("VAT 18%"))
        let path = try #require(box.dealFile(id))
        let data = try #require(box.bytes(path))
        let file = try jsonObject(String(decoding: data, as: UTF8.self))
        #expect(((file["deal"] as? [String: Any])?["quote_lines"] as? [[String: Any]])?.count == 3)
    }

    @Test func badLinesAreRefusedAndChangeNothing() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        try box.ok("products", "add", "US-1", "--name", "Support", "--price", "10", "--currency", "USD")
        try box.ok("lines", "add", id, "CRM-Y", user: "rita")
        let file = try #require(box.dealFile(id))
        let before = box.bytes(file)
        let cases: [([String], String?, Int32, String)] = [
            (["lines", "add", id, "NOPE"], "rita", Exit.refused, "no product NOPE"),
            (["lines", "add", id, "US-1"], "rita", Exit.refused, "priced in USD"),
            (["lines", "add", id, "CRM-Y", "--qty", "-1"], "rita", Exit.refused, "-1 is not a quantity"),
            (["lines", "add", id, "CRM-Y", "--qty", "0"], "rita", Exit.refused, "0 is not a quantity"),
            (["lines", "add", id, "CRM-Y", "--discount", "100.5"], "rita", Exit.refused, "not a discount"),
            (["lines", "add", id, "CRM-Y", "--discount", "-5"], "rita", Exit.refused, "not a discount"),
            (["lines", "add", id, "CRM-Y", "--price", "-5"], "rita", Exit.refused, "cannot be negative"),
            (
                ["lines", "add", id, "CRM-Y", "--qty", "99999999999999999", "--price", "99999999"], "rita", Exit.refused,
                "comes to more than 99,999,999,999,999,999.99"
            ),
            (["lines", "add", id, "CRM-Y", "--qty", "abc"], "rita", Exit.usage, "not a number"),
            (["lines", "add", id, "--text", "Free"], "rita", Exit.usage, "needs --price"),
            (["lines", "add", id, "--text", " ", "--price", "1"], "rita", Exit.refused, "needs a text"),
            (["lines", "add", id], "rita", Exit.usage, "give a product CODE"),
            (["lines", "add", id, "CRM-Y", "--text", "x"], "rita", Exit.usage, "free line"),
            (["lines", "remove", id, "2"], "rita", Exit.refused, "no line 2"),
            (["lines", "remove", id, "x"], "rita", Exit.usage, "not a line number"),
            (["lines", "list", id, "--qty", "2"], "rita", Exit.usage, "goes with"),
            (["lines", "add", id, "CRM-Y"], "sam", Exit.notFound, "no deal"),
            (["lines", "add", "zzzzzzzz", "CRM-Y"], "rita", Exit.notFound, "no deal"),
            (["lines", "drop", id], "rita", Exit.usage, "unknown action"),
        ]
        for (arguments, user, status, text) in cases {
            let result = try runProgram(FunnelBinary.path, arguments, environment: box.environment(user: user), scratch: box.root)
            #expect(result.status == status, "\(result)")
            #expect(result.stderr.lowercased().contains(text.lowercased()), "\(result)")
            #expect(box.bytes(file) == before, "\(arguments) changed the deal")
        }
    }

    @Test func issuingNumbersFreezesLogsAndListsQuotes() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        try box.ok("lines", "add", id, "CRM-Y", "--qty", "2", user: "rita")
        let out = box.root + "/copy.pdf"
        let first = try box.ok("quote", id, "--out", out, user: "rita").output
        #expect(first == "Q-2026-0001 \(box.dataDir)/quotes/deals/rita/Q-2026-0001.pdf")
        #expect(box.bytes(out) == box.bytes(box.dataDir + "/quotes/deals/rita/Q-2026-0001.pdf"))
        #expect(box.bytes(out)?.prefix(5) == Data("%PDF-".utf8))
        #expect(try box.ok("quote", id, "--lang", "he", user: "rita").output.hasPrefix("Q-2026-0002 "))
        #expect(try box.ok("quote", id, "--lang", "ar", now: "2027-01-02T09:00:00Z").output.hasPrefix("Q-2027-0001 "))
        let deal = try box.deal(id)
        #expect(deal.string("value") == "2832.00", "the first quote's total became the deal's value")
        let quotes = try jsonArray(try box.ok("quotes", id, "--json", user: "rita").stdout)
        #expect(quotes.map { $0.string("number") } == ["Q-2026-0001", "Q-2026-0002", "Q-2027-0001"])
        #expect(quotes.map { $0.string("language") } == ["en", "he", "ar"])
        #expect(quotes[0].string("total") == "2832.00" && quotes[0].string("vat") == "432.00" && quotes[0].string("valid_until") == "2026-12-24")
        #expect(quotes[0].string("pdf") == box.dataDir + "/quotes/deals/rita/Q-2026-0001.pdf")
        let activities = try #require(deal["activities"] as? [[String: Any]])
        #expect(activities.filter { $0.string("kind") == "quote" }.count == 3)
        #expect(try box.ok("quotes", id).stdout.contains("Q-2027-0001"))
        // Lines changed afterwards never change an issued quote.
        try box.ok("lines", "remove", id, "1", user: "rita")
        #expect(try jsonArray(try box.ok("quotes", id, "--json").stdout)[0].string("total") == "2832.00")
    }

    @Test func openRunsXdgOpenWhenThereIsOneAndSaysSoWhenNot() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        try box.ok("lines", "add", id, "CRM-Y", user: "rita")
        let none = try box.run("quote", id, "--open", user: "rita", env: ["PATH": "/usr/bin:/bin:" + box.root + "/nothing"])
        #expect(none.ok && none.output.hasPrefix("Q-2026-0001 "), "issued even without a viewer: \(none)")
        // A stand-in xdg-open on PATH records what it was asked to open.
        let bin = box.root + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let script = bin + "/xdg-open"
        try "#!/bin/sh\necho \"$1\" > \(box.root)/opened\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let out = box.root + "/mine.pdf"
        let opened = try box.run("quote", id, "--open", "--out", out, user: "rita", env: ["PATH": bin + ":/usr/bin:/bin"])
        #expect(opened.ok && opened.output.hasPrefix("Q-2026-0002 "), "\(opened)")
        var recorded = ""
        for _ in 0..<100 where recorded.isEmpty {
            recorded = (try? String(contentsOfFile: box.root + "/opened", encoding: .utf8)) ?? ""
            if recorded.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(recorded == out + "\n")
        if !FileManager.default.fileExists(atPath: "/usr/bin/xdg-open") && !FileManager.default.fileExists(atPath: "/bin/xdg-open") {
            #expect(none.stderr.contains("xdg-open is not installed"), "\(none)")
        }
    }

    @Test func aRefusedQuoteUsesNoNumber() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        let file = try #require(box.dealFile(id))
        let before = box.bytes(file)
        let empty = try box.run("quote", id, user: "rita")
        #expect(empty.status == Exit.refused && empty.stderr.contains("no quote lines"), "\(empty)")
        try box.ok("lines", "add", id, "CRM-Y", user: "rita")
        let withLine = box.bytes(file)
        let template = box.dataDir + "/templates/quote/en.txt"
        let original = try String(contentsOfFile: template, encoding: .utf8)
        try (original + "\n[terms]\nPay by {due_date}\n").write(toFile: template, atomically: true, encoding: .utf8)
        let unknown = try box.run("quote", id, "--lang", "en", user: "rita")
        #expect(unknown.status == Exit.refused && unknown.stderr.contains("unknown placeholder {due_date}"), "\(unknown)")
        try "[greting]\nHi\n".write(toFile: template, atomically: true, encoding: .utf8)
        let section = try box.run("quote", id, "--lang", "en", user: "rita")
        #expect(section.status == Exit.refused && section.stderr.contains("unknown section [greting]"), "\(section)")
        try "[logo]\nmissing.png\n".write(toFile: template, atomically: true, encoding: .utf8)
        let logo = try box.run("quote", id, "--lang", "en", user: "rita")
        #expect(logo.status == Exit.refused && logo.stderr.contains("nothing was issued"), "\(logo)")
        for (arguments, status) in [(["quote", id, "--lang", "fr"], Exit.usage), (["quote", "zzzzzzzz"], Exit.notFound)] {
            let result = try runProgram(FunnelBinary.path, arguments, environment: box.environment(user: "rita"), scratch: box.root)
            #expect(result.status == status, "\(result)")
        }
        let hidden = try box.run("quote", id, user: "sam")
        #expect(hidden.status == Exit.notFound, "\(hidden)")
        #expect(box.bytes(file) == withLine && withLine != before)
        #expect(!FileManager.default.fileExists(atPath: box.dataDir + "/quotes/deals/rita/Q-2026-0001.pdf"))
        #expect(!FileManager.default.fileExists(atPath: box.dataDir + "/quotes/numbers/Q-2026-0001"))
        try original.write(toFile: template, atomically: true, encoding: .utf8)
        #expect(try box.ok("quote", id, user: "rita").output.hasPrefix("Q-2026-0001 "))
    }

    /// `--out` is checked before a number is used: never a file of the data directory, never a
    /// missing folder or a folder; a bare relative name works; an absurd counter is reported.
    @Test func outIsCheckedBeforeANumberIsUsed() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        try box.ok("lines", "add", id, "CRM-Y", user: "rita")
        let pipeline = box.bytes(box.dataDir + "/pipeline.json")
        for out in [
            box.dataDir + "/pipeline.json", box.dataDir + "/quotes/Q-2026-0001.pdf", box.root + "/nowhere/q.pdf",
            box.root, box.root + "/", "",
        ] {
            let result = try box.run("quote", id, "--out", out, user: "rita")
            #expect(result.status == Exit.usage && result.stderr.contains("--out"), "\(out): \(result)")
        }
        #expect(mkfifo(box.root + "/fifo", 0o600) == 0)
        let fifo = try box.run("quote", id, "--out", box.root + "/fifo", user: "rita")
        #expect(fifo.status == Exit.usage && fifo.stderr.contains("not a regular file"), "\(fifo)")
        #expect(box.bytes(box.dataDir + "/pipeline.json") == pipeline)
        let quotes = try box.run("quotes", id, "--json", user: "rita")
        #expect(quotes.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "no number used: \(quotes)")
        // A one-letter name in the working folder (the sandbox's root).
        let bare = try runProgram(
            FunnelBinary.path, ["quote", id, "--out", "q"], environment: box.environment(user: "rita"),
            scratch: box.root, workingDirectory: box.root)
        #expect(bare.ok && bare.stdout.hasPrefix("Q-2026-0001 "), "\(bare)")
        #expect(box.bytes(box.root + "/q")?.prefix(5) == Data("%PDF-".utf8))
        let counter = box.dataDir + "/quotes/numbers.json"
        try Data(#"{"quote_numbers":{"2026":9223372036854775807},"schema":1}"#.utf8).write(to: URL(fileURLWithPath: counter))
        let overflow = try box.run("quote", id, user: "rita")
        #expect(overflow.status == Exit.data && overflow.stderr.contains("numbers.json"), "\(overflow)")
    }

    /// Lines are priced in the deal's currency: changing it would relabel them, so it is refused.
    @Test func aDealWithLinesKeepsItsCurrency() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        try box.ok("lines", "add", id, "CRM-Y", user: "rita")
        let file = try #require(box.dealFile(id))
        let before = box.bytes(file)
        let refused = try box.run("edit", id, "--currency", "USD", user: "rita")
        #expect(refused.status == Exit.refused && refused.stderr.contains("quote lines priced in ILS"), "\(refused)")
        #expect(box.bytes(file) == before)
        try box.ok("edit", id, "--currency", "ils", "--notes", "same currency, any case", user: "rita")
        try box.ok("lines", "remove", id, "1", user: "rita")
        try box.ok("edit", id, "--currency", "USD", user: "rita")
    }

    @Test func aStageCanRequireAnIssuedQuote() throws {
        let (box, id) = try Self.prepared()
        defer { box.remove() }
        try editJSON(box.dataDir + "/pipeline.json") { file in
            var pipeline = file["pipeline"] as! [String: Any]
            var stages = pipeline["stages"] as! [[String: Any]]
            let index = stages.firstIndex { $0["id"] as? String == "meeting" }!
            stages[index]["requires"] = ["quote"]
            pipeline["stages"] = stages
            pipeline["quotes"] = ["vat_percent": "17", "valid_days": 14]
            file["pipeline"] = pipeline
        }
        let refused = try box.run("move", id, "meeting", user: "rita")
        #expect(refused.status == Exit.refused && refused.stderr.contains("needs an issued quote first"), "\(refused)")
        try box.ok("lines", "add", id, "CRM-Y", user: "rita")
        try box.ok("quote", id, user: "rita")
        let quote = try jsonArray(try box.ok("quotes", id, "--json").stdout)[0]
        #expect(quote.string("vat") == "204.00" && quote.string("valid_until") == "2026-12-08")
        try box.ok("move", id, "meeting", user: "rita")
    }
}
