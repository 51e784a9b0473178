import Foundation

/// A deal's stage changes packed: 16 bytes each (the time, and who, from, to and which pipeline
/// as numbers in a `ChangeWords`), in one allocation with the table they refer to. A deal read
/// from the cache keeps its history so until it changes (`DealLog`): 100,000 demo deals' 375,000
/// changes take about 9 MB, where their arrays of `StageChange` took 27.
///
/// Only changes within `Limits` are packed (each time storable, who, from and to no longer in
/// bytes than a field): a check of the deal need not read a packed history again
/// (`ValuesWithinLimits`).
public struct PackedChanges: @unchecked Sendable {
    // Safe to share: the buffer is made whole by a `Builder`, and never changed after.
    private let buffer: ManagedBuffer<Head, Record>

    /// The table the numbers refer to, and how many changes.
    struct Head {
        let words: ChangeWords
        var count: Int
    }

    /// One change: its time's bits (since the reference date, as `Date` keeps it: the same time
    /// back), and four numbers (`none` for a missing `from` or pipeline).
    struct Record {
        var at: UInt64
        var codes: UInt64
    }

    static let none = UInt16.max

    /// Packs changes one by one, from their texts' bytes (the snapshot's reader: no text made but
    /// a word new to the table).
    public struct Builder {
        private let buffer: ManagedBuffer<Head, Record>
        private let capacity: Int
        private var count = 0

        /// Room for `capacity` changes, numbered in `words`.
        public init(capacity: Int, words: ChangeWords) {
            buffer = ManagedBuffer<Head, Record>.create(minimumCapacity: capacity) { _ in Head(words: words, count: 0) }
            self.capacity = capacity
        }

        /// Adds a change; false when it does not pack: a time or a text outside `Limits`, or a
        /// text that finds no number (the table full).
        public mutating func append(
            at: Date, by: UnsafeRawBufferPointer, from: UnsafeRawBufferPointer?, to: UnsafeRawBufferPointer,
            pipeline: UnsafeRawBufferPointer?
        ) -> Bool {
            precondition(count < capacity, "more changes than room made")
            let field = Limits.fieldLength
            guard Limits.isStorable(at), by.count <= field, to.count <= field, (from?.count ?? 0) <= field else { return false }
            let words = buffer.header.words
            guard let by = words.code(by), let to = words.code(to), let from = from.map(words.code) ?? PackedChanges.none,
                let pipeline = pipeline.map(words.code) ?? PackedChanges.none
            else { return false }
            let codes = UInt64(by) | UInt64(from) << 16 | UInt64(to) << 32 | UInt64(pipeline) << 48
            let record = Record(at: at.timeIntervalSinceReferenceDate.bitPattern, codes: codes)
            buffer.withUnsafeMutablePointerToElements { ($0 + count).initialize(to: record) }
            count += 1
            return true
        }

        /// The changes added.
        public func finished() -> PackedChanges {
            buffer.header.count = count
            return PackedChanges(buffer: buffer)
        }
    }

    /// `changes` packed with `words`, or nil when one does not pack (`Builder.append`).
    static func packed(_ changes: [StageChange], words: ChangeWords) -> PackedChanges? {
        var builder = Builder(capacity: changes.count, words: words)
        for change in changes {
            func bytes(_ text: String?) -> [UInt8]? { text.map { Array($0.utf8) } }
            let (by, from, to, pipeline) = (Array(change.by.utf8), bytes(change.from), Array(change.to.utf8), bytes(change.pipeline))
            let added = by.withUnsafeBytes { by in
                to.withUnsafeBytes { to in
                    withOptionalBytes(from) { from in
                        withOptionalBytes(pipeline) { builder.append(at: change.at, by: by, from: from, to: to, pipeline: $0) }
                    }
                }
            }
            guard added else { return nil }
        }
        return builder.finished()
    }

