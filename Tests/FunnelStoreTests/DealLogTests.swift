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
