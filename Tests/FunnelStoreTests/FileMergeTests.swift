import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// `FileMerge`: what `funnel merge-deal` and `funnel sync` write is always a file the store's
/// strict reader accepts, or nothing.
@Suite("Sync: files merged and read back")
struct FileMergeTests {
    static let now = SFx.now

    func file<T: StoredBody>(_ body: T) throws -> Data { try FunnelJSON.encoder().encode(StoredFile(body: body)) }

    func deal(_ title: String, notes: String = "", updated: TimeInterval = 0) -> Deal {
        var deal = Deal(
            id: "abcd2345", title: title, currency: "ILS", owner: "rita", stage: "new", created: Self.now,
            notes: notes, history: [StageChange(at: Self.now, by: "rita", from: nil, to: "new")])
        deal.updated = Self.now.addingTimeInterval(updated)
        return deal
    }

    @Test func aDealMergedByItsNameOrByItsContentReadsBack() throws {
        let base = try file(deal("Roof")), ours = try file(deal("Roof, 40 panels", updated: 60))
        let theirs = try file(deal("Roof", notes: "call back", updated: 120))
        for path in ["deals/rita/abcd2345.json", ".merge_file_Xy12"] {
            let outcome = try FileMerge.merge(base: base, ours: ours, theirs: theirs, path: path)
            let merged = try FunnelJSON.decode(StoredFile<Deal>.self, from: outcome.data, path: path).body
            #expect(merged.title == "Roof, 40 panels" && merged.notes == "call back")
            #expect(outcome.conflicts.isEmpty)
            #expect(!String(decoding: outcome.data, as: UTF8.self).contains("<<<<<<<"))
        }
    }

    @Test func anEmptyBaseIsNoBase() throws {
        let outcome = try FileMerge.merge(
            base: Data(), ours: try file(deal("A", updated: 1)), theirs: try file(deal("B", updated: 2)),
            path: "inbox/abcd2345.json")
        #expect(outcome.deal?.title == "B")
        #expect(outcome.conflicts.count == 1)
    }

