import Foundation
import FunnelCore

#if canImport(Glibc)
import Glibc
#endif

/// Which folder each deal of the snapshot is in, by id: a command about one deal finds its file
/// without looking for the name in every seller's folder (at a million deals, 1,164 look-ups of a
/// name a folder does not hold took 35–100 ms), reading the index's head and one block of it.
///
///     cache/ids.bin   "FNLIDS02", generation (the snapshot's), the length of the head, then the
///                     head: the digest of the snapshot's fingerprint, the owners (count, then
///                     each), the blocks (count, then each block's first id, where it starts after
///                     the head, its length, its checksum), the head's checksum; then the blocks:
///                     entries in the order of their ids (the id, its owner's number, 0 the inbox)
///
/// Believed only with the journal of its generation, whose records it is read with, and only
/// while that journal's last fingerprint is the data directory's (`SnapshotCache.places`); a
/// block is read only when its checksum holds.
final class IdIndex {
    static let magic = Array("FNLIDS02".utf8)
    /// About how many bytes of entries a block holds.
    static let blockBytes = 4_096

    let generation: UInt64
    /// The digest of the fingerprint the snapshot was written at (`SnapshotCache.Journal.digest`).
    let digest: String
    private let owners: [String?]
    private let blocks: [Block]
    private let blocksStart: Int
    private let fd: Int32
    private let path: String

    /// Where a block of entries lies, its first id, its checksum.
    private struct Block {
        let first: [UInt8]
        let start: Int
        let length: Int
        let checksum: UInt32
    }

    /// The index of `deals` for a snapshot of `generation` written at `fingerprint`.
    static func bytes<C: Collection>(_ deals: C, fingerprint: String, generation: UInt64) -> Data where C.Element == Deal {
        var numbers: [String: UInt32] = [:]
        var owners: [String] = []
        var entries = deals.map { deal -> (id: String, owner: UInt32) in
            guard let owner = deal.owner else { return (deal.id, 0) }
            if let number = numbers[owner] { return (deal.id, number) }
            owners.append(owner)
            numbers[owner] = UInt32(owners.count)
            return (deal.id, UInt32(owners.count))
        }
        entries.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        return bytes(sorted: entries, owners: owners, fingerprint: fingerprint, generation: generation)
    }

    /// The index of `entries` (in the order of their ids; owner 0 the inbox, k `owners[k - 1]`).
    static func bytes(sorted entries: [(id: String, owner: UInt32)], owners: [String], fingerprint: String, generation: UInt64) -> Data {
        var body = BinaryWriter(capacity: entries.count * 20)
        var blocks: [(first: String, start: Int)] = []
        for entry in entries {
            if blocks.isEmpty || body.bytes.count - blocks[blocks.count - 1].start >= blockBytes { blocks.append((entry.id, body.bytes.count)) }
            body.string(entry.id)
            body.u32(entry.owner)
        }
        var head = BinaryWriter(capacity: 1_024 + blocks.count * 24)
        head.string(SnapshotCache.Journal.digest(fingerprint))
        head.u32(UInt32(owners.count))
        for owner in owners { head.string(owner) }
        head.u32(UInt32(blocks.count))
        for (k, block) in blocks.enumerated() {
            let end = k + 1 < blocks.count ? blocks[k + 1].start : body.bytes.count
            head.string(block.first)
            head.u64(UInt64(block.start))
            head.u32(UInt32(end - block.start))
            head.u32(body.bytes[block.start..<end].withUnsafeBytes { checksum($0) })
        }
        head.u32(head.bytes.withUnsafeBytes { checksum($0) })
        var file = BinaryWriter(capacity: 20 + head.bytes.count + body.bytes.count)
        file.append(magic)
        file.u64(generation)
        file.u32(UInt32(head.bytes.count))
        file.append(head.bytes)
        file.append(body.bytes)
        return Data(file.bytes)
    }

