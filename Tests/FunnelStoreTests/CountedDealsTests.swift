import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// `funnel report` reads only the snapshot's counted deals (`CountedDeals`): each is the whole
/// deal without its activities and details (`Deal.leaveOut`), the journal's changes applied, and
/// anything out of place makes the section unread.
@Suite struct CountedDealsTests {
    static let counted = DealParts.counted

    /// Deals with every detail set, ids given in no order.
    static func deals(_ count: Int) -> [Deal] {
        (0..<count).map { n in
            let id = String(format: "c%07d", (n * 7_919) % 100_003).replacingOccurrences(of: "0", with: "q")
            var deal = SFx.deal(id, owner: n % 5 == 0 ? "sam" : (n % 7 == 0 ? nil : "rita"), stage: n % 3 == 0 ? "won" : "new")
            deal.source = "web form \(n)"
            deal.priority = n % 2 == 0 ? .high : .low
            deal.callSteps = [.rapport, .closing]
            deal.paymentTerms = PaymentTerms(installments: 3, method: .bankTransfer)
            deal.assignments = [Assignment(at: SFx.now, by: "mia", from: nil, to: deal.owner)]
            deal.modules = [BilledModule(module: "Reports", at: SFx.now, by: "rita")]
            deal.history.append(StageChange(at: SFx.later(2), by: "rita", from: "new", to: deal.stage, pipeline: n % 4 == 0 ? "b2b" : nil))
            deal.activities = [Activity(at: SFx.later(1), by: "rita", kind: .call, outcome: .reached, note: "נענה")]
            deal.lostReason = n % 6 == 0 ? "price — מחיר" : nil
            deal.probability = n % 8 == 0 ? 40 : nil
            deal.expectedClose = n % 9 == 0 ? Day(iso: "2026-12-31") : nil
            if n % 10 == 0 { deal.value = nil }
            deal.revision = 3 + n % 4
            deal.updated = SFx.later(3)
            return deal
        }
    }

    static func withoutDetails(_ deal: Deal) -> Deal {
        var lean = deal
        lean.leaveOut(counted)
        return lean
    }

    @Test(arguments: [Int.max, 2_048, 1])
    func theCountedDealsAreTheWholeDealsWithoutTheirDetailsInTheOrderOfTheirIDs(partBytes: Int) throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        let deals = Self.deals(300)
        try cache.write(deals, fingerprint: "fp", countedPartBytes: partBytes)
        let readLoaded = cache.loadCounted(fingerprint: "fp", wanted: { _ in true })
        let read = try #require(readLoaded)
        #expect(read.total == 300)
        #expect(read.deals == deals.sorted { $0.id < $1.id }.map(Self.withoutDetails))
        #expect(read.deals.allSatisfy { $0.leftOut == Self.counted && $0.title.isEmpty && $0.history.allSatisfy(\.by.isEmpty) })
        let samsLoaded = cache.loadCounted(fingerprint: "fp", wanted: { $0.owner == "sam" })
        let sams = try #require(samsLoaded)
        #expect(sams.deals == deals.filter { $0.owner == "sam" }.sorted { $0.id < $1.id }.map(Self.withoutDetails))
        let otherFingerprint = cache.loadCounted(fingerprint: "other", wanted: { _ in true })
        #expect(otherFingerprint == nil)
        // The same deals as the deals' own reader gives without those parts, and never written.
        let leavingLoaded = cache.load(fingerprint: "fp", wanted: { _ in true }, leaving: Self.counted)
        let leaving = try #require(leavingLoaded)
        #expect(leaving.deals == Dictionary(uniqueKeysWithValues: read.deals.map { ($0.id, $0) }))
        #expect(throws: (any Error).self) { try FunnelJSON.encoder().encode(read.deals[0]) }
    }

    /// 40 deals in a snapshot, then a journal: one moved to won, one given to sam, one added,
    /// and `more` after them.
    static func journalled(_ cache: SnapshotCache, more: (_ deals: [Deal]) -> [Deal] = { _ in [] }) throws -> (
        deals: [Deal], changed: Deal, gone: Deal, added: Deal
    ) {
        let deals = Self.deals(40).sorted { $0.id < $1.id }
        try cache.write(deals, fingerprint: "fp")
        var changed = deals[3]
        changed.stage = "won"
        var gone = deals[5]
        gone.owner = "sam"
        let added = SFx.deal("zzzznew1", owner: "rita")
        try cache.append([changed, gone, added] + more(deals), before: "fp", after: "fp2")
        return (deals, changed, gone, added)
    }

    @Test func theJournalsChangesComeInTheirPlaceOrAfter() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        let (deals, changed, gone, added) = try Self.journalled(cache)
        let readLoaded = cache.loadCounted(fingerprint: "fp2", wanted: { $0.owner != "sam" })
        let read = try #require(readLoaded)
        var expected = deals.filter { $0.owner != "sam" }
        expected[expected.firstIndex { $0.id == changed.id }!] = changed
        expected.removeAll { $0.id == gone.id }
        expected.append(added)
        #expect(read.deals == expected.map(Self.withoutDetails))
        let beforeJournal = cache.loadCounted(fingerprint: "fp", wanted: { _ in true })
        #expect(beforeJournal == nil, "the journal recorded a later fingerprint")
    }

    /// A snapshot naming one id twice (never written so) is read by neither reader.
    @Test func aSnapshotNamingOneIDTwiceIsNotRead() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        let deals = Self.deals(3)
        var again = deals[1]
        again.title = "the same id again"
        try cache.write(deals + [again], fingerprint: "fp")
        let whole = cache.load(fingerprint: "fp")
        #expect(whole == nil)
        let counted = cache.loadCounted(fingerprint: "fp", wanted: { _ in true })
        #expect(counted == nil)
    }

    /// A part whose ids are out of order, repeated, or not after the part before is not read.
    @Test func idsOutOfOrderOrRepeatedAreNotRead() throws {
        let deals = Self.deals(3).sorted { $0.id < $1.id }
        func part(_ deals: [Deal]) -> [UInt8] {
            var w = BinaryWriter()
            for deal in deals {
                var one = BinaryWriter()
                CountedDeals.write([deal], to: &one, partBytes: Int.max)
                w.append(Array(one.bytes.dropFirst(8)))  // its record, without the part's length and checksum
            }
            return w.bytes
        }
        func read(_ bytes: [UInt8], after: String? = nil) -> [Deal]? {
            bytes.withUnsafeBytes { CountedDeals.read($0, after: after, wanted: { _ in true })?.deals }
        }
        #expect(read(part(deals))?.map(\.id) == deals.map(\.id))
        #expect(read(part([deals[0], deals[2], deals[1]])) == nil)
        #expect(read(part([deals[0], deals[0]])) == nil)
        #expect(read(part(deals), after: deals[1].id) == nil)
        #expect(read(Array(part(deals).dropLast())) == nil, "a record short of its length")
    }
}

