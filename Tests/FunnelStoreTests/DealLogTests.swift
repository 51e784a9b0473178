import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// A deal read from the snapshot keeps its activities packed (`DealLog`): it reads, compares,
/// hashes and changes as a deal holding them in an array does.
@Suite("A deal's packed activities")
struct DealLogTests {
    static let owners: [String?] = ["rita", "sam", nil]

    /// `deal` as the snapshot's reader gives it back.
    static func throughSnapshot(_ deal: Deal) throws -> Deal {
        var w = BinaryWriter()
        DealBinary.write(deal, to: &w)
        return try w.bytes.withUnsafeBytes { raw in
            var r = BinaryReader(raw)
            return try DealBinary.read(&r)
        }
    }

    @Test func aDealReadFromTheSnapshotHoldsItsActivitiesPackedAndEqualToTheWrittenOnes() throws {
        var random = RandomDeals(seed: 7)
        for _ in 0..<300 {
            var deal = random.deal(owners: Self.owners)
            if random.bool(), !deal.history.isEmpty {
                deal.history[deal.history.count - 1].pipeline = "second"
            }
            let read = try Self.throughSnapshot(deal)
            #expect(read.log.isPacked)
            #expect(read.history == deal.history)
            #expect(read.activities == deal.activities)
            #expect(read == deal && deal == read)
            #expect(read.hashValue == deal.hashValue)
            #expect(DealActivityPacker.pack(history: deal.history, activities: deal.activities) == read.log)
            let room = deal.activities.reduce(DealActivityPacker.room(count: deal.activities.count)) {
                $0 + DealActivityPacker.room(by: $1.by.utf8.count, note: $1.note.utf8.count, module: $1.module?.utf8.count)
            }
            #expect(read.log.packedBytes == room, "the room made is the room taken")
        }
    }

    @Test func changingOneListKeepsTheOther() throws {
        var random = RandomDeals(seed: 8)
        var checked = 0
        for _ in 0..<200 {
            let deal = random.deal(owners: Self.owners)
            guard !deal.history.isEmpty, !deal.activities.isEmpty else { continue }
            checked += 1
            let change = StageChange(at: Date(timeIntervalSince1970: 1_800_000_000), by: "rita", from: "new", to: "won")
            var moved = try Self.throughSnapshot(deal)
            moved.history.append(change)
            #expect(moved.log.isPacked, "a stage change leaves the activities packed")
            #expect(moved.history == deal.history + [change])
            #expect(moved.activities == deal.activities)

            var called = try Self.throughSnapshot(deal)
            let call = Activity(at: Date(timeIntervalSince1970: 1_800_000_000), by: "sam", kind: .call, outcome: .busy)
            called.activities = called.activities + [call]
            #expect(!called.log.isPacked)
            #expect(called.history == deal.history)
            #expect(called.activities == deal.activities + [call])

            var cleared = try Self.throughSnapshot(deal)
            cleared.history = []
            #expect(cleared.history.isEmpty)
            #expect(cleared.activities == deal.activities)
            #expect(cleared != deal)
        }
        #expect(checked > 50)
    }

    @Test func aCopyChangedLeavesThePackedOriginalAlone() throws {
        var random = RandomDeals(seed: 9)
        let deal = try Self.throughSnapshot(random.deal(owners: Self.owners))
        var copy = deal
        copy.activities.append(Activity(at: Date(timeIntervalSince1970: 0), by: "mia", kind: .note, note: "hi"))
        #expect(deal.log.isPacked)
        #expect(copy.activities.count == deal.activities.count + 1)
        #expect(copy != deal)
    }

    @Test func thePackerGivesNoLogUnlessEveryActivityDeclaredCame() {
        let at = 1_700_000_000.0
        let name: [UInt8] = Array("rita".utf8)
        name.withUnsafeBytes { by in
            var short = DealActivityPacker()
            short.begin(count: 2)
            short.activity(at: at, by: by, kind: .call, outcome: .busy, note: by, module: nil)
            #expect(short.log(history: []) == nil, "an activity missing")

            var extra = DealActivityPacker()
            extra.begin(count: 0)
            extra.activity(at: at, by: by, kind: .call, outcome: .busy, note: by, module: nil)
            #expect(extra.log(history: []) == nil, "an activity not declared")

            var undeclared = DealActivityPacker()
            undeclared.activity(at: at, by: by, kind: .email, outcome: nil, note: by, module: nil)
            #expect(undeclared.log(history: []) == nil, "no count declared")

            var twice = DealActivityPacker()
            twice.begin(count: 0)
            twice.begin(count: 0)
            #expect(twice.log(history: []) == nil, "a count declared twice")

            var whole = DealActivityPacker()
            whole.begin(count: 1)
            whole.activity(at: at, by: by, kind: .training, outcome: nil, note: by, module: by)
            let log = whole.log(history: [])
            #expect(log?.activities == [Activity(at: Date(timeIntervalSince1970: at), by: "rita", kind: .training, note: "rita", module: "rita")])
        }
    }

