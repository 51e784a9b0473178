import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension FunnelStore {
    /// A cheap summary of the data directory's modification times (the directories a deal
    /// write renames into, and the pipeline and team files). When it changes, another process
    /// (or this one) has written; the board reloads.
    public func fingerprint() -> String {
        // Written as bytes into one buffer: a thousand sellers' folders are a thousand entries,
        // and a write takes the fingerprint twice.
        var out = FingerprintBytes()
        // The entries themselves, never what a link points at: a folder swapped for a link to a
        // copy of itself changes the fingerprint (and the link is then refused, never read).
        func add(_ path: String) {
            var info = stat()
            out.entry(path, nil, lstat(path, &info) == 0 ? info : nil)
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
            out.entry(dealsDirectory, owner, found)
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }
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
