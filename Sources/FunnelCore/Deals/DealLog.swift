import Foundation

/// A deal's stage changes and activities (`Deal.history`, `Deal.activities`). Each is an array,
/// or, for a deal read from the snapshot and not changed since, packed (`PackedChanges`; the
/// activities in one array of bytes, `DealActivityPacker`) and made again on each read.
///
/// Packed, the 471,000 activities of 100,000 demo deals take about 12 MB where their arrays took
/// 29 (an activity is 56 bytes as a value, about 20 packed, and no array of its own per deal), and
/// their 375,000 stage changes 9 MB where their arrays took 27 (a change's texts are numbers, so
/// making the array again makes no text). Equal and hashed by what the lists hold, whichever way
/// each side keeps them.
public struct DealLog: Hashable, Sendable {
    /// The stage changes, oldest first.
    public var history: [StageChange] {
        get {
            switch changes {
            case .list(let history): return history
            case .packed(let packed): return packed.changes
            }
        }
        set { changes = .list(newValue) }
        _modify {
            var history = self.history
            // The list held once while it changes, so appending does not copy it.
            changes = .list([])
            defer { changes = .list(history) }
            yield &history
        }
    }
    /// How the stage changes are kept, a list or packed: one reference either way.
    private var changes = StageSteps.Kept.list([])
    private var kept = Kept.list([])

    /// How the activities are kept: one reference either way, so a log takes 16 bytes.
    private enum Kept: Sendable {
        case list([Activity])
        /// Packed by `DealActivityPacker`, which alone makes such bytes.
        case packed([UInt8])
    }

    /// No stage change, no activity.
    public init() {}

    /// The lists as given.
    public init(history: [StageChange], activities: [Activity]) {
        (changes, kept) = (.list(history), .list(activities))
    }

    /// Activities packed by `DealActivityPacker`.
    init(history: [StageChange], packed: [UInt8]) { (changes, kept) = (.list(history), .packed(packed)) }

    /// The stage changes packed with `words` (`PackedChanges`), as a reader of many deals keeps
    /// them; kept as they are when one of their texts finds no number there.
    public mutating func packHistory(_ words: ChangeWords) {
        guard case .list(let history) = changes, !history.isEmpty, let packed = PackedChanges.packed(history, words: words) else {
            return
        }
        changes = .packed(packed)
    }

    /// Keeps `history` as the stage changes, packed as a reader of many deals packs them.
    public mutating func keepHistory(_ history: PackedChanges) { changes = history.count == 0 ? .list([]) : .packed(history) }

    /// The stage changes read in place, without an array made for them.
    public var steps: StageSteps { StageSteps(changes) }

    /// Whether the stage changes are held packed, and so within `Limits` (`PackedChanges`): a
    /// check of the deal need not read them again.
    public var isHistoryPacked: Bool {
        if case .packed = changes { return true }
        return false
    }

    /// Whether the activities are held packed (a deal read from the snapshot and not changed since).
    public var isPacked: Bool {
        if case .packed = kept { return true }
        return false
    }

    /// How many bytes the packed activities take (0 when they are an array).
    public var packedBytes: Int {
        if case .packed(let bytes) = kept { return bytes.count }
        return 0
    }

    /// Whether the activities are packed and their every time and text was within `Limits` when
    /// packed: a check of the deal need not read them again (`ValuesWithinLimits`).
    public var packedWithinLimits: Bool {
        if case .packed(let bytes) = kept { return bytes.first == 1 }
        return false
    }

    /// The activities, oldest first.
    public var activities: [Activity] {
        get {
            switch kept {
            case .list(let activities): return activities
            case .packed(let bytes): return Self.unpacked(bytes)
            }
        }
        set { kept = .list(newValue) }
        _modify {
            var activities = self.activities
            // The list held once while it changes, so appending does not copy it.
            kept = .list([])
            defer { kept = .list(activities) }
            yield &activities
        }
    }

    /// The activities `bytes` hold.
    private static func unpacked(_ bytes: [UInt8]) -> [Activity] {
        bytes.withUnsafeBytes { raw in
            var reader = DealActivityReader(raw)
            return reader.activities()
        }
    }

    public static func == (a: DealLog, b: DealLog) -> Bool {
        let sameChanges: Bool
        if case .packed(let x) = a.changes, case .packed(let y) = b.changes, x === y {
            sameChanges = true
        } else {
            sameChanges = a.history == b.history
        }
        guard sameChanges else { return false }
        if case .packed(let x) = a.kept, case .packed(let y) = b.kept, x == y { return true }
        return a.activities == b.activities
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(history)
        hasher.combine(activities)
    }
}
