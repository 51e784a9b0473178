import Foundation
import Testing

@testable import FunnelCore

@Suite("Import planning: every deal through the domain's rules")
struct ImportPlannerTests {
    static func plan(
        _ csv: String, options: ImportOptions = ImportOptions(source: .csv), existing: [Deal] = [],
        actor: User = Fx.manager
    ) throws -> [PlannedRow] {
        var counter = 0
        var planner = ImportPlanner(
            funnel: Fx.funnel(), actor: actor, options: options, existing: existing, now: Fx.now,
            utcOffset: 0,
            makeID: {
                counter += 1
                return "imp\(String(counter).count == 1 ? "0000" : "000")\(counter)"
            })
        let table = try ImportTable.parse(csv).get()
        return try planner.plan(table).get().rows
    }

    static func error(_ row: PlannedRow) -> String? {
        if case .error(let text) = row.outcome { return text } else { return nil }
    }

    /// A line break inside a quoted note is a line break: CRLF (Windows' tools) is read as LF,
    /// as docs/import.md says; and a guarded cell that is only a tab is that tab again.
    @Test func aNotesCRLFIsALineBreakAndAGuardedTabStaysATab() throws {
        let csv = "title,company,notes\r\nT1,'\t,\"a\r\nb\"\r\nT2,Acme,plain\r\n"
        let rows = try Self.plan(csv)
        guard case .create(let first, _) = rows[0].outcome, case .create(let second, _) = rows[1].outcome else {
            Issue.record("\(rows)")
            return
        }
        #expect(first.notes == "a\nb")
        #expect(first.company == "\t")
        #expect(second.company == "Acme" && second.notes == "plain" && second.title == "T2")
    }

    @Test func rulesRefuseRowsAndSayWhy() throws {
        let rows = try Self.plan(
            """
            title,status,value,lost_reason,stage,next_action_date,owner
            Won without value,won,,,,,rita
            Lost without listed reason,lost,,Moon phase,,,rita
            Follow-up without next action,,,,Follow-up,,rita
            Fine,won,100,,,,rita
            Lost fine,lost,,price,,,rita
            """)
        #expect(Self.error(rows[0])?.contains("value") == true, "\(rows[0].outcome)")
        #expect(Self.error(rows[1]) != nil, "R7: an unlisted reason")
        #expect(Self.error(rows[2]) != nil, "R6: needs a next action")
        guard case .create(let won, _) = rows[3].outcome, case .create(let lost, _) = rows[4].outcome else {
            Issue.record("\(rows[3].outcome) \(rows[4].outcome)")
            return
        }
        #expect(won.stage == "customer" && won.value == 100)
        #expect(lost.stage == "not-relevant" && lost.lostReason == "Price")
    }

    @Test func stagesAndOwnersAreMatchedLoosely() throws {
        let rows = try Self.plan(
            """
            title,stage,owner,created
            A,  meeting/QUOTE ,RITA@example.com,24/10/2026 14:05
            B,Negotiation,Sam  Rep,2026-10-01
            C,Negotiation,nobody,
            """)
        guard case .create(let a, _) = rows[0].outcome, case .create(let b, let notes) = rows[1].outcome else {
            Issue.record("\(rows)")
            return
        }
        #expect(a.stage == "meeting" && a.owner == "rita")
        #expect(Timestamp.format(a.created) == "2026-10-24T14:05:00Z")
        #expect(b.stage == "new" && b.owner == "sam" && notes.first?.contains("Negotiation") == true)
        #expect(Self.error(rows[2])?.contains("nobody") == true)
        let strict = try Self.plan("title,stage\nB,Negotiation\n", options: ImportOptions(source: .csv, strict: true))
        #expect(Self.error(strict[0])?.contains("--strict") == true)
    }

    /// Accounts differing only in case are two people: the one written exactly wins.
    @Test func anOwnerWrittenExactlyIsThatAccount() {
        let team = Team(users: [
            User(account: "bob", name: "Bob Levi", role: .rep), User(account: "Bob", name: "Bob Cohen", role: .rep),
            User(account: "rita", name: "Rita Rep", role: .rep),
        ])
        #expect(ImportValues.owner("bob", in: team)?.name == "Bob Levi")
        #expect(ImportValues.owner("Bob", in: team)?.name == "Bob Cohen")
        #expect(ImportValues.owner(" Bob ", in: team)?.name == "Bob Cohen")
        #expect(ImportValues.owner("RITA", in: team)?.account == "rita", "otherwise case is ignored")
        #expect(ImportValues.owner("Rita Rep", in: team)?.account == "rita")
    }

    @Test func duplicatesAndEarlierImportsCreateNothing() throws {
        let csv = "title,company,phone\nA,Acme,054-1234567\nB,Other,+972 54 123 4567\nA,ACME ,\n"
        let rows = try Self.plan(csv)
        guard case .create(var first, _) = rows[0].outcome else { Issue.record("\(rows[0])"); return }
        if case .duplicate(let id, let by) = rows[1].outcome { #expect(id == first.id && by == "phone") } else { Issue.record("\(rows[1])") }
        if case .duplicate(_, let by) = rows[2].outcome { #expect(by == "title and company") } else { Issue.record("\(rows[2])") }
        #expect(ImportKey.find(in: first.source) != nil)
        first.id = "zzzz2345"
        let again = try Self.plan(csv, existing: [first])
        if case .alreadyImported(let id) = again[0].outcome { #expect(id == "zzzz2345") } else { Issue.record("\(again[0])") }
    }

    @Test func importKeysSurviveAnExportOfImportedDeals() {
        let key = ImportKey.of(["A", "Acme"])
        #expect(key.count == 16 && key == ImportKey.of([" A ", "Acme"]))
        let source = ImportKey.source("web form", key: key)
        #expect(source == "web form [import:\(key)]")
        #expect(ImportKey.of(["A", source]) == key)
        #expect(ImportKey.source(source, key: key) == source)
    }
}
