import Foundation
import Testing

@testable import FunnelCore

/// A deal's stage changes packed (`PackedChanges`, `DealLog.packHistory`): read back as written,
/// equal to the list, unpacked by a change, and read in place by reports (`StageSteps`).
@Suite("Packed stage changes")
struct PackedChangesTests {
    static func at(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

    /// Changes with every kind of text: a start (no `from`), a pipeline entered, a long name
    /// (past the 15 bytes a string keeps inline), right-to-left and combining text, a fraction
    /// of a second.
    static let changes: [StageChange] = [
        StageChange(at: at(1_700_000_000.123_456), by: "rita", from: nil, to: "new"),
        StageChange(at: at(1_700_000_100), by: "sam", from: "new", to: "qualified"),
        StageChange(at: at(1_700_000_200), by: "rita", from: "qualified", to: "new", pipeline: "renewals-and-upsells-2026"),
        StageChange(at: at(1_700_000_300), by: "דנה כהן", from: "new", to: "proposal sent to the buyer"),
        StageChange(at: at(86_400.5), by: "e\u{301}lodie", from: "proposal sent to the buyer", to: "won"),
    ]

    @Test func packedChangesReadBackAsWritten() throws {
        let packed = try #require(PackedChanges.packed(Self.changes, words: ChangeWords()))
        #expect(packed.count == Self.changes.count)
        #expect(packed.changes == Self.changes)
        for (i, change) in Self.changes.enumerated() {
            #expect(packed.changes[i].at.timeIntervalSinceReferenceDate == change.at.timeIntervalSinceReferenceDate)
            #expect(packed.entersPipeline(i) == (change.pipeline != nil))
        }
    }

    @Test func oneTableServesManyDealsAndNumbersEachTextOnce() throws {
        let words = ChangeWords()
        let first = try #require(PackedChanges.packed(Self.changes, words: words))
        let second = try #require(PackedChanges.packed(Array(Self.changes.reversed()), words: words))
        #expect(first.changes == Self.changes)
        #expect(second.changes == Self.changes.reversed())
        let texts = Set(Self.changes.flatMap { [$0.by, $0.to] + [$0.from, $0.pipeline].compactMap { $0 } })
        #expect(words.code("a text never seen") == UInt16(texts.count), "each text numbered once")
    }

    /// Texts `String` takes for equal (canonically equivalent) keep their own bytes, and the empty
    /// text is a text of its own.
    @Test func eachTextReadsBackByteForByte() throws {
        let composed = "\u{E9}lodie"
        let decomposed = "e\u{301}lodie"
        #expect(composed == decomposed, "Swift's own == takes them for one")
        let changes = [
            StageChange(at: Self.at(0), by: composed, from: nil, to: "won"),
            StageChange(at: Self.at(1), by: "", from: "", to: decomposed),
            StageChange(at: Self.at(2), by: decomposed, from: composed, to: ""),
            StageChange(at: Self.at(3), by: "", from: composed, to: decomposed),
        ]
        let back = try #require(PackedChanges.packed(changes, words: ChangeWords())).changes
        for (read, written) in zip(back, changes) {
            #expect(Array(read.by.utf8) == Array(written.by.utf8))
            #expect(read.from.map { Array($0.utf8) } == written.from.map { Array($0.utf8) })
            #expect(Array(read.to.utf8) == Array(written.to.utf8))
        }
    }

    @Test func aFullTableLeavesTheHistoryAList() {
        let words = ChangeWords()
        for n in 1..<ChangeWords.capacity { _ = words.code("seller \(n)") }
        var log = DealLog(history: Self.changes, activities: [])
        log.packHistory(words)
        #expect(!log.isHistoryPacked)
        #expect(log.history == Self.changes)
        var known = DealLog(history: [StageChange(at: Self.at(0), by: "seller 7", from: nil, to: "seller 9")], activities: [])
        known.packHistory(words)
        #expect(known.isHistoryPacked, "texts the full table already numbers still pack")
        #expect(known.history[0].by == "seller 7" && known.history[0].to == "seller 9")
    }

    /// Only changes within `Limits` pack (then a check of the deal need not read them again): a
    /// time before 1970 or a text longer in bytes than a field leaves the history a list, which
    /// the check reads.
    @Test func aHistoryOutsideTheLimitsStaysAListAndIsChecked() {
        let early = StageChange(at: Self.at(-1), by: "rita", from: nil, to: "new")
        let long = StageChange(at: Self.at(0), by: String(repeating: "ש", count: 300), from: nil, to: "new")
        for change in [early, long] {
            var deal = Fx.deal("Pine", id: "k1")
            deal.history = Self.changes + [change]
            deal.log.packHistory(ChangeWords())
            #expect(!deal.log.isHistoryPacked)
            #expect(deal.history == Self.changes + [change])
        }
        var early1970 = Fx.deal("Pine", id: "k1")
        early1970.history = [early]
        early1970.log.packHistory(ChangeWords())
        #expect(ValuesWithinLimits.violation(in: early1970) != nil, "the list is checked")
        var fine = Fx.deal("Pine", id: "k1")
        fine.history = Self.changes
        fine.log.packHistory(ChangeWords())
        #expect(fine.log.isHistoryPacked && ValuesWithinLimits.violation(in: fine) == nil)
    }

    @Test func aPackedLogEqualsAndHashesAsTheList() {
        let list = DealLog(history: Self.changes, activities: [])
        var packed = list
        packed.packHistory(ChangeWords())
        #expect(packed.isHistoryPacked && !list.isHistoryPacked)
        #expect(packed == list && list == packed)
        #expect(packed.hashValue == list.hashValue)
        var other = list
        other.history[1].by = "mia"
        other.packHistory(ChangeWords())
        #expect(other != packed && packed != other)
        var empty = DealLog(history: [], activities: [])
        empty.packHistory(ChangeWords())
        #expect(!empty.isHistoryPacked && empty.history.isEmpty)
    }

    @Test func changingAPackedHistoryUnpacksItAndKeepsTheRest() {
        var log = DealLog(history: Self.changes, activities: [])
        log.packHistory(ChangeWords())
        let copy = log
        let added = StageChange(at: Self.at(1_800_000_000), by: "sam", from: "won", to: "lost")
        log.history.append(added)
        #expect(!log.isHistoryPacked)
        #expect(log.history == Self.changes + [added])
        #expect(copy.isHistoryPacked && copy.history == Self.changes, "the copy is left alone")
        log.history[0].to = "contacted"
        #expect(log.history[0].to == "contacted" && log.history.count == Self.changes.count + 1)
    }

    /// What reports read in place is what `historyInItsPipeline` makes, packed or not.
    @Test func stepsInItsPipelineAreTheHistoryInItsPipeline() throws {
        let histories = [Self.changes, Array(Self.changes.prefix(2)), [], Self.changes + [Self.changes[2]]]
        for history in histories {
            var deal = Fx.deal("Pine", id: "k1", stage: "won")
            deal.history = history
            var packed = deal
            packed.log.packHistory(ChangeWords())
            #expect(packed.log.isHistoryPacked == !history.isEmpty)
            let expected = deal.historyInItsPipeline.history
            for kept in [deal, packed] {
                let steps = kept.changesInItsPipeline
                #expect(steps.count == expected.count)
                #expect(steps.map(\.at) == expected.map(\.at))
                #expect(steps.map(\.from) == expected.map(\.from))
                #expect(steps.map(\.to) == expected.map(\.to))
                #expect(kept.log.steps.map(\.to) == history.map(\.to))
            }
        }
    }
}
