import Foundation

/// One pipeline of a data directory with the id deals and `--pipeline` name it by.
public struct PipelineEntry: Hashable, Sendable {
    /// `main` for the first pipeline; the file name of any other (`pipelines/renewals.json`).
    public var id: String
    public var pipeline: Pipeline

    public init(id: String, pipeline: Pipeline) {
        self.id = id
        self.pipeline = pipeline
    }

    /// Whether this is the first pipeline (`pipeline.json`), the one a deal without a `pipeline` is in.
    public var isFirst: Bool { id == PipelineSet.firstID }

    /// What a deal in this pipeline stores as its `pipeline`: nil for the first.
    public var storedID: String? { isFirst ? nil : id }
}

/// Every pipeline of a data directory, the first first (e.g. new sales, then renewals). A deal
/// names the pipeline it is in by id; a deal naming none, or one that is no longer there, is
/// in the first, so no deal is ever hidden.
public struct PipelineSet: Hashable, Sendable {
    /// The first pipeline's id: it lives in `pipeline.json` and its deals store no `pipeline`.
    public static let firstID = "main"
    /// What `--pipeline` takes for every pipeline at once; no pipeline may be named so.
    public static let everyPipeline = "all"
    /// The most pipelines a data directory holds.
    public static let maximumCount = 50

    /// Never empty: the first entry is the first pipeline.
    public private(set) var entries: [PipelineEntry]

    /// The set of `first` (`pipeline.json`) and the others, ordered by id.
    public init(first: Pipeline, others: [PipelineEntry] = []) {
        entries = [PipelineEntry(id: Self.firstID, pipeline: first)] + others.filter { !$0.isFirst }.sorted { $0.id < $1.id }
    }

    public var first: PipelineEntry { entries[0] }

    /// Whether `id` is one a pipeline other than the first can have: a stage-like id
    /// (`StageIdentifier.isValid`), so it is safe as a file name.
    public static func isValidID(_ id: String) -> Bool { StageIdentifier.isValid(id) }

    /// The pipeline with this id, exactly.
    public func entry(id: String) -> PipelineEntry? { entries.first { $0.id == id } }

    /// The pipeline a person means by `text`: an id, else a name; case and runs of spaces ignored.
    /// nil when none, or when `text` names more than one (`matches`).
    public func find(_ text: String) -> PipelineEntry? {
        let found = matches(text)
        return found.count == 1 ? found[0] : nil
    }

    /// Every pipeline `text` names, by id or by name (case and runs of spaces ignored): more than
    /// one only after a hand edit or a sync merge gave one pipeline's name to another.
    public func matches(_ text: String) -> [PipelineEntry] {
        let wanted = Self.folded(text)
        return entries.filter { $0.id == wanted || Self.folded($0.pipeline.name) == wanted }
    }

    /// The names two or more pipelines share (case and runs of spaces ignored), for `funnel doctor`.
    public var sharedNames: [String] {
        let groups = Dictionary(grouping: entries) { Self.folded($0.pipeline.name) }
        return groups.filter { $0.value.count > 1 }.map { $0.value[0].pipeline.name }.sorted()
    }

    /// The id of the pipeline `deal` is in: its `pipeline` when that pipeline exists, else the first.
    public func home(of deal: Deal) -> String { home(ofPipeline: deal.pipeline) }

    /// The pipeline a deal whose `pipeline` field is `id` is in: the first for nil or an id no
    /// pipeline has.
    public func home(ofPipeline id: String?) -> String {
        guard let id, entry(id: id) != nil else { return Self.firstID }
        return id
    }

    /// The pipeline `deal` is in (see `home(of:)`).
    public func entry(for deal: Deal) -> PipelineEntry { entry(id: home(of: deal)) ?? first }

    /// The deals of `deals` in the pipeline `id`.
    public func deals(_ deals: [Deal], in id: String) -> [Deal] { deals.filter { home(of: $0) == id } }

    /// The pipelines' names, in order, for a message ("no pipeline x (pipelines: a, b)").
    public var names: [String] { entries.map(\.pipeline.name) }

    /// A name as pipelines are compared: lower case, spaces trimmed and runs of them made one.
    public static func folded(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `entry` put in place of the pipeline with its id.
    public mutating func replace(_ entry: PipelineEntry) {
        guard let index = entries.firstIndex(where: { $0.id == entry.id }) else { return }
        entries[index] = entry
    }

    /// `entry` added in its place by id (the first stays first).
    mutating func append(_ entry: PipelineEntry) {
        let index = entries.indices.dropFirst().first { entries[$0].id > entry.id } ?? entries.count
        entries.insert(entry, at: index)
    }
}
