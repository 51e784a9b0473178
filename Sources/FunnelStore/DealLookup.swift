import Foundation
import FunnelCore

#if canImport(Glibc)
import Glibc
#endif

/// Finding deal files by id without reading the others, so a command about one deal costs the
/// same with 100,000 deals as with 1,000: the file name is the id, and the cache's id index
/// says which folder it is in (`IdIndex`).
extension FunnelStore {
    /// The deal files whose id starts with `prefix` (case-insensitive), by id. A whole id is
    /// found with a few `lstat`s (the inbox and each owner's folder), never listing a folder;
    /// a shorter prefix lists the folders once, comparing the names' bytes and making a string
    /// only for a match.
    public func dealFiles(matching prefix: String) throws -> [String: [String]] {
        let wanted = prefix.lowercased()
        guard !wanted.isEmpty else { return [:] }
        if wanted.count >= DealID.length {
            // `locate` asks the id index first.
            let paths = try locate(id: wanted)
            return paths.isEmpty ? [:] : [wanted: paths]
        }
        if let indexed = try indexedFiles(matching: wanted) { return indexed }
        var found: [String: [String]] = [:]
        for folder in try dealFolders() {
            for name in try AtomicFile.names(in: folder, prefix: Array(wanted.utf8), suffix: Array(".json".utf8)) {
                found[String(name.dropLast(5)), default: []].append(folder + "/" + name)
            }
        }
        return found
    }

    /// Whether any file is named after deal `id` (a new id must be free): a few `lstat`s.
    public func idIsTaken(_ id: String) throws -> Bool {
        !(try locate(id: id)).isEmpty
    }

    /// The deal files whose id starts with `prefix` (lowercase), by the cache's id index and
    /// journal, when they are believed (`SnapshotCache.places`): no folder looked in, each file
    /// named checked to be there, its path built through no link (one that is not, and nil: the
    /// folders are looked in). nil without a cache (a team's shared directory, fewer than 500
    /// deals) or with a stale one. `checked` false: the index and journal as they stand, not
    /// checked against the fingerprint of every seller's folder (`unconfirmedDealFile`).
    func indexedFiles(matching prefix: String, checked: Bool = true) throws -> [String: [String]]? {
        guard !isShared,
            let places = lock.ifFree(shared: true, { cache.places(fingerprint: checked ? Self.text(of: currentEntries()) : nil) }) ?? nil,
            let deals = places.deals(withPrefix: prefix)
        else { return nil }
        var found: [String: [String]] = [:]
        for (id, owner) in deals {
            guard let path = try? path(id: id, owner: owner), AtomicFile.identity(path) != nil else { return nil }
            found[id] = [path]
        }
        return found
    }

    /// The file of deal `id` (a whole id, lowercase) as the cache's id index and journal name
    /// it, not checked against the fingerprint of every seller's folder that makes them believed
    /// (a tenth of a one-deal command at a million deals): for a look before a write, which looks
    /// again under the lock, believed then (`update`). nil when not found so (no index, the lock
    /// busy, the id not in it, its file gone): then `dealFiles(matching:)` looks.
    public func unconfirmedDealFile(id: String) -> String? {
        // A planted `inbox/` or `deals/` link is refused by the checked look (`locate`), named.
        guard id.count == DealID.length, !StorePaths.isLink(inboxDirectory), !StorePaths.isLink(dealsDirectory) else { return nil }
        return (try? indexedFiles(matching: id, checked: false))??[id]?.first
    }

    /// The inbox and every owner's folder this process may read.
    func dealFolders() throws -> [String] {
        var folders = [inboxDirectory]
        for owner in try AtomicFile.list(dealsDirectory) where !owner.hasPrefix(".") {
            let folder = "\(dealsDirectory)/\(owner)"
            // A link is never followed: its deals are in no list, found by no id (doctor says why).
            if StorePaths.isLink(folder) { continue }
            if isShared && access(folder, R_OK) != 0 { continue }
            folders.append(folder)
        }
        return folders
    }
}

extension AtomicFile {
    /// The names in `directory` that start with `prefix` and end with `suffix` (bytes), skipping
    /// hidden names; [] when the directory does not exist. Names that do not match never become
    /// strings.
    static func names(in directory: String, prefix: [UInt8], suffix: [UInt8]) throws -> [String] {
        var names: [String] = []
        try forEachEntry(in: directory) { entry in
            let name: String? = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                guard length >= prefix.count + suffix.count, bytes[0] != UInt8(ascii: ".") else { return nil }
                for (i, byte) in prefix.enumerated() where bytes[i] != byte { return nil }
                for (i, byte) in suffix.enumerated() where bytes[length - suffix.count + i] != byte { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<length]), as: UTF8.self)
            }
            if let name { names.append(name) }
        }
        return names
    }
}
