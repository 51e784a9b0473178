import Foundation
import FunnelCore

extension DealBinary {
    /// One activity as `writeActivities` wrote it: its texts as their bytes in the reader's buffer.
    struct ActivityParts {
        let at: Double
        let by: UnsafeRawBufferPointer
        let kind: ActivityKind
        let outcome: CallOutcome?
        let note: UnsafeRawBufferPointer
        let module: UnsafeRawBufferPointer?
    }

    /// How many activities follow (`writeActivities`): no more than bytes are left.
    static func activityCount(_ r: inout BinaryReader) throws -> Int {
        let count = Int(try r.u32())
        guard count <= r.remaining else { throw CacheUnreadable() }
        return count
    }

    /// `count` activities' parts, each checked (a kind and an outcome funnel knows) and handed to
    /// `body` as it is read: one reading for stepping over, making, measuring and packing them.
    static func eachActivity(_ count: Int, _ r: inout BinaryReader, _ body: (ActivityParts) throws -> Void) throws {
        let (kinds, outcomes) = (activityKinds, callOutcomes)
        for _ in 0..<count {
            let at = try r.f64()
            let by = try r.stringBytes()
            let kind = Int(try r.u8()), outcome = Int(try r.u8())
            guard kind < kinds.count, outcome < outcomes.count || outcome == 255 else { throw CacheUnreadable() }
            let note = try r.stringBytes()
            try body(
                ActivityParts(
                    at: at, by: by, kind: kinds[kind], outcome: outcome == 255 ? nil : outcomes[outcome], note: note,
                    module: try r.optionalStringBytes()))
        }
    }

    /// The activities, packed as they are read (their texts' bytes copied, none made) into an
    /// array of the exact size (their lengths read ahead first): the deal's log with `history`.
    static func packActivities(_ r: inout BinaryReader, history: [StageChange]) throws -> DealLog? {
        let count = try activityCount(&r)
        var ahead = r
        var room = DealActivityPacker.room(count: count)
        try eachActivity(count, &ahead) { room += DealActivityPacker.room(by: $0.by.count, note: $0.note.count, module: $0.module?.count) }
        var packer = DealActivityPacker(room: room)
        packer.begin(count: count)
        try eachActivity(count, &r) { packer.activity(at: $0.at, by: $0.by, kind: $0.kind, outcome: $0.outcome, note: $0.note, module: $0.module) }
        return packer.log(history: history)
    }
}