    /// The index at `path` (a regular file, never through a link), its head read and checked;
    /// nil when it is missing, not an index, or its head is torn or changed.
    init?(path: String) {
        guard let fd = try? AtomicFile.openRegular(path) else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size >= 24, let start = try? AtomicFile.readRange(fd, path: path, at: 0, count: 20),
            start.count == 20, Array(start.prefix(8)) == Self.magic
        else {
            close(fd)
            return nil
        }
        let (generation, length) = start.withUnsafeBytes { raw in
            let generation = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            return (generation, Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))))
        }
        guard length >= 4, length <= Int(info.st_size) - 20, let head = try? AtomicFile.readRange(fd, path: path, at: 20, count: length),
            head.count == length, let parsed = head.withUnsafeBytes({ Self.parseHead($0, fileSize: Int(info.st_size) - 20 - length) })
        else {
            close(fd)
            return nil
        }
        (self.fd, self.path, self.generation, blocksStart) = (fd, path, generation, 20 + length)
        (digest, owners, blocks) = parsed
    }

    deinit { close(fd) }

    /// The head's digest, owners and blocks, when its checksum holds and every block lies within
    /// the `blocksBytes` after it.
    private static func parseHead(_ raw: UnsafeRawBufferPointer, fileSize blocksBytes: Int) -> (String, [String?], [Block])? {
        let body = UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 4)])
        guard UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 4, as: UInt32.self)) == checksum(body) else { return nil }
        var r = BinaryReader(body)
        guard let digest = try? r.string(), let ownerCount = try? Int(r.u32()), ownerCount <= r.remaining else { return nil }
        var owners: [String?] = [nil]
        for _ in 0..<ownerCount {
            guard let owner = try? r.string(), User.isValidAccount(owner) else { return nil }
            owners.append(owner)
        }
        guard let count = try? Int(r.u32()), count <= r.remaining / 20 else { return nil }
        var blocks: [Block] = []
        blocks.reserveCapacity(count)
        for _ in 0..<count {
            guard let first = try? r.stringBytes(), let start = try? r.u64(), let length = try? Int(r.u32()), let sum = try? r.u32(),
                start <= UInt64(blocksBytes), length <= blocksBytes - Int(start)
            else { return nil }
            // The blocks in the order of their first ids, or the index is not believed.
            if let last = blocks.last, !last.first.lexicographicallyPrecedes(first) { return nil }
            blocks.append(Block(first: Array(first), start: Int(start), length: length, checksum: sum))
        }
        return (digest, owners, blocks)
    }

    /// The entries of block `k`, in order: ids' bytes and owners (nil: the inbox); nil when the
    /// block cannot be read or its checksum does not hold.
    private func entries(_ k: Int) -> [(id: [UInt8], owner: String?)]? {
        let block = blocks[k]
        guard let data = try? AtomicFile.readRange(fd, path: path, at: blocksStart + block.start, count: block.length),
            data.count == block.length
        else { return nil }
        return data.withUnsafeBytes { raw -> [(id: [UInt8], owner: String?)]? in
            guard checksum(raw) == block.checksum else { return nil }
            var r = BinaryReader(raw)
            var entries: [(id: [UInt8], owner: String?)] = []
            while r.remaining > 0 {
                guard let id = try? r.stringBytes(), let number = try? Int(r.u32()), number < owners.count else { return nil }
                // In order, beginning with the id the head says, before the next block's first.
                if let last = entries.last?.id, !last.lexicographicallyPrecedes(id) { return nil }
                entries.append((Array(id), owners[number]))
            }
            guard entries.first?.id == block.first, k + 1 == blocks.count || entries.last!.id.lexicographicallyPrecedes(blocks[k + 1].first)
            else { return nil }
            return entries
        }
    }

    /// The deals whose id starts with `prefix` (bytes, lowercase), with their owners; nil when a
    /// block cannot be read or the entries are out of order (the index is not believed).
    func deals(withPrefix prefix: [UInt8]) -> [(id: String, owner: String?)]? {
        // The last block that begins before the prefix (or the first), by halves: the prefix's
        // ids begin there or in the next.
        var low = 0, high = blocks.count
        while low < high {
            let middle = (low + high) / 2
            if blocks[middle].first.lexicographicallyPrecedes(prefix) { low = middle + 1 } else { high = middle }
        }
        var matches: [(id: String, owner: String?)] = []
        for k in max(0, low - 1)..<blocks.count {
            // Each block read is checked in order, whole (`entries`), before any answer is given.
            guard let entries = entries(k) else { return nil }
            for entry in entries {
                if entry.id.starts(with: prefix) {
                    matches.append((String(decoding: entry.id, as: UTF8.self), entry.owner))
                } else if !entry.id.lexicographicallyPrecedes(prefix) {
                    return matches
                }
            }
        }
        return matches
    }
}

/// Where the deals are now: the id index, and the journal's later records over it.
struct DealPlaces {
    /// A deal the journal wrote after the index (in its owner's folder, or the inbox), or removed.
    enum Later {
        case at(String?)
        case removed
    }

    let index: IdIndex
    let later: [String: Later]

    /// The deals whose id starts with `prefix` (lowercase), by id, with their owners (nil: the
    /// inbox); nil when the index cannot be read.
    func deals(withPrefix prefix: String) -> [String: String?]? {
        let bytes = Array(prefix.utf8)
        guard let indexed = index.deals(withPrefix: bytes) else { return nil }
        var found: [String: String?] = [:]
        for (id, owner) in indexed { found[id] = .some(owner) }
        for (id, place) in later where id.utf8.starts(with: bytes) {
            switch place {
            case .at(let owner): found[id] = .some(owner)
            case .removed: found[id] = nil
            }
        }
        return found
    }
}

extension SnapshotCache {
    var idsPath: String { directory + "/ids.bin" }
    var nextIdsPath: String { directory + "/ids.next" }

    /// Where the deals are, by the id index and the journal of its generation, when the journal
    /// last recorded `fingerprint`; nil otherwise (missing, torn, changed, stale). `fingerprint`
    /// nil: whatever the journal last recorded (a hint, for a look a write under the lock repeats).
    func places(fingerprint: String?) -> DealPlaces? {
        guard folderIsReal, let index = IdIndex(path: idsPath), let journal = try? AtomicFile.read(journalPath) else { return nil }
        var later: [String: DealPlaces.Later] = [:]
        let digest = Self.journalRecords(journal, generation: index.generation, recorded: index.digest) { kind, p in
            // Both records begin with the id; a deal's owner follows its first fields.
            let id = try p.string()
            later[id] = kind == 3 ? .removed : .at(try DealBinary.owner(afterID: &p))
        }
        guard let digest, fingerprint.map({ digest == Journal.digest($0) }) ?? true else { return nil }
        return DealPlaces(index: index, later: later)
    }
}
