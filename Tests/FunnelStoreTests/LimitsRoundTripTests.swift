import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// What the writer accepts, the reader takes back: random values within `Limits` for every
/// field, through the JSON files and the snapshot cache's binary coding.
@Suite("Limits: what is written reads back")
struct LimitsRoundTripTests {
    static let owners: [String?] = ["rita", "sam", "mia", nil]

    @Test(arguments: [UInt64(1), 2, 3])
    func randomDealsWithinTheLimitsReadBackEqualFromTheirFiles(seed: UInt64) throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        var random = RandomDeals(seed: seed)
        var written: [String: Deal] = [:]
        for _ in 0..<40 {
            let deal = random.deal(owners: Self.owners)
            #expect(ValuesWithinLimits.violation(in: deal) == nil, "the generator stays within the limits")
            try store.insert(deal)
            written[deal.id] = deal
            let read = try store.loadDeal(id: deal.id)
            #expect(read == deal, "seed \(seed), deal \(deal.id)")
        }
        let all = try store.loadDealFiles()
        #expect(all.deals == written)
        #expect(all.unreadable.isEmpty)
    }

    @Test(arguments: [UInt64(11), 12, 13])
    func randomDealsWithinTheLimitsReadBackEqualFromTheSnapshotCache(seed: UInt64) throws {
        var random = RandomDeals(seed: seed)
        let deals = (0..<60).map { _ in random.deal(owners: Self.owners) }
        for deal in deals {
            var w = BinaryWriter()
            DealBinary.write(deal, to: &w)
            let read = try w.bytes.withUnsafeBytes { raw in
                var r = BinaryReader(raw)
                return try DealBinary.read(&r)
            }
            #expect(read == deal, "seed \(seed), deal \(deal.id)")
        }
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        try cache.write(deals, fingerprint: "fp")
        #expect(cache.load(fingerprint: "fp") == Dictionary(uniqueKeysWithValues: deals.map { ($0.id, $0) }))
    }

    /// Random edits through the domain, some just past a limit: each accepted one reads back
    /// equal; each refused one names the limit it passed, and the file is unchanged.
    @Test func changesThroughTheDomainAreAcceptedExactlyWhenWithinTheLimits() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let funnel = Funnel(pipeline: PipelineTemplate.simple.pipeline, team: SFx.team)
        try store.insert(SFx.deal("abcd2345"))
        var random = RandomDeals(seed: 42)
        var accepted = 0, refused = 0
        for round in 0..<120 {
            var edit = DealEdit()
            var fits = true
            func length(_ limit: Int) -> String {
                let n = random.int(max(1, limit - 2)...(limit + 1))
                if n > limit { fits = false }
                return String(repeating: "ت", count: n)
            }
            switch round % 4 {
            case 0: edit.title = length(Limits.fieldLength)
            case 1: edit.notes = length(Limits.notesLength)
            case 2:
                let cents = random.int(0...2) - 1  // one cent under, at, or over the largest value
                let value = Limits.maximumAmount + Decimal(cents) / 100
                if value > Limits.maximumAmount { fits = false }
                edit.value = .some(value)
            default:
                let day = Limits.latestDay.adding(days: random.int(-1...1))
                if day > Limits.latestDay { fits = false }
                edit.nextAction = .some(NextAction(date: day, text: "call"))
            }
            let path = store.root + "/deals/rita/abcd2345.json"
            let before = bytes(path)
            let result = try store.update(id: "abcd2345") { funnel.apply(.edit(edit), to: $0, by: SFx.rita, now: SFx.now) }
            switch result {
            case .saved(let deal):
                #expect(fits, "round \(round) passed a limit and was saved")
                #expect(try store.loadDeal(id: "abcd2345") == deal)
                accepted += 1
            case .refused(let refusal):
                #expect(!fits, "round \(round) was within the limits: \(refusal)")
                #expect(bytes(path) == before)
                refused += 1
            case .notFound:
                Issue.record("the deal vanished")
            }
        }
        #expect(accepted > 20 && refused > 20)
    }
}
