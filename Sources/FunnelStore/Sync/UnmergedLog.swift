import Foundation
import FunnelCore

/// A file both sides of a sync changed that funnel could not merge (a side the strict reader
/// refuses, a catalogue with one code twice…): one version was kept in the data directory, the
/// other is in the repository's history. `funnel sync` notes each in `.git/funnel-unmerged.json`
/// and `funnel doctor` explains it until the file is changed again (by a person putting it right).
public struct UnmergedFile: Codable, Sendable, Equatable {
    /// The file, relative to the data directory.
    public var path: String
    /// Why it could not be merged.
    public var reason: String
    /// Whose version is in the data directory: `ours` (this clone's) or `theirs` (the one shared).
    public var kept: String
    /// The commit that holds the version not kept.
    public var other: String
    /// A hash of the kept content: while the file still has it, nobody has put it right.
    public var keptHash: String
    public var at: Date

    enum CodingKeys: String, CodingKey {
        case path, reason, kept, other, at
        case keptHash = "kept_hash"
    }

    public init(path: String, reason: String, kept: String, other: String, content: Data, at: Date) {
        self.path = path
        self.reason = reason
        self.kept = kept
        self.other = other
        self.keptHash = Self.hash(content)
        self.at = at
    }

    /// FNV-1a, 64 bits, in hex: enough to tell a file changed since, not a checksum of trust.
    public static func hash(_ data: Data) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        return String(value, radix: 16)
    }
}

/// `.git/funnel-unmerged.json`: the files a sync could not merge, still waiting for a person.
public struct UnmergedLog {
    public let root: String
    var path: String { root + "/.git/funnel-unmerged.json" }
    static let limit = 4 << 20

    public init(root: String) { self.root = root }

    /// Every file noted and not put right since (the data directory's file no longer the kept one).
    public func pending() throws -> [UnmergedFile] {
        guard let data = try AtomicFile.readFile(path, limit: Self.limit)?.data else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let all: [UnmergedFile]
        do { all = try decoder.decode([UnmergedFile].self, from: data) } catch {
            throw StoreError.corrupt(path: path, detail: "not a list of unmerged files (\(error)); funnel sync writes it again")
        }
        return all.filter { file in
            guard SyncFiles.isSyncable(file.path) else { return false }
            let content = (try? AtomicFile.readFile(root + "/" + file.path, limit: FunnelStore.maximumFileBytes)?.data) ?? nil
            return content.map(UnmergedFile.hash) == file.keptHash
        }
    }

    /// Notes `files`, keeping the ones still pending.
    func add(_ files: [UnmergedFile]) throws {
        guard !files.isEmpty else { return }
        let kept = ((try? pending()) ?? []).filter { old in !files.contains { $0.path == old.path } }
        try write(kept + files)
    }

    /// Keeps only the pending ones (`doctor --repair`); true when some were dropped.
    public func prune() throws -> Bool {
        guard AtomicFile.identity(path) != nil else { return false }
        let pending = try pending()
        let before = try AtomicFile.readFile(path, limit: Self.limit)?.data
        try write(pending)
        return try AtomicFile.readFile(path, limit: Self.limit)?.data != before
    }

    private func write(_ files: [UnmergedFile]) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(files), to: path)
    }
}
