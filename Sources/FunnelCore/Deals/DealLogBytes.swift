import Foundation

// The packed form of a deal's activities (`DealLog`): byte 0 is 1 while every time and text
// is within `Limits`, 0 otherwise; then the count, then each activity. A count or a text's length
// is a variable-length number (seven bits a byte, lowest first); a time is its seconds since 1970
// as the eight bytes of a Double; a text its length then its UTF-8 bytes; a text that may be
// absent 0 when absent, else its length plus one then its bytes.
//   activity: time, by, kind (its index in `ActivityKind.allCases`), outcome (its index in
//             `CallOutcome.allCases`, 255 when none), note, module?

/// Packs a deal's activities (`DealLog`): the snapshot's reader hands it each activity's parts
/// as bytes, so no text is made. Declare the count, then give the activities; `log(history:)` is
/// nil unless exactly that many came. It notes as it goes whether every time and text is within
/// `Limits`, so a reader checking a deal need not unpack them to know.
public struct DealActivityPacker: Sendable {
    /// Byte 0: 1 while every time and text is within `Limits`; the activities after it.
    private var bytes: [UInt8] = [1]
    /// Activities still to come; -1 once more came than declared, or none was declared.
    private var owed = -1

    /// A packer with room for `room` bytes (`room(count:)` plus each `room(by:note:module:)`):
    /// the log then holds exactly those, no copy made.
    public init(room: Int = 0) { bytes.reserveCapacity(room) }

    /// The bytes `count` activities take before their own.
    public static func room(count: Int) -> Int { 1 + numberRoom(count) }

    /// The bytes an activity takes whose texts are `by`, `note` and `module` bytes long.
    public static func room(by: Int, note: Int, module: Int?) -> Int {
        8 + numberRoom(by) + by + 2 + numberRoom(note) + note + (module.map { numberRoom($0 + 1) + $0 } ?? 1)
    }

    private static func numberRoom(_ value: Int) -> Int {
        var (rest, bytes) = (UInt(value) >> 7, 1)
        while rest > 0 { (rest, bytes) = (rest >> 7, bytes + 1) }
        return bytes
    }

    /// The log of `history` and `activities`, the activities packed.
    public static func pack(history: [StageChange], activities: [Activity]) -> DealLog {
        let room = activities.reduce(Self.room(count: activities.count)) {
            $0 + Self.room(by: $1.by.utf8.count, note: $1.note.utf8.count, module: $1.module?.utf8.count)
        }
        var packer = DealActivityPacker(room: room)
        packer.begin(count: activities.count)
        for activity in activities {
            packer.entry(at: activity.at.timeIntervalSince1970)
            packer.string(activity.by)
            packer.codes(activity.kind, activity.outcome)
            packer.string(activity.note, limit: Limits.activityNoteLength)
            packer.optionalString(activity.module)
        }
        return packer.log(history: history)!
    }

    /// The activities come next, `count` of them.
    public mutating func begin(count: Int) {
        guard owed == -1, bytes.count == 1, count >= 0 else {
            owed = -2
            return
        }
        owed = count
        number(count)
    }

    /// One activity, its texts as UTF-8 bytes.
    public mutating func activity(
        at: Double, by: UnsafeRawBufferPointer, kind: ActivityKind, outcome: CallOutcome?, note: UnsafeRawBufferPointer,
        module: UnsafeRawBufferPointer?
    ) {
        entry(at: at)
        text(by)
        codes(kind, outcome)
        text(note, limit: Limits.activityNoteLength)
        optionalText(module)
    }

    /// The deal's log: `history`, and the activities packed; nil unless every activity declared came.
    public func log(history: [StageChange]) -> DealLog? {
        guard owed == 0 else { return nil }
        // Room made for more than was packed: a copy of its own size.
        return DealLog(history: history, packed: bytes.capacity > bytes.count + 64 ? bytes.withUnsafeBufferPointer { Array($0) } : bytes)
    }

    /// An activity begins at time `at`.
    private mutating func entry(at: Double) {
        owed = owed > 0 ? owed - 1 : -2
        if !Limits.isStorable(Date(timeIntervalSince1970: at)) { bytes[0] = 0 }
        withUnsafeBytes(of: at.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func codes(_ kind: ActivityKind, _ outcome: CallOutcome?) {
        bytes.append(UInt8(Self.kinds.firstIndex(of: kind)!))
        bytes.append(outcome.map { UInt8(Self.outcomes.firstIndex(of: $0)!) } ?? 255)
    }

    static let kinds = ActivityKind.allCases
    static let outcomes = CallOutcome.allCases

    private mutating func number(_ value: Int) {
        var rest = UInt(value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7f) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private mutating func text(_ utf8: UnsafeRawBufferPointer, limit: Int = Limits.fieldLength) {
        if utf8.count > limit { bytes[0] = 0 }
        number(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    private mutating func optionalText(_ utf8: UnsafeRawBufferPointer?) {
        guard let utf8 else { return bytes.append(0) }
        if utf8.count > Limits.fieldLength { bytes[0] = 0 }
        number(utf8.count + 1)
        bytes.append(contentsOf: utf8)
    }

    private mutating func string(_ text: String, limit: Int = Limits.fieldLength) {
        Array(text.utf8).withUnsafeBytes { self.text($0, limit: limit) }
    }

    private mutating func optionalString(_ text: String?) {
        guard let text else { return bytes.append(0) }
        Array(text.utf8).withUnsafeBytes { optionalText($0) }
    }
}

/// Reads the activities `DealActivityPacker` packed. Those bytes come only from the packer,
/// whole; a malformed byte could only be a fault in it, and stops the program at the index check
/// of the buffer.
struct DealActivityReader {
    private let bytes: UnsafeRawBufferPointer
    /// Past byte 0, which says whether all is within `Limits`.
    private var at = 1

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func activities() -> [Activity] {
        let count = number()
        var activities: [Activity] = []
        activities.reserveCapacity(count)
        let (kinds, outcomes) = (DealActivityPacker.kinds, DealActivityPacker.outcomes)
        for _ in 0..<count {
            let time = self.time(), by = text()
            let kind = kinds[Int(bytes[at])], outcome = bytes[at + 1]
            at += 2
            let note = text()
            activities.append(
                Activity(at: time, by: by, kind: kind, outcome: outcome == 255 ? nil : outcomes[Int(outcome)], note: note, module: optionalText()))
        }
        return activities
    }

    private mutating func number() -> Int {
        var value = 0, shift = 0
        while true {
            let byte = bytes[at]
            at += 1
            value |= Int(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    private mutating func time() -> Date {
        precondition(at + 8 <= bytes.count)
        defer { at += 8 }
        return Date(timeIntervalSince1970: Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))))
    }

    private mutating func text() -> String { text(count: number()) }

    private mutating func text(count: Int) -> String {
        defer { at += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<at + count]), as: UTF8.self)
    }

    private mutating func optionalText() -> String? {
        let stored = number()
        return stored == 0 ? nil : text(count: stored - 1)
    }
}
