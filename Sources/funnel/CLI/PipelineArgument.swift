import FunnelCore
import FunnelStore

/// `--pipeline NAME` (a name or id, case-insensitive) on every command about stages and deals:
/// the first pipeline when absent; `all` where a command can show every pipeline at once.
enum PipelineArgument {
    /// The option, as every command that takes it describes it.
    static let option = OptionSpec(value: "PIPELINE", "the pipeline, by name or id (default: the first; funnel pipelines)")
    /// The option where `all` is accepted too.
    static let optionWithAll = OptionSpec(
        value: "PIPELINE",
        "the pipeline, by name or id, or all (default: the first; funnel pipelines)")

    /// Whether `--pipeline all` was given.
    static func isEvery<Key: PipelineOptionKey>(_ arguments: Arguments<Key>) -> Bool {
        arguments[.pipeline].map { $0.trimmingCharacters(in: .whitespaces).lowercased() == PipelineSet.everyPipeline } ?? false
    }
}

extension Session {
    /// Every pipeline of the data directory, or a data error naming the file.
    func pipelines() throws -> PipelineSet {
        try data { try store.loadPipelineSet() }
    }

    /// The pipeline `text` names (the first when nil), or exit 5: "no pipeline x (pipelines: a, b)";
    /// exit 2 when it names more than one (one's id is another's name, after a hand edit or a merge).
    func pipelineEntry(_ text: String?, in set: PipelineSet) throws -> PipelineEntry {
        guard let text else { return set.first }
        let found = set.matches(text)
        if found.count > 1 { throw CommandFailure.usage(Message.ambiguousPipeline(text: text, ids: found.map(\.id)).localized) }
        guard let entry = found.first else {
            throw CommandFailure.notFound(Message.unknownPipeline(text: text, known: set.names).localized)
        }
        return entry
    }

    /// The funnel on the pipeline `--pipeline` names (the first when absent).
    func funnel<Key: PipelineOptionKey>(_ arguments: Arguments<Key>) throws -> Funnel {
        let set = try pipelines()
        return try funnel().on(try pipelineEntry(arguments[.pipeline], in: set))
    }

    /// The deals in `funnel`'s pipeline (every pipeline's when nil) that fall in `scope` for
    /// `actor` (every deal loaded, when nil) and that `also` accepts. The others are not
    /// decoded: they are told apart by their heads (see `FunnelStore.loadDealSet(where:)`).
    /// Deals may come without the parts `leaving` names (a reader that never looks at them).
    func deals(
        for actor: User, in funnel: Funnel?, scope: Scope? = nil, leaving: DealParts = [],
        also: @escaping @Sendable (DealHead) -> Bool = { _ in true }
    ) throws -> [Deal] {
        try deals(for: actor, leaving: leaving, where: try heads(for: actor, in: funnel, scope: scope, also: also))
    }

    /// `deals(for:in:scope:also:)` as a report counts them (`ReportRows`): from the cache, read
    /// straight into plain numbers, no deal made.
    func reportRows(
        for actor: User, in funnel: Funnel?, scope: Scope?, also: @escaping @Sendable (DealHead) -> Bool
    ) throws -> ReportRows {
        let wanted = try heads(for: actor, in: funnel, scope: scope, also: also)
        let read = try data { try store.loadReportRows(where: wanted) }
        if let skipped = read.skipped.skippedWarning(toManager: actor.role == .manager) { Console.error("funnel: warning: " + skipped) }
        KeptUntilExit.keep(read.rows)
        return read.rows
    }

    /// Which heads are of `funnel`'s pipeline (any, when nil), in `scope` for `actor` and accepted by `also`.
    private func heads(
        for actor: User, in funnel: Funnel?, scope: Scope?, also: @escaping @Sendable (DealHead) -> Bool
    ) throws -> @Sendable (DealHead) -> Bool {
        let set = try pipelines()
        // Asked of every head (100,000 at a time, on every core): the funnel is not copied for each.
        let pipelineID = funnel?.pipelineID
        return { head in
            guard pipelineID.map({ set.home(ofPipeline: head.pipeline) == $0 }) ?? true else { return false }
            return (scope.map { Visibility.includes(owner: head.owner, scope: $0, actor: actor) } ?? true) && also(head)
        }
    }
}

/// The options of a command that takes `--pipeline`.
protocol PipelineOptionKey: OptionKey {
    static var pipeline: Self { get }
}
