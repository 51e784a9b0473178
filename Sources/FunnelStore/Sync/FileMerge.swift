import Foundation
import FunnelCore

/// Three versions of one funnel file (a deal, pipeline.json, team.json, products.json) merged into one that the
/// store's strict reader accepts: what `funnel merge-deal` (git's merge driver) and `funnel sync`
/// write. Never conflict markers: a merge that cannot be made throws, naming why.
public enum FileMerge {
    /// A merged file and what was settled on the way (for the sync's report).
    public struct Outcome: Sendable {
        public let data: Data
        public let conflicts: [String]
        /// The merged deal, for a deal file (its owner decides where the file goes).
        public let deal: Deal?
    }

    /// Merges `ours` and `theirs` against `base` (nil or empty: no common version). `path` names
    /// the file in errors. Throws `StoreError.corrupt` when a side cannot be read or the result
    /// would not be accepted.
    public static func merge(base: Data?, ours: Data, theirs: Data, path: String) throws -> Outcome {
        let base = base.flatMap { $0.isEmpty ? nil : $0 }
        let name = (path as NSString).lastPathComponent
        // What the file is: from its name when it is a funnel file's (sync), else from its content
        // (git's driver gets temporary names).
        let isPipeline = SyncFiles.isPipelineFile(path)
        let settings = ["team.json", "products.json", "goals.json"]
        let probe: JSONValue? =
            isPipeline || settings.contains(name) || StorePaths.isDealFileName(name)
            ? nil
            : try FunnelJSON.decoder().decode(JSONValue.self, from: ours)
        if probe?["deal"] != nil || (probe == nil && StorePaths.isDealFileName(name) && !isPipeline && !settings.contains(name)) {
            return try mergeDeal(base: base, ours: ours, theirs: theirs, path: path)
        }
        if probe?["pipeline"] != nil || isPipeline {
            return try mergeSettings(base: base, ours: ours, theirs: theirs, path: path) { data in
                let pipeline = try FunnelJSON.decode(StoredFile<Pipeline>.self, from: data, path: path)
                let errors = pipeline.body.validationErrors
                if !errors.isEmpty { throw StoreError.corrupt(path: path, detail: errors.joined(separator: "; ")) }
                return try FunnelJSON.encode(pipeline)
            }
        }
        if probe?["users"] != nil || name == "team.json" {
            return try mergeSettings(base: base, ours: ours, theirs: theirs, path: path) { data in
                let team = try FunnelJSON.decode(StoredFile<[User]>.self, from: data, path: path)
                if Set(team.body.map(\.account)).count != team.body.count {
                    throw StoreError.corrupt(path: path, detail: "an account appears twice")
                }
                return try FunnelJSON.encode(team)
            }
        }
        if probe?["products"] != nil || name == "products.json" {
            return try mergeSettings(base: base, ours: ours, theirs: theirs, path: path) { data in
                try FunnelJSON.encode(try FunnelJSON.decode(StoredFile<ProductCatalogue>.self, from: data, path: path))
            }
        }
        if probe?["goals"] != nil || name == "goals.json" {
            return try mergeSettings(base: base, ours: ours, theirs: theirs, path: path) { data in
                try FunnelJSON.encode(try FunnelJSON.decode(StoredFile<GoalBook>.self, from: data, path: path))
            }
        }
        throw StoreError.corrupt(path: path, detail: "not a deal, pipeline, team, product catalogue or goals file")
    }

    static func mergeDeal(base: Data?, ours: Data, theirs: Data, path: String) throws -> Outcome {
        let o = try FunnelJSON.decode(StoredFile<Deal>.self, from: ours, path: path).body
        let t = try FunnelJSON.decode(StoredFile<Deal>.self, from: theirs, path: path).body
        let b = base.flatMap { try? FunnelJSON.decode(StoredFile<Deal>.self, from: $0, path: path).body }
        let merged: DealMergeResult
        do {
            merged = try DealMerge.merge(base: b, ours: o, theirs: t)
        } catch {
            throw StoreError.corrupt(path: path, detail: error.description)
        }
        let data = try encode(StoredFile(body: merged.deal), path: path)
        // The result goes through the same strict reader every load uses.
        _ = try FunnelJSON.decode(StoredFile<Deal>.self, from: data, path: path)
        let conflicts = merged.conflicts.map { "deal \(o.id): \($0.field): kept “\($0.kept)”, the other value is a note on the deal" }
        return Outcome(data: data, conflicts: conflicts, deal: merged.deal)
    }

    static func mergeSettings(
        base: Data?, ours: Data, theirs: Data, path: String,
        check: (Data) throws -> Data
    ) throws -> Outcome {
        // Both sides must be readable as they are before they are merged.
        _ = try check(ours)
        _ = try check(theirs)
        let decoder = FunnelJSON.decoder()
        let o = try decoder.decode(JSONValue.self, from: ours)
        let t = try decoder.decode(JSONValue.self, from: theirs)
        let b = base.flatMap { try? decoder.decode(JSONValue.self, from: $0) }
        let (merged, conflicts) = SettingsMerge.merge(base: b, ours: o, theirs: t)
        let data = try check(try JSONEncoder().encode(merged)) + Data("\n".utf8)
        let name = (path as NSString).lastPathComponent
        return Outcome(data: data, conflicts: conflicts.map { "\(name): \($0): kept the version already shared" }, deal: nil)
    }

    static func encode(_ file: StoredFile<Deal>, path: String) throws -> Data {
        do {
            return try FunnelJSON.encode(file) + Data("\n".utf8)
        } catch {
            throw StoreError.corrupt(path: path, detail: "the merged deal cannot be written: \(error)")
        }
    }

    /// Whether `data` is a funnel file the store reads (used before committing a local change).
    public static func problem(in data: Data, path: String) -> String? {
        let name = (path as NSString).lastPathComponent
        do {
            switch SyncFiles.isPipelineFile(path) ? "pipeline.json" : name {
            case "pipeline.json":
                let pipeline = try FunnelJSON.decode(StoredFile<Pipeline>.self, from: data, path: path).body
                return pipeline.validationErrors.first
            case "team.json": _ = try FunnelJSON.decode(StoredFile<[User]>.self, from: data, path: path)
            case "products.json": _ = try FunnelJSON.decode(StoredFile<ProductCatalogue>.self, from: data, path: path)
            case "goals.json": _ = try FunnelJSON.decode(StoredFile<GoalBook>.self, from: data, path: path)
            default:
                let deal = try FunnelJSON.decode(StoredFile<Deal>.self, from: data, path: path).body
                if deal.id + ".json" != name { return "holds deal \(deal.id) but is named \(name)" }
            }
            return nil
        } catch {
            return "\(error)"
        }
    }
}