    /// `body` of `bytes`' buffer, or of nil.
    private static func withOptionalBytes(_ bytes: [UInt8]?, _ body: (UnsafeRawBufferPointer?) -> Bool) -> Bool {
        guard let bytes else { return body(nil) }
        return bytes.withUnsafeBytes { body($0) }
    }

    /// Whether both are the same packing (then they hold the same changes).
    static func === (a: PackedChanges, b: PackedChanges) -> Bool { a.buffer === b.buffer }

    /// How many changes.
    var count: Int { buffer.header.count }

    /// The changes, oldest first.
    var changes: [StageChange] {
        let (words, count) = (buffer.header.words, buffer.header.count)
        return buffer.withUnsafeMutablePointerToElements { records in
            (0..<count).map { i in
                let record = records[i]
                func text(_ shift: UInt64) -> String? {
                    let code = UInt16(truncatingIfNeeded: record.codes >> shift)
                    return code == Self.none ? nil : words.word(code)
                }
                return StageChange(
                    at: Date(timeIntervalSinceReferenceDate: Double(bitPattern: record.at)), by: text(0) ?? "", from: text(16),
                    to: text(32) ?? "", pipeline: text(48))
            }
        }
    }
}

extension PackedChanges {
    /// Change `i` as a report reads it: no array made, no text (the table's are handed out).
    func step(_ i: Int) -> StageSteps.Step {
        let words = buffer.header.words
        let record = buffer.withUnsafeMutablePointerToElements { $0[i] }
        let from = UInt16(truncatingIfNeeded: record.codes >> 16)
        return StageSteps.Step(
            at: Date(timeIntervalSinceReferenceDate: Double(bitPattern: record.at)),
            from: from == Self.none ? nil : words.word(from), to: words.word(UInt16(truncatingIfNeeded: record.codes >> 32)))
    }

    /// Whether change `i` took the deal into another pipeline.
    func entersPipeline(_ i: Int) -> Bool {
        buffer.withUnsafeMutablePointerToElements { UInt16(truncatingIfNeeded: $0[i].codes >> 48) != Self.none }
    }
}

/// A deal's stage changes as reports and goals read them (`Deal.changesInItsPipeline`): when,
/// from and to, read in place from the list or the packed history, with no array made for them.
public struct StageSteps: RandomAccessCollection, Sendable {
    /// One change: when, and from which stage (none for a start) to which.
    public struct Step: Sendable {
        public let at: Date
        public var from: String?
        public let to: String
    }

    /// How a deal keeps its stage changes (`DealLog`): a list, or packed.
    enum Kept: Sendable {
        case list([StageChange])
        case packed(PackedChanges)

        var count: Int {
            switch self {
            case .list(let changes): return changes.count
            case .packed(let packed): return packed.count
            }
        }
    }

    let kept: Kept
    public let startIndex: Int
    public let endIndex: Int
    /// Whether the first step is a start (`from` none) whatever its change says: the steps since
    /// the deal last entered a pipeline.
    let startsAnew: Bool

    init(_ kept: Kept) { (self.kept, startIndex, endIndex, startsAnew) = (kept, 0, kept.count, false) }

    private init(_ kept: Kept, from start: Int, to end: Int) { (self.kept, startIndex, endIndex, startsAnew) = (kept, start, end, true) }

    public subscript(i: Int) -> Step {
        var step: Step
        switch kept {
        case .list(let changes): step = Step(at: changes[i].at, from: changes[i].from, to: changes[i].to)
        case .packed(let packed): step = packed.step(i)
        }
        if startsAnew && i == startIndex { step.from = nil }
        return step
    }

    /// The steps since the last change into another pipeline, that change a start; all of them
    /// when none was.
    public var inItsPipeline: StageSteps {
        let entered = indices.last { i in
            switch kept {
            case .list(let changes): return changes[i].pipeline != nil
            case .packed(let packed): return packed.entersPipeline(i)
            }
        }
        return entered.map { StageSteps(kept, from: $0, to: endIndex) } ?? self
    }
}
