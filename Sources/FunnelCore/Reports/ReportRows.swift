import Foundation

/// The deals a report counts, as plain numbers: each deal's stage, owner, currency and lost
/// reason an index into one table of texts, its stage changes (as its pipeline sees them:
/// `Deal.historyInItsPipeline`) in one array for all. The report's tally reads these, not
/// 100,000 deals' boxes and strings (`ReportTally`). Made from deals (`init(_:)`), or by the
/// store straight from its cache (`append`).
public struct ReportRows: Sendable {
    /// Every text a row or change points at, each once.
    public private(set) var texts: [String] = []
    /// The texts' bytes one after another (`textEnds`), and a table of their indices by a hash
    /// of those bytes: a reader finds a text from its bytes, none made (`text(bytes:)`).
    private var textBytes: [UInt8] = []
    private var textEnds: [Int] = []
    private var table = [Int32](repeating: -1, count: 64)
    public private(set) var rows: [Row] = []
    public private(set) var changes: [Change] = []

    /// One deal.
    public struct Row: Sendable {
        /// Into `texts`; the optional ones -1 for none.
        public var stage: Int32
        public var owner: Int32
        public var currency: Int32
        public var lostReason: Int32
        public var value: Decimal?
        /// The value in hundredths, when it has them (`Deal.hundredths`).
        public var hundredths: UInt64?
        public var probability: Int?
        public var created: Date
        public var stageEntered: Date
        public var nextAction: Day?
        public var expectedClose: Day?
        /// Its changes: `changes[firstChange..<firstChange + changeCount]`.
        public var firstChange: Int32
        public var changeCount: Int32

        public init(
            stage: Int32, owner: Int32, currency: Int32, lostReason: Int32, value: Decimal?, hundredths: UInt64?, probability: Int?,
            created: Date, stageEntered: Date, nextAction: Day?, expectedClose: Day?, firstChange: Int32, changeCount: Int32
        ) {
            (self.stage, self.owner, self.currency, self.lostReason) = (stage, owner, currency, lostReason)
            (self.value, self.hundredths, self.probability) = (value, hundredths, probability)
            (self.created, self.stageEntered, self.nextAction, self.expectedClose) = (created, stageEntered, nextAction, expectedClose)
            (self.firstChange, self.changeCount) = (firstChange, changeCount)
        }
    }

    /// One stage change: when, from (-1: none) and to, as indices into `texts`.
    public struct Change: Sendable, ReportChangeRecord {
        public var at: Date
        public var from: Int32
        public var to: Int32

        public init(at: Date, from: Int32, to: Int32) { (self.at, self.from, self.to) = (at, from, to) }

        var toStage: Int32 { to }
        var fromStage: Int32? { from < 0 ? nil : from }
    }

    public init() {}

    /// The rows of `deals`, in their order.
    public init(_ deals: [Deal]) {
        for deal in deals { append(deal) }
    }

