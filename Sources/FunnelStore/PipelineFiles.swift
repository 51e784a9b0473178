import Foundation
import FunnelCore

/// The pipelines of a data directory: the first in `pipeline.json`, every other in
/// `pipelines/<id>.json` (the same format), named by a validated id only (`StorePaths.pipelineFile`).
extension FunnelStore {
    var pipelinesDirectory: String { root + "/pipelines" }

    /// The file pipeline `id` lives in: `pipeline.json` for the first.
    func pipelineFile(id: String) throws -> String {
        id == PipelineSet.firstID ? pipelinePath : try StorePaths.pipelineFile(root: root, id: id)
    }

    /// Every pipeline: `pipeline.json` first, then `pipelines/*.json` by id. A file that cannot be
    /// read, or whose name is not a pipeline id, stops the load with an error naming it (left untouched).
    public func loadPipelineSet() throws -> PipelineSet {
        let first = try loadPipeline()
        var others: [PipelineEntry] = []
        for name in try AtomicFile.list(pipelinesDirectory).sorted() where !name.hasPrefix(".") {
            let path = "\(pipelinesDirectory)/\(name)"
            let id = name.hasSuffix(".json") ? String(name.dropLast(5)) : ""
            guard PipelineSet.isValidID(id), id != PipelineSet.firstID, id != PipelineSet.everyPipeline else {
                throw StoreError.corrupt(
                    path: path, detail: "not a pipeline file: its name must be a pipeline id (a–z, digits, single hyphens) and .json")
            }
            others.append(PipelineEntry(id: id, pipeline: try readPipeline(at: path)))
        }
        return PipelineSet(first: first, others: others)
    }

    /// Makes `pipelines/` when missing; in a team's shared directory not yet prepared by `team-init`
    /// for it, members may read it but not write (as the data directory itself).
    func makePipelinesDirectory() throws {
        guard AtomicFile.identity(pipelinesDirectory) == nil else { return }
        try AtomicFile.makeDirectory(pipelinesDirectory)
        if isShared { chmod(pipelinesDirectory, 0o2750) }
    }

    /// The pipeline in the file at `path`, checked as `pipeline.json` is.
    func readPipeline(at path: String) throws -> Pipeline {
        guard let data = try AtomicFile.readFile(path, limit: Self.maximumFileBytes)?.data else {
            throw StoreError.corrupt(path: path, detail: "the file is missing")
        }
        let pipeline = try FunnelJSON.decode(StoredFile<Pipeline>.self, from: data, path: path).body
        let errors = pipeline.validationErrors
        if !errors.isEmpty { throw StoreError.corrupt(path: path, detail: errors.joined(separator: "; ")) }
        return pipeline
    }

    /// Re-reads the pipelines under the lock, lets `change` add or rename one, and writes that
    /// one's file (a new one where nothing is). Nothing is written when `change` refuses.
    public func updatePipelineSet(_ change: (PipelineSet) -> Result<(PipelineSet, PipelineEntry), Refusal>) throws -> Result<PipelineEntry, Refusal> {
        try lock.withLock {
            let set = try loadPipelineSet()
            switch change(set) {
            case .failure(let refusal):
                return .failure(refusal)
            case .success(let (_, entry)):
                let path = try pipelineFile(id: entry.id)
                let isNew = set.entry(id: entry.id) == nil
                if isNew { try makePipelinesDirectory() }
                // Journaled, so the cache of the deals stays believed (a new file: the whole fingerprint again).
                try journaled([]) {
                    try writeJSON(StoredFile(body: entry.pipeline), to: path, replacing: isNew ? .nothing : .anything)
                    return [path]
                }
                return .success(entry)
            }
        }
    }
}
