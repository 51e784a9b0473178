import Foundation
import FunnelCore

extension DealBinary {
    /// The activities as `writeActivities` wrote them, packed as they are read (their texts'
    /// bytes copied, none made) and checked as `readActivities` checks them: the deal's log with
    /// `history`; nil when they were not whole.
    static func packActivities(_ r: inout BinaryReader, history: [StageChange]) throws -> DealLog? {
        let count = Int(try r.u32())
        guard count <= r.remaining else { throw CacheUnreadable() }
        var packer = DealActivityPacker(room: try room(r, count: count))
        packer.begin(count: count)
        let (kinds, outcomes) = (activityKinds, callOutcomes)
        for _ in 0..<count {
            let at = try r.f64()
            let by = try r.stringBytes()
            let kind = Int(try r.u8()), outcome = Int(try r.u8())
            guard kind < kinds.count, outcome < outcomes.count || outcome == 255 else { throw CacheUnreadable() }
            let note = try r.stringBytes()
            packer.activity(
                at: at, by: by, kind: kinds[kind], outcome: outcome == 255 ? nil : outcomes[outcome], note: note,
                module: try r.optionalStringBytes())
        }
        return packer.log(history: history)
    }

    /// The bytes `count` activities from where `r` stands take packed (`DealActivityPacker.room`):
    /// their texts' lengths read ahead, the reader itself left where it was.
    static func room(_ r: BinaryReader, count: Int) throws -> Int {
        var ahead = r
        var room = DealActivityPacker.room(count: count)
        for _ in 0..<count {
            try ahead.need(8)
            ahead.offset += 8
            let by = try ahead.stringBytes().count
            try ahead.need(2)
            ahead.offset += 2
            let note = try ahead.stringBytes().count
            let module = try ahead.optionalStringBytes()?.count
            room += DealActivityPacker.room(by: by, note: note, module: module)
        }
        return room
    }
}