    /// The index of `text` in `texts`, added when new.
    public mutating func text(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { self.text(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The index of the text of the UTF-8 `bytes` in `texts`, added when new.
    public mutating func text(bytes: UnsafeRawBufferPointer) -> Int32 {
        let (slot, found) = find(bytes)
        if let found { return found }
        let new = Int32(texts.count)
        texts.append(String(decoding: bytes, as: UTF8.self))
        textBytes.append(contentsOf: bytes)
        textEnds.append(textBytes.count)
        table[slot] = new
        if texts.count * 2 > table.count { rehash() }
        return new
    }

    /// Where `bytes` are in the table, or the empty slot they would take.
    private func find(_ bytes: UnsafeRawBufferPointer) -> (slot: Int, found: Int32?) {
        let mask = table.count - 1
        var slot = Self.hash(bytes) & mask
        while table[slot] >= 0 {
            let i = Int(table[slot])
            let start = i == 0 ? 0 : textEnds[i - 1]
            if textEnds[i] - start == bytes.count,
                textBytes.withUnsafeBytes({ bytes.isEmpty || memcmp($0.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0 })
            {
                return (slot, table[slot])
            }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    private mutating func rehash() {
        table = [Int32](repeating: -1, count: table.count * 2)
        let mask = table.count - 1
        for i in texts.indices {
            let start = i == 0 ? 0 : textEnds[i - 1]
            var slot = textBytes.withUnsafeBytes { Self.hash(UnsafeRawBufferPointer(rebasing: $0[start..<textEnds[i]])) } & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(i)
        }
    }

    /// FNV-1a over the bytes: texts are short (stage ids, accounts, currencies).
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// Adds `deal`, its history as its pipeline sees it.
    public mutating func append(_ deal: Deal) {
        var changes: [Change] = []
        var entered: Int?
        // A change mostly leaves the stage the one before entered, and the deal is in the last
        // one entered: that text is not looked up again.
        var last: (text: String, index: Int32)?
        func stage(_ id: String) -> Int32 {
            if let last, last.text == id { return last.index }
            return text(id)
        }
        for (i, change) in deal.history.enumerated() {
            if change.pipeline != nil { entered = i }
            let to = stage(change.to)
            changes.append(Change(at: change.at, from: change.from.map(stage) ?? -1, to: to))
            last = (change.to, to)
        }
        append(
            Row(
                stage: stage(deal.stage), owner: deal.owner.map { text($0) } ?? -1, currency: text(deal.currency),
                lostReason: deal.lostReason.map { text($0) } ?? -1, value: deal.value, hundredths: deal.hundredths,
                probability: deal.probability, created: deal.created, stageEntered: deal.stageEntered,
                nextAction: deal.nextAction?.date, expectedClose: deal.expectedClose, firstChange: 0, changeCount: 0),
            changes: changes, enteredPipelineAt: entered)
    }

    /// Adds `row` (its texts already in `texts`) with its stage `changes` as its pipeline sees
    /// them: from its last entry into a pipeline (`enteredPipelineAt`), that entry its start there
    /// (`from` none), as `Deal.historyInItsPipeline` has them. The row's change fields are set here.
    public mutating func append(_ row: Row, changes: [Change], enteredPipelineAt entered: Int?) {
        var row = row
        row.firstChange = Int32(self.changes.count)
        row.changeCount = Int32(changes.count - (entered ?? 0))
        for (i, var change) in changes.enumerated().dropFirst(entered ?? 0) {
            if i == entered { change.from = -1 }
            self.changes.append(change)
        }
        rows.append(row)
    }

    /// The changes of `row`.
    func changes(of row: Row) -> ArraySlice<Change> {
        changes[Int(row.firstChange)..<Int(row.firstChange + row.changeCount)]
    }

    /// Adds every row of each of `parts` in turn (read on several cores, each with its own
    /// texts), their texts put in this table: room made once, each index looked up once per part.
    public mutating func append(contentsOf parts: [ReportRows]) {
        rows.reserveCapacity(rows.count + parts.reduce(0) { $0 + $1.rows.count })
        changes.reserveCapacity(changes.count + parts.reduce(0) { $0 + $1.changes.count })
        for part in parts {
            // -1 (none) and -2 stay as they are: the map starts at -2.
            let map = [-2, -1] + part.texts.map { text($0) }
            let shift = Int32(changes.count)
            map.withUnsafeBufferPointer { map in
                for change in part.changes {
                    changes.append(Change(at: change.at, from: map[Int(change.from) + 2], to: map[Int(change.to) + 2]))
                }
                for var row in part.rows {
                    row.stage = map[Int(row.stage) + 2]
                    row.owner = map[Int(row.owner) + 2]
                    row.currency = map[Int(row.currency) + 2]
                    row.lostReason = map[Int(row.lostReason) + 2]
                    row.firstChange += shift
                    rows.append(row)
                }
            }
        }
    }
}