/// `funnel report` reads the counted deals straight into a report's rows (`ReportRows`): the same
/// rows, text for text, as those of the counted deals themselves, the journal's later versions
/// instead of the snapshot's, and nothing when a record breaks a deal's limits.
extension CountedDealsTests {
    /// Each row as its texts and figures, its changes as its pipeline sees them.
    static func described(_ rows: ReportRows) -> [String] {
        func text(_ i: Int32) -> String { i < 0 ? "-" : rows.texts[Int(i)] }
        return rows.rows.map { row in
            let changes = rows.changes[Int(row.firstChange)..<Int(row.firstChange + row.changeCount)]
                .map { "\($0.at.timeIntervalSince1970) \(text($0.from))>\(text($0.to))" }
            return [
                text(row.stage), text(row.owner), text(row.currency), text(row.lostReason), "\(String(describing: row.value))",
                "\(String(describing: row.hundredths))", "\(String(describing: row.probability))", "\(row.created)", "\(row.stageEntered)",
                "\(String(describing: row.nextAction))", "\(String(describing: row.expectedClose))",
            ].joined(separator: "|") + " " + changes.joined(separator: ",")
        }
    }

    @Test(arguments: [Int.max, 2_048, 1])
    func theRowsReadFromTheCacheAreTheRowsOfTheCountedDeals(partBytes: Int) throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        var deals = Self.deals(300)
        deals[1].value = Decimal(string: "12.345")
        deals[2].history = [StageChange(at: SFx.now, by: "rita", from: nil, to: "new", pipeline: "b2b")]
        try cache.write(deals, fingerprint: "fp", countedPartBytes: partBytes)
        for wanted: @Sendable (DealHead) -> Bool in [{ _ in true }, { $0.owner == "sam" }] {
            let countedLoaded = cache.loadCounted(fingerprint: "fp", wanted: wanted)
            let rowsLoaded = cache.loadCountedRows(fingerprint: "fp", wanted: wanted)
            let counted = try #require(countedLoaded)
            let rows = try #require(rowsLoaded)
            #expect(rows.total == 300)
            #expect(Self.described(rows.rows) == Self.described(ReportRows(counted.deals)))
        }
        let otherFingerprint = cache.loadCountedRows(fingerprint: "other", wanted: { _ in true })
        #expect(otherFingerprint == nil)
    }

    @Test func theRowsTakeTheJournalsLaterVersions() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        // One deal changed twice in the journal: its last version counts.
        let (deals, _, _, _) = try Self.journalled(cache) { deals in
            var twice = deals[7]
            twice.probability = 10
            var again = twice
            again.probability = 20
            return [twice, again]
        }
        let countedLoaded = cache.loadCounted(fingerprint: "fp2", wanted: { $0.owner != "sam" })
        let rowsLoaded = cache.loadCountedRows(fingerprint: "fp2", wanted: { $0.owner != "sam" })
        let counted = try #require(countedLoaded)
        let rows = try #require(rowsLoaded)
        #expect(Self.described(rows.rows).sorted() == Self.described(ReportRows(counted.deals)).sorted())
        #expect(rows.rows.rows.count == deals.filter { $0.owner != "sam" }.count)
    }

    @Test func aRecordPastADealsLimitsIsNotRead() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let cache = SnapshotCache(directory: tmp.path + "/cache")
        var deals = Self.deals(10)
        deals[4].expectedClose = Day(daysSinceEpoch: 90_000_000)
        try cache.write(deals, fingerprint: "fp")
        let counted = cache.loadCounted(fingerprint: "fp", wanted: { _ in true })
        let rows = cache.loadCountedRows(fingerprint: "fp", wanted: { _ in true })
        #expect(counted == nil)
        #expect(rows == nil)
    }
}