    @Test func aLogPastTheLimitsIsCheckedTheLongWayAndNamed() {
        let long = String(repeating: "x", count: Limits.fieldLength + 1)
        let fine = DealActivityPacker.pack(
            history: [StageChange(at: Date(timeIntervalSince1970: 0), by: "rita", from: nil, to: "new")],
            activities: [Activity(at: Date(timeIntervalSince1970: 0), by: "rita", kind: .call, outcome: .reached)])
        #expect(fine.packedWithinLimits)
        let longAuthor = DealActivityPacker.pack(history: [], activities: [Activity(at: Date(timeIntervalSince1970: 0), by: long, kind: .email)])
        #expect(!longAuthor.packedWithinLimits)
        let lateCall = DealActivityPacker.pack(history: [], activities: [Activity(at: Date(timeIntervalSince1970: 1e15), by: "rita", kind: .call)])
        #expect(!lateCall.packedWithinLimits)
        let tooLong = String(repeating: "n", count: Limits.activityNoteLength + 1)
        let longNote = DealActivityPacker.pack(
            history: [], activities: [Activity(at: Date(timeIntervalSince1970: 0), by: "rita", kind: .note, note: tooLong)])
        #expect(!longNote.packedWithinLimits)

        var deal = Deal(id: "abcd2345", title: "t", currency: "ILS", owner: "rita", stage: "new", created: Date(timeIntervalSince1970: 0))
        deal.log = longAuthor
        #expect(ValuesWithinLimits.violation(in: deal) == .fieldTooLong(field: "activity author", limit: Limits.fieldLength))
        deal.log = lateCall
        #expect(ValuesWithinLimits.violation(in: deal) == .timeOutOfRange(field: "activity"))
        deal.log = longNote
        #expect(ValuesWithinLimits.violation(in: deal) == .fieldTooLong(field: "activity note", limit: Limits.activityNoteLength))
        deal.log = fine
        #expect(ValuesWithinLimits.violation(in: deal) == nil)
    }

    @Test func textsOfEveryScriptAndLengthComeBackAsWritten() {
        let texts = ["", "a", "עסקה חדשה", "صفقة", "🇮🇱👩‍💻", String(repeating: "é", count: 200), String(repeating: "z", count: 127)]
        for text in texts {
            let history = [StageChange(at: Date(timeIntervalSince1970: -86_400.5), by: text, from: text, to: text, pipeline: text)]
            let activities = [Activity(at: Date(timeIntervalSince1970: 0.25), by: text, kind: .training, note: text, module: text)]
            let log = DealActivityPacker.pack(history: history, activities: activities)
            #expect(log.history == history)
            #expect(log.activities == activities)
            #expect(log == DealLog(history: history, activities: activities))
        }
    }
}

/// Deals read together from the snapshot (the board, reports) keep their stage changes packed,
/// numbered in one table per part: equal to the deals read alone, and a change unpacks only the
/// deal changed.
@Suite("A deal's packed stage changes")
struct DealHistoryPackingTests {
    /// The changes' texts as bytes (`String`'s `==` takes canonically equivalent texts for one).
    static func bytes(_ history: [StageChange]) -> [[UInt8]] {
        history.flatMap { [Array($0.by.utf8), Array(($0.from ?? "∅").utf8), Array($0.to.utf8), Array(($0.pipeline ?? "∅").utf8)] }
    }

    @Test func dealsReadTogetherKeepTheirStageChangesPackedAndEqual() throws {
        var random = RandomDeals(seed: 11)
        var deals: [Deal] = []
        for _ in 0..<300 {
            var deal = random.deal(owners: DealLogTests.owners)
            if random.bool(), !deal.history.isEmpty {
                deal.history[deal.history.count - 1].pipeline = "second"
            }
            if random.bool() {
                // Names as people and pipelines have them (the random ones are often longer than a field in bytes).
                for k in deal.history.indices {
                    deal.history[k].by = String(deal.history[k].by.prefix(8))
                    deal.history[k].from = deal.history[k].from.map { String($0.prefix(12)) }
                    deal.history[k].to = String(deal.history[k].to.prefix(12))
                }
            }
            deals.append(deal)
        }
        var w = BinaryWriter()
        for deal in deals { DealBinary.write(deal, to: &w) }
        let interner = TextInterner()
        let read = try w.bytes.withUnsafeBytes { raw in
            var r = BinaryReader(raw, interner: interner)
            return try deals.map { _ in try DealBinary.read(&r) }
        }
        for (deal, back) in zip(deals, read) {
            // Packed unless empty, or a text longer in bytes than a field (fitting in code points).
            let packs =
                !deal.history.isEmpty
                && deal.history.allSatisfy { [$0.by, $0.from ?? "", $0.to].allSatisfy { $0.utf8.count <= Limits.fieldLength } }
            #expect(back.log.isHistoryPacked == packs)
            #expect(back.history == deal.history)
            #expect(Self.bytes(back.history) == Self.bytes(deal.history), "byte for byte, not only canonically equal")
            #expect(back == deal && deal == back)
            #expect(back.hashValue == deal.hashValue)
            #expect(back.historyInItsPipeline.history == deal.historyInItsPipeline.history)
        }
        #expect(read.filter(\.log.isHistoryPacked).count > 60)
        let withHistory = try #require(read.firstIndex { $0.log.isHistoryPacked })
        var moved = read[withHistory]
        moved.history.append(StageChange(at: Date(timeIntervalSince1970: 1_800_000_000), by: "rita", from: "new", to: "won"))
        #expect(!moved.log.isHistoryPacked && moved.log.isPacked, "the activities stay packed")
        #expect(moved.history.dropLast() == deals[withHistory].history[...])
        #expect(read[withHistory].log.isHistoryPacked && read[withHistory] == deals[withHistory])
    }
}
