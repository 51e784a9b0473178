import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension FunnelStore {
    /// A cheap summary of the data directory's modification times (the directories a deal
    /// write renames into, and the pipeline and team files). When it changes, another process
    /// (or this one) has written; the board reloads.
    public func fingerprint() -> String {
        Self.text(of: fingerprintEntries())
    }

    /// What the fingerprint is made of, entry by entry, in its order.
    func fingerprintEntries() -> [FingerprintEntry] {
        var entries: [FingerprintEntry] = []
        // The entries themselves, never what a link points at: a folder swapped for a link to a
        // copy of itself changes the fingerprint (and the link is then refused, never read).
        func add(_ path: String) {
            var info = stat()
            entries.append(FingerprintEntry(folder: path, name: nil, found: lstat(path, &info) == 0 ? info : nil))
        }
        add(pipelinePath)
        add(teamPath)
        add(inboxDirectory)
        add(dealsDirectory)
        for name in ((try? AtomicFile.list(pipelinesDirectory)) ?? []).sorted() where !name.hasPrefix(".") {
            add("\(pipelinesDirectory)/\(name)")
        }
        // Each seller's folder looked up from the deals folder, not from `/`: a thousand of them.
        let owners = ((try? AtomicFile.list(dealsDirectory)) ?? []).sorted().filter { !$0.hasPrefix(".") }
        for (owner, found) in zip(owners, AtomicFile.stats(in: dealsDirectory, of: owners)) {
            entries.append(FingerprintEntry(folder: dealsDirectory, name: owner, found: found))
        }
        return entries
    }

    /// The fingerprint after a write that changed only the entries at `paths` (folders written
    /// into, a file replaced): those looked at again, every other as `before` found it. So a
    /// change another program made elsewhere while funnel wrote stays unrecorded, and the cache
    /// is not believed over it; and a thousand sellers' folders are not looked at twice. nil
    /// when a path is no entry of `before` (a seller's first deal made their folder): the whole
    /// fingerprint is then taken again.
    func fingerprintEntries(after before: [FingerprintEntry], touching paths: Set<String>) -> [FingerprintEntry]? {
        var entries = before, left = paths
        for i in entries.indices where left.contains(entries[i].path) {
            left.remove(entries[i].path)
            var info = stat()
            entries[i].found = lstat(entries[i].path, &info) == 0 ? info : nil
        }
        return left.isEmpty ? entries : nil
    }

    /// The fingerprint's text.
    static func text(of entries: [FingerprintEntry]) -> String {
        var out = FingerprintBytes()
        for entry in entries { out.entry(entry.folder, entry.name, entry.found) }
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// One entry of the fingerprint: a file or folder (`folder`, or `folder/name`) and what `lstat`
/// found there (nil: nothing).
struct FingerprintEntry {
    let folder: String
    let name: String?
    var found: stat?

    var path: String { name.map { folder + "/" + $0 } ?? folder }
}

/// The fingerprint's text as bytes: per entry "PATH:SECONDS.NANOSECONDS:SIZE:INODE" (or
/// "PATH:-" when it is not there), the entries joined by "|".
struct FingerprintBytes {
    private(set) var bytes: [UInt8] = []

    /// The entry of `folder`, or of `folder/name`, as `found` says it is.
    mutating func entry(_ folder: String, _ name: String?, _ found: stat?) {
        if !bytes.isEmpty { bytes.append(UInt8(ascii: "|")) }
        bytes.append(contentsOf: folder.utf8)
        if let name {
            bytes.append(UInt8(ascii: "/"))
            bytes.append(contentsOf: name.utf8)
        }
        bytes.append(UInt8(ascii: ":"))
        guard let info = found else {
            bytes.append(UInt8(ascii: "-"))
            return
        }
        decimal(Int(info.st_mtim.tv_sec), then: UInt8(ascii: "."))
        decimal(Int(info.st_mtim.tv_nsec), then: UInt8(ascii: ":"))
        decimal(Int(info.st_size), then: UInt8(ascii: ":"))
        decimal(UInt64(info.st_ino), then: nil)
    }

    /// `number` in decimal, as `"\(number)"` writes it, then `separator`.
    private mutating func decimal(_ number: Int, then separator: UInt8?) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        decimal(UInt64(number.magnitude), then: separator)
    }

    private mutating func decimal(_ number: UInt64, then separator: UInt8?) {
        let start = bytes.count
        var rest = number
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
        if let separator { bytes.append(separator) }
    }
}
