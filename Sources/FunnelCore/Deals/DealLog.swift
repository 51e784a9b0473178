import Foundation

/// A deal's stage changes and activities (`Deal.history`, `Deal.activities`). The changes are an
/// array; the activities an array too, or, for a deal read from the snapshot and not changed
/// since, packed in one array of bytes (`DealActivityPacker`) and made again on each read.
///
/// Packed, the 471,000 activities of 100,000 demo deals take about 12 MB where their arrays took
/// 29 (an activity is 56 bytes as a value, about 20 packed, and no array of its own per deal). The
/// board and the reports read the stage changes of every deal, often: they stay an array. Only a
/// card's flags, the detail pane, `today` and an activities goal read activities. Equal and hashed
/// by what the lists hold, whichever way each side keeps its activities.
public struct DealLog: Hashable, Sendable {
    /// The stage changes, oldest first.
    public var history: [StageChange] = []
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
        (self.history, kept) = (history, .list(activities))
    }

    /// Activities packed by `DealActivityPacker`.
    init(history: [StageChange], packed: [UInt8]) { (self.history, kept) = (history, .packed(packed)) }

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
        guard a.history == b.history else { return false }
        if case .packed(let x) = a.kept, case .packed(let y) = b.kept, x == y { return true }
        return a.activities == b.activities
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(history)
        hasher.combine(activities)
    }
}
