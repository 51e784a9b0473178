import FunnelCore

/// What a reader can know of a deal without decoding it: who owns it, which pipeline and stage
/// it is in. The snapshot cache writes it before each deal, so a reader that wants only some
/// deals (a rep's own, one pipeline's open deals) skips the others (`FunnelStore.loadDealSet(where:)`).
public struct DealHead: Hashable, Sendable {
    public let id: String
    /// nil: in the shared inbox.
    public let owner: String?
    /// nil: the first pipeline (`pipeline.json`).
    public let pipeline: String?
    public let stage: String

    public init(_ deal: Deal) {
        id = deal.id
        owner = deal.owner
        pipeline = deal.pipeline
        stage = deal.stage
    }

    init(id: String, owner: String?, pipeline: String?, stage: String) {
        self.id = id
        self.owner = owner
        self.pipeline = pipeline
        self.stage = stage
    }

    func write(to w: inout BinaryWriter) {
        w.string(id)
        w.optionalString(owner)
        w.optionalString(pipeline)
        w.string(stage)
    }

    /// Steps over a head as `write` wrote it, making none of its texts.
    static func skip(_ r: inout BinaryReader) throws {
        try r.skipString()
        if try r.u8() == 1 { try r.skipString() }
        if try r.u8() == 1 { try r.skipString() }
        try r.skipString()
    }

    static func read(_ r: inout BinaryReader) throws -> DealHead {
        let id = try r.string()
        let owner = try r.optionalString()
        let pipeline = try r.optionalString()
        return DealHead(id: id, owner: owner, pipeline: pipeline, stage: try r.string())
    }
}