    @Test func aSideThatCannotBeReadIsAnErrorNamingTheFile() throws {
        #expect(throws: StoreError.self) {
            try FileMerge.merge(base: nil, ours: try file(deal("A")), theirs: Data("<<<<<<< HEAD".utf8), path: "deals/rita/abcd2345.json")
        }
        var unknown = try JSONSerialization.jsonObject(with: try file(deal("A"))) as! [String: Any]
        var body = unknown["deal"] as! [String: Any]
        body["surprise"] = 1
        unknown["deal"] = body
        #expect(throws: StoreError.self) {
            try FileMerge.merge(
                base: nil, ours: try JSONSerialization.data(withJSONObject: unknown), theirs: try file(deal("A")),
                path: ".merge_file_1")
        }
    }

    @Test func pipelinesMergeByStageAndAnInvalidResultIsRefused() throws {
        let base = PipelineTemplate.simple.pipeline
        let merged = try mergedPipeline(base, renaming: "First call", addingReason: "Timing", path: "pipeline.json")
        #expect(merged.stages[1].name == "First call" && merged.lostReasons.last == "Timing")
        // Both sides add a stage with one id and different kinds: the merged pipeline must still check out.
        var a = base, b = base
        a.stages.removeAll { $0.kind == .open && $0.id != base.stages[1].id }
        b.stages = b.stages.map {
            var s = $0; if s.kind == .open { s.kind = .won }; return s
        }
        #expect(throws: StoreError.self) {
            try FileMerge.merge(base: try file(base), ours: try file(a), theirs: try file(b), path: "pipeline.json")
        }
    }

    @Test func teamsMergeByAccount() throws {
        let base = [User(account: "dana", name: "Dana", role: .manager)]
        let ours = base + [User(account: "rita", name: "Rita", role: .rep)]
        let theirs = base + [User(account: "sam", name: "Sam", role: .rep)]
        let outcome = try FileMerge.merge(base: try file(base), ours: try file(ours), theirs: try file(theirs), path: "team.json")
        let users = try FunnelJSON.decode(StoredFile<[User]>.self, from: outcome.data, path: "team.json").body
        // Each addition after the user it follows on its side: theirs after dana, ours kept after it.
        #expect(Set(users.map(\.account)) == ["dana", "rita", "sam"] && users.first?.account == "dana")
    }

    @Test func cataloguesMergeByProductCode() throws {
        let crm = Product(code: "CRM", name: "CRM licence", price: 1200, currency: "ILS")
        let base = ProductCatalogue(products: [crm])
        var ours = base, theirs = base
        ours.products[0].price = 1100
        ours.products.append(Product(code: "SETUP", name: "Installation", price: 450, currency: "ILS", vatExempt: true))
        theirs.products[0].name = "CRM, yearly licence"
        theirs.products.append(Product(code: "SUPPORT", name: "Support", price: 99, currency: "ILS"))
        let outcome = try FileMerge.merge(base: try file(base), ours: try file(ours), theirs: try file(theirs), path: "products.json")
        let merged = try FunnelJSON.decode(StoredFile<ProductCatalogue>.self, from: outcome.data, path: "products.json").body
        #expect(Set(merged.products.map(\.code)) == ["CRM", "SETUP", "SUPPORT"] && merged.products.first?.code == "CRM")
        #expect(merged.products[0].price == 1100 && merged.products[0].name == "CRM, yearly licence")
        #expect(outcome.conflicts.isEmpty)
        // The same code added on both sides in two cases is two products the reader refuses: no merge.
        var clash = base
        clash.products.append(Product(code: "crm", name: "x", price: 1, currency: "ILS"))
        #expect(throws: StoreError.self) {
            try FileMerge.merge(base: nil, ours: try file(base), theirs: try file(clash), path: "products.json")
        }
    }

    @Test func goalsMergeByMonthSellerAndKind() throws {
        let november = try #require(Month(year: 2026, month: 11)), december = try #require(Month(year: 2026, month: 12))
        let team = Goal(month: november, seller: nil, kind: .wonValue, target: 200_000)
        let base = GoalBook(goals: [team])
        var ours = base, theirs = base
        ours.goals[0].target = 250_000
        ours.goals.append(Goal(month: november, seller: "rita", kind: .wonDeals, target: 5))
        theirs.goals.append(Goal(month: november, seller: "rita", kind: .activities, target: 120))
        theirs.goals.append(Goal(month: december, seller: nil, kind: .wonValue, target: 300_000))
        let outcome = try FileMerge.merge(base: try file(base), ours: try file(ours), theirs: try file(theirs), path: "goals.json")
        let merged = try FunnelJSON.decode(StoredFile<GoalBook>.self, from: outcome.data, path: "goals.json").body
        #expect(merged.goals.count == 4 && outcome.conflicts.isEmpty)
        #expect(merged.goals.first { $0.seller == nil && $0.month == november }?.target == 250_000)
        #expect(Set(merged.goals.filter { $0.seller == "rita" }.map(\.kind)) == [.wonDeals, .activities])
        // The same goal's target changed on both sides: the version already shared wins, and says so.
        theirs.goals[0].target = 180_000
        let clash = try FileMerge.merge(base: try file(base), ours: try file(ours), theirs: try file(theirs), path: "goals.json")
        let settled = try FunnelJSON.decode(StoredFile<GoalBook>.self, from: clash.data, path: "goals.json").body
        #expect(settled.goals.first { $0.seller == nil && $0.month == november }?.target == 180_000)
        #expect(clash.conflicts.count == 1)
    }

    @Test func onlyFunnelsFilesTravel() {
        for path in [
            "pipeline.json", "team.json", "products.json", "goals.json", "inbox/abcd2345.json", "deals/rita/abcd2345.json",
            "templates/mail/no-answer-he.txt", "templates/quote/he.txt", "quotes/deals/rita/Q-2026-0001.pdf",
            "quotes/inbox/Q-2026-AB-0012.pdf", "quotes/Q-2025-0003.pdf", "quotes/numbers/Q-2026-B-0001", "quotes/series/AB",
            ".gitignore", ".gitattributes",
        ] {
            #expect(SyncFiles.isSyncable(path), "\(path)")
        }
        for path in [
            "run-me.sh", "deals/../x.json", "../pipeline.json", "deals/pipeline.json", "x/pipeline.json",
            "pipelines/main.json", "pipelines/../pipeline.json", "deals/.hidden/abcd2345.json", "inbox/a/b.json", "cache/snapshot.bin",
            "deals/rita/x y.json", "templates/mail/../../pipeline.txt", ".git/config", "quarantine/x.json",
            "quotes/deals/rita/notes.pdf", "quotes/deals/../x/Q-2026-0001.pdf", "quotes/series/abc", "quotes/series/ABCD",
            "quotes/numbers/Q-2026-1", "quotes/numbers.json", "quotes/inbox/Q-2026-ab-0001.pdf", "templates/quote/x/he.txt",
        ] {
            #expect(!SyncFiles.isSyncable(path), "\(path)")
        }
        #expect(SyncFiles.dealID("deals/rita/abcd2345.json") == "abcd2345")
        #expect(SyncFiles.dealID("pipeline.json") == nil)
    }
}

@Suite("funnel doctor's commands to paste")
struct DoctorShellWordsTests {
    @Test func aPathIsOneShellWord() {
        #expect(Doctor.shellQuoted("/home/dana/.local/share/funnel") == "/home/dana/.local/share/funnel")
        #expect(Doctor.shellQuoted("abc123:deals/rita/x.json") == "abc123:deals/rita/x.json")
        #expect(Doctor.shellQuoted("/tmp/b 2 $(id)") == "'/tmp/b 2 $(id)'")
        #expect(Doctor.shellQuoted("it's") == #"'it'\''s'"#)
        #expect(Doctor.shellQuoted("") == "''")
    }
}

@Suite("git's reason for failing")
struct GitReasonTests {
    @Test func theFatalLineNotTheAdviceAfterIt() {
        let offline = Git.Output(
            status: 128, stdout: Data(),
            stderr: "fatal: '/x/team.git' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\n"
                + "Please make sure you have the correct access rights\nand the repository exists.\n")
        #expect(offline.reason == "fatal: '/x/team.git' does not appear to be a git repository")
        #expect(Git.Output(status: 1, stdout: Data(), stderr: "hint: a\nsomething went wrong\n").reason == "something went wrong")
        #expect(Git.Output(status: 3, stdout: Data(), stderr: "").reason == "git exited with status 3")
    }
}
