import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// A hand-edited file with a value past the limits is reported as corrupt, naming the file and
/// the value — never a crash (the Int.max revision used to trap in `revision + 1`).
@Suite("Limits: hostile values in files")
struct LimitsFileTests {
    /// Rewrites fields of the deal object in a deal file.
    static func edit(_ path: String, _ change: (inout [String: Any]) -> Void) throws {
        let data = try #require(bytes(path))
        var file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var deal = try #require(file["deal"] as? [String: Any])
        change(&deal)
        file["deal"] = deal
        try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: path))
    }

    @Test func aRevisionAtIntMaxIsCorruptNotACrash() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345"))
        let path = store.root + "/deals/rita/abcd2345.json"
        try Self.edit(path) { $0["revision"] = Int.max }
        let hostile = bytes(path)

        guard case .corrupt(let reported, let detail)? = storeError({ try store.loadDeals() }) else {
            Issue.record("expected corrupt"); return
        }
        #expect(reported == path)
        #expect(detail.contains("revision \(Int.max) is outside 1 … 1000000000"))
        var called = false
        let failed = storeError {
            try store.update(id: "abcd2345") { deal in
                called = true
                return SFx.funnel.apply(.callStep(.rapport, done: true), to: deal, by: SFx.rita, now: SFx.now)
            }
        }
        guard case .corrupt(let again, _)? = failed else { Issue.record("edit should fail as corrupt"); return }
        #expect(again == path)
        #expect(!called)
        #expect(bytes(path) == hostile)
    }

    static let hostile: [(String, @Sendable (inout [String: Any]) -> Void, String)] = [
        ("revision 0", { $0["revision"] = 0 }, "revision 0 is outside"),
        ("value too large", { $0["value"] = "100000000000000000" }, "cannot be more than 99,999,999,999,999,999.99"),
        ("value 20 digits", { $0["value"] = "99999999999999999999" }, "cannot be more than"),
        ("installments 0", { $0["payment_terms"] = ["installments": 0, "method": "cheques"] }, "use 1 to 120"),
        ("installments Int.max", { $0["payment_terms"] = ["installments": Int.max, "method": "cheques"] }, "use 1 to 120"),
        ("installments -1", { $0["payment_terms"] = ["installments": -1, "method": "cheques"] }, "use 1 to 120"),
        ("day before 1970", { $0["next_action"] = ["date": "1969-12-31", "text": ""] }, "1969-12-31 is outside"),
        ("created before 1970", { $0["created"] = "1969-12-31T23:59:59Z" }, "created time is outside"),
        ("time in year 10000", { $0["updated"] = "9999-12-31T23:00:00-05:00" }, "updated time is outside"),
        ("title too long", { $0["title"] = String(repeating: "x", count: 501) }, "title is longer than 500"),
        ("notes too long", { $0["notes"] = String(repeating: "x", count: 20_001) }, "notes is longer than 20000"),
        (
            "activity note too long",
            {
                $0["activities"] = [
                    [
                        "at": "2026-11-24T09:00:00Z", "by": "rita", "kind": "note",
                        "note": String(repeating: "x", count: 8_001),
                    ]
                ]
            }, "activity note is longer than 8000"
        ),
    ]

    @Test func valuesPastTheLimitsAreCorruptAndNameTheFile() throws {
        for (name, change, expected) in Self.hostile {
            let tmp = try TempDir()
            defer { tmp.remove() }
            let store = try tmp.store()
            try store.insert(SFx.deal("abcd2345"))
            let path = store.root + "/deals/rita/abcd2345.json"
            try Self.edit(path, change)
            guard case .corrupt(let reported, let detail)? = storeError({ try store.loadDeal(id: "abcd2345") }) else {
                Issue.record("\(name): expected corrupt"); continue
            }
            #expect(reported == path, "\(name)")
            #expect(detail.contains(expected), "\(name): \(detail)")
        }
    }

    @Test func thePipelinesSettingsAreBoundedToo() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let path = store.root + "/pipeline.json"
        let data = try #require(bytes(path))
        var file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var pipeline = try #require(file["pipeline"] as? [String: Any])
        pipeline["follow_up_days"] = Int.max
        file["pipeline"] = pipeline
        try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: path))
        guard case .corrupt(let reported, let detail)? = storeError({ try store.loadFunnel() }) else {
            Issue.record("expected corrupt"); return
        }
        #expect(reported == path)
        #expect(detail.contains("follow_up_days \(Int.max) is outside 0 … 365"))
    }

    @Test func aCachedDealPastTheLimitsIsNotTrusted() throws {
        var hostile = SFx.deal("abcd2345")
        hostile.revision = Int.max
        var nan = SFx.deal("abcd2345")
        nan.updated = Date(timeIntervalSince1970: .nan)
        var installments = SFx.deal("abcd2345")
        installments.paymentTerms = PaymentTerms(installments: 0, method: .cheques)
        for deal in [hostile, nan, installments] {
            var w = BinaryWriter()
            DealBinary.write(deal, to: &w)
            #expect(throws: CacheUnreadable.self) {
                try w.bytes.withUnsafeBytes { raw in
                    var r = BinaryReader(raw)
                    return try DealBinary.read(&r)
                }
            }
        }
    }

    @Test func theStoreNeverWritesADealItCouldNotRead() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        var deal = SFx.deal("abcd2345")
        deal.value = Decimal(string: "100000000000000000")
        guard case .io(_, let detail)? = storeError({ try store.insert(deal) }) else {
            Issue.record("expected a refused write"); return
        }
        #expect(detail.contains("cannot be more than"))
        #expect(!exists(store.root + "/deals/rita/abcd2345.json"))
        #expect(try store.loadDeals().isEmpty)
    }
}
