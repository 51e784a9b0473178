import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// `FunnelJSON.encode` writes funnel's files with `StrictJSONEncoder` and falls back to
/// Foundation's `JSONEncoder` when that one gives up: either way the bytes are exactly
/// `FunnelJSON.encoder()`'s, checked on random deals (every control byte, quotes, slashes,
/// emoji, every time from 1970 to 9999), the demo's deals, team, pipeline and goals, and on
/// what it gives up on.
@Suite("Strict JSON writer against JSONEncoder") struct StrictJSONEncoderTests {
    static func reference<T: Encodable>(_ value: T) throws -> Data { try FunnelJSON.encoder().encode(value) }

    static func expectSame<T: Encodable>(_ value: T, fast: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try reference(value)
        let written = try FunnelJSON.encode(value)
        #expect(written == expected, "\(String(decoding: written, as: UTF8.self))", sourceLocation: sourceLocation)
        // The fast path is taken, not only the fallback.
        if fast { #expect(throws: Never.self, sourceLocation: sourceLocation) { try StrictJSONEncoder.encode(value) } }
    }

    @Test("Random deals within the limits: the same bytes, by the strict writer itself")
    func randomDeals() throws {
        var random = RandomDeals(seed: 77)
        for _ in 0..<600 {
            try Self.expectSame(StoredFile(body: random.deal(owners: ["dana", nil, "yossi"])), fast: true)
        }
    }

    @Test("Every control byte, quote, backslash, slash and non-ASCII text written as Foundation writes it")
    func hostileText() throws {
        var random = RandomDeals(seed: 5)
        var deal = random.deal(owners: ["dana"])
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        deal.title = controls + "\"\\/\u{7F}\u{2028}\u{2029}\u{FEFF}\u{202E}שלום مرحبا 😀👩‍👩‍👧"
        deal.notes = "a/b\\c\"d\te\nf\rg\u{8}h\u{C}i\u{1F}j\u{10}k\u{0}"
        deal.activities = [Activity(at: Date(timeIntervalSince1970: 0), by: "/", kind: .call, outcome: nil, note: controls)]
        try Self.expectSame(StoredFile(body: deal), fast: true)
        let empty = Deal(
            id: "abcd2345", title: "", company: "", contact: "", phone: "", email: "", value: nil, currency: "ILS", owner: nil,
            stage: "new", created: Limits.latestTime, stageEntered: Limits.earliestTime, nextAction: nil, lostReason: nil, notes: "",
            history: [], revision: 1, updated: Limits.latestTime)
        try Self.expectSame(StoredFile(body: empty), fast: true)
    }

    @Test("Times: every whole second from 1970 to 9999 as `.iso8601` writes it")
    func times() throws {
        var generator = SystemRandomNumberGenerator()
        let first = Int(Limits.earliestTime.timeIntervalSince1970), last = Int(Limits.latestTime.timeIntervalSince1970)
        var seconds = [first, last, 0, 86_399, 86_400, 951_782_400, 4_107_542_399, 253_402_300_799]
        seconds += (0..<3_000).map { _ in Int.random(in: first...last, using: &generator) }
        for second in seconds where second >= first && second <= last {
            let date = Date(timeIntervalSince1970: Double(second))
            #expect(try StrictJSONEncoder.isoTime(date) == date.formatted(.iso8601), "\(second)")
        }
    }

    @Test("The demo's deals, team, pipeline and goals: the same files")
    func demoFiles() throws {
        let pipeline = PipelineTemplate.simple.pipeline
        let world = DemoData.world(count: 1_500, pipeline: pipeline, now: Date(timeIntervalSince1970: 1_790_000_000), seed: 3)
        for deal in world.deals { try Self.expectSame(StoredFile(body: deal), fast: deal.quoteLines.isEmpty && deal.quotes.isEmpty) }
        try Self.expectSame(StoredFile(body: world.team.users), fast: true)
        try Self.expectSame(StoredFile(body: pipeline), fast: false)
        try Self.expectSame(StoredFile(body: GoalBook()), fast: false)
    }

    @Test("What it gives up on still comes out as Foundation writes it")
    func givingUp() throws {
        var random = RandomDeals(seed: 9)
        var deal = random.deal(owners: ["dana"])
        deal.quoteLines = [QuoteLine(product: "CRM-Y", text: "CRM", quantity: Decimal(string: "1.5")!, unitPrice: 1200, discount: 5)]
        try Self.expectSame(StoredFile(body: deal), fast: false)
        #expect(throws: StrictJSONGaveUp.self) { try StrictJSONEncoder.encode(["x": Decimal(1)]) }
        #expect(throws: StrictJSONGaveUp.self) { try StrictJSONEncoder.encode(["x": 1.5]) }
        #expect(throws: StrictJSONGaveUp.self) { try StrictJSONEncoder.encode(["x": Date(timeIntervalSince1970: 1.5)]) }
        #expect(throws: StrictJSONGaveUp.self) { try StrictJSONEncoder.encode("a fragment") }
        try Self.expectSame(["x": Date(timeIntervalSince1970: 1.5)], fast: false)
        try Self.expectSame(["a": [1, 2], "b": [], "c": [Int]()] as [String: [Int]], fast: true)
    }

    @Test("A deal the writer refuses is refused the same way")
    func refusals() throws {
        var random = RandomDeals(seed: 11)
        var deal = random.deal(owners: ["dana"])
        deal.leaveOut(DealParts.activities)
        #expect(throws: EncodingError.self) { try FunnelJSON.encode(StoredFile(body: deal)) }
        #expect(throws: EncodingError.self) { try Self.reference(StoredFile(body: deal)) }
    }
}
