import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Quotes across machines (docs/sync.md): the catalogue, the quote templates and every issued
/// quote's PDF travel with `funnel sync`, and each clone numbers its quotes in a series of its own,
/// so two laptops offline never give one number twice.
@Suite("Sync: quotes across machines", .serialized)
struct SyncQuotesTests {
    /// A shared team whose catalogue has one product, with a deal of each rep's and one of the manager's.
    func quotingTeam() throws -> (SyncTeam, [String: String]) {
        let team = try SyncTeam()
        try team.sandbox.initialize()
        try team.sandbox.ok("products", "add", "CRM-Y", "--name", "CRM, yearly licence", "--price", "1200")
        var ids: [String: String] = [:]
        ids["rita"] = try team.sandbox.add("Solar roof", "--owner", "rita")
        ids["sam"] = try team.sandbox.add("Heat pump", "--owner", "sam")
        ids["boss"] = try team.sandbox.add("Batteries")
        try team.setUp()
        return (team, ids)
    }

    /// The number `funnel quote` printed (`NUMBER PATH`).
    func number(_ result: RunResult) -> String { String(result.output.prefix { $0 != " " }) }

    @Test func eachCloneNumbersInItsOwnSeriesAndEveryPDFTravels() throws {
        let (team, ids) = try quotingTeam()
        defer { team.remove() }
        let year = "2026"
        // The manager's catalogue change reaches the reps.
        try team.ok("boss", "products", "add", "SETUP", "--name", "Installation", "--price", "450", "--vat-exempt")
        try team.ok("boss", "sync")
        for rep in ["rita", "sam"] {
            try team.ok(rep, "sync")
            try team.ok(rep, "lines", "add", ids[rep]!, "SETUP")
            try team.ok(rep, "lines", "add", ids[rep]!, "CRM-Y")
        }
        try team.ok("boss", "lines", "add", ids["boss"]!, "CRM-Y")
        // All three issue quotes apart, none synced in between (as offline).
        let numbers = [
            number(try team.ok("boss", "quote", ids["boss"]!)),
            number(try team.ok("rita", "quote", ids["rita"]!)),
            number(try team.ok("sam", "quote", ids["sam"]!)),
            number(try team.ok("sam", "quote", ids["sam"]!, "--lang", "he")),
        ]
        #expect(numbers == ["Q-\(year)-0001", "Q-\(year)-A-0001", "Q-\(year)-B-0001", "Q-\(year)-B-0002"])
        for person in ["rita", "sam", "boss", "rita", "sam"] { try team.ok(person, "sync") }
        let reference = team.files("boss")
        for person in ["rita", "sam"] { #expect(team.files(person) == reference, "\(person)'s clone differs from the manager's") }
        #expect(reference["products.json"].map { String(decoding: $0, as: UTF8.self).contains("SETUP") } == true)
        let pdfs = reference.keys.filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(
            pdfs == [
                "quotes/deals/boss/Q-\(year)-0001.pdf", "quotes/deals/rita/Q-\(year)-A-0001.pdf",
                "quotes/deals/sam/Q-\(year)-B-0001.pdf", "quotes/deals/sam/Q-\(year)-B-0002.pdf",
            ])
        #expect(reference.keys.filter { $0.hasPrefix("quotes/series/") }.sorted() == ["quotes/series/A", "quotes/series/B"])
        // The manager lists a rep's quotes, whose PDFs are there on the manager's machine.
        let quotes = try jsonArray(try team.ok("boss", "quotes", ids["sam"]!, "--json").stdout)
        #expect(quotes.map { $0.string("number") } == ["Q-\(year)-B-0001", "Q-\(year)-B-0002"])
        for quote in quotes { #expect(FileManager.default.fileExists(atPath: quote.string("pdf") ?? "/nothing")) }
        // Each series goes on from its own last number after the sync.
        #expect(number(try team.ok("rita", "quote", ids["rita"]!)) == "Q-\(year)-A-0002")
        #expect(number(try team.ok("boss", "quote", ids["boss"]!)) == "Q-\(year)-0002")
    }

    @Test func aCatalogueOrGoalChangeIsSentByTheNextSync() throws {
        let (team, _) = try quotingTeam()
        defer { team.remove() }
        try team.ok("boss", "sync")
        // No deal changed: the sync still sees the settings written into the data directory.
        try team.ok("boss", "products", "edit", "CRM-Y", "--price", "1100")
        let sent = try jsonObject(try team.ok("boss", "sync", "--json").stdout)
        #expect(sent["sent"] as? [String] == ["products.json"], "\(sent)")
        try team.ok("boss", "goals", "set", "--team", "--month", "2026-11", "--won-value", "100000")
        let goals = try jsonObject(try team.ok("boss", "sync", "--json").stdout)
        #expect(goals["sent"] as? [String] == ["goals.json"], "\(goals)")
        try team.ok("rita", "sync")
        #expect(try team.ok("rita", "goals", "list").stdout.contains("100,000"))
        #expect(try team.ok("rita", "products", "list").stdout.contains("1100.00"))
    }

    @Test func aQuoteTemplateChangedByTheManagerTravels() throws {
        let (team, _) = try quotingTeam()
        defer { team.remove() }
        let path = team.dataDir("boss") + "/templates/quote/en.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8) + "\nThank you from the whole team.\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let sent = try jsonObject(try team.ok("boss", "sync", "--json").stdout)
        #expect((sent["sent"] as? [String])?.contains("templates/quote/en.txt") == true, "\(sent)")
        try team.ok("rita", "sync")
        #expect(FileManager.default.contents(atPath: team.dataDir("rita") + "/templates/quote/en.txt") == Data(text.utf8))
    }

    @Test func aCloneWithoutASeriesIssuesNoneUntilItsNextSync() throws {
        let (team, ids) = try quotingTeam()
        defer { team.remove() }
        try team.ok("rita", "lines", "add", ids["rita"]!, "CRM-Y")
        // A clone made before quote series existed.
        let recorded = team.dataDir("rita") + "/.git/funnel-quote-series"
        #expect(String(decoding: FileManager.default.contents(atPath: recorded) ?? Data(), as: UTF8.self) == "A\n")
        unlink(recorded)
        let refused = try team.run("rita", ["quote", ids["rita"]!])
        #expect(refused.status == Exit.data && refused.stderr.contains("no quote series yet"), "\(refused)")
        let left = (try? FileManager.default.subpathsOfDirectory(atPath: team.dataDir("rita") + "/quotes")) ?? []
        #expect(!left.contains { $0.hasSuffix(".pdf") || $0.hasPrefix("numbers/Q-") }, "no PDF and no number: \(left)")
        let synced = try jsonObject(try team.ok("rita", "sync", "--json").stdout)
        #expect(synced.string("quote_series") == "C", "A and B are taken: \(synced)")
        #expect(number(try team.ok("rita", "quote", ids["rita"]!)) == "Q-2026-C-0001")
        let again = try jsonObject(try team.ok("rita", "sync", "--json").stdout)
        #expect(again.isNull("quote_series"))
    }

    @Test func twoClonesGivenSeriesAtOnceGetTwoSeries() throws {
        let (team, _) = try quotingTeam()
        defer { team.remove() }
        for rep in ["rita", "sam"] { unlink(team.dataDir(rep) + "/.git/funnel-quote-series") }
        // Both syncs at the same moment: one push loses the race and chooses again.
        var programs: [String: ProgramRun] = [:]
        for rep in ["rita", "sam"] {
            let env = team.sandbox.environment(user: rep, extra: ["FUNNEL_DATA_DIR": team.dataDir(rep)])
            programs[rep] = ProgramRun(FunnelBinary.path, ["sync", "--json"], environment: env)
        }
        let (results, failures) = runAtOnce(programs, scratch: team.sandbox.root, timeLimit: 30)
        #expect(failures.isEmpty, "\(failures)")
        var series: [String] = []
        for rep in ["rita", "sam"] {
            let result = try #require(results[rep])
            #expect(result.ok, "\(result)")
            series.append(try jsonObject(result.stdout).string("quote_series") ?? "")
        }
        #expect(Set(series) == ["C", "D"], "\(series)")
        for rep in ["rita", "sam", "boss"] { try team.ok(rep, "sync") }
        #expect(team.files("boss").keys.filter { $0.hasPrefix("quotes/series/") }.count == 4)
    }
}

/// What a teammate pushes with plain git is never trusted with the receiver's memory.
@Suite("Sync: a planted quote file", .serialized)
struct SyncPlantedQuoteTests {
    @Test func aPDFLargerThanFunnelWritesIsNeverWrittenOrRead() throws {
        let team = try SyncTeam()
        defer { team.remove() }
        try team.sandbox.initialize()
        try team.setUp()
        let path = "quotes/inbox/Q-2026-B-0001.pdf"
        let planted = team.dataDir("sam") + "/" + path
        try FileManager.default.createDirectory(atPath: team.dataDir("sam") + "/quotes/inbox", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: planted, contents: Data(count: (64 << 20) + 1)))
        try team.git("sam", ["add", path], ["commit", "-qm", "big"], ["push", "-q", "origin", "HEAD:main"])
        let report = try jsonObject(try team.ok("boss", "sync", "--json").stdout)
        #expect(
            (report["ignored"] as? [String])?.contains { $0.hasPrefix(path) && $0.contains("larger than funnel writes") } == true,
            "\(report)")
        #expect(!FileManager.default.fileExists(atPath: team.dataDir("boss") + "/" + path))
    }
}

/// A number planted far ahead never breaks issuing with a number too long to read.
@Suite("Quotes: a planted number")
struct PlantedQuoteNumberTests {
    @Test func aNumberPlantedAtTheLastSequenceIsNamedNotIssuedPast() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.initialize()
        try box.ok("products", "add", "CRM", "--name", "CRM", "--price", "100")
        let id = try box.add("Roof", "--owner", "rita")
        try box.ok("lines", "add", id, "CRM", user: "rita")
        try box.ok("quote", id, user: "rita")
        let planted = box.dataDir + "/quotes/numbers/Q-2026-999999999"
        #expect(FileManager.default.createFile(atPath: planted, contents: nil))
        let refused = try box.run("quote", id, user: "rita")
        #expect(refused.status == Exit.data && refused.stderr.contains(planted) && refused.stderr.contains("never issued"), "\(refused)")
        unlink(planted)
        #expect(try box.ok("quote", id, user: "rita").output.hasPrefix("Q-2026-0002 "))
    }
}
