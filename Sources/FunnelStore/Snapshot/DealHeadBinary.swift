import FunnelCore

/// A deal's head (`DealHead`) as the snapshot cache writes it before each deal: id, owner,
/// pipeline, stage, and the second it entered the stage.
extension DealHead {
    func write(to w: inout BinaryWriter) {
        w.string(id)
        w.optionalString(owner)
        w.optionalString(pipeline)
        w.string(stage)
        w.i64(stageEnteredSecond)
    }

    /// Steps over a head as `write` wrote it, making none of its texts.
    static func skip(_ r: inout BinaryReader) throws {
        try r.skipString()
        if try r.u8() == 1 { try r.skipString() }
        if try r.u8() == 1 { try r.skipString() }
        try r.skipString()
        try r.need(8)
        r.offset += 8
    }

    static func read(_ r: inout BinaryReader) throws -> DealHead {
        let id = try r.string()
        let owner = try r.optionalString()
        let pipeline = try r.optionalString()
        let stage = try r.string()
        let second = try r.i64()
        // Never written so (`DealHead.second` clamps): a cache to rebuild, not a date to trap on.
        guard DealHead.secondRange.contains(second) else { throw CacheUnreadable() }
        return DealHead(id: id, owner: owner, pipeline: pipeline, stage: stage, stageEnteredSecond: second)
    }
}
