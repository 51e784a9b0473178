import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What changed in the data directory since the last look.
public struct DataChanges: Equatable, Sendable {
    /// Deals whose file was written, replaced, moved or removed (by id).
    public var deals: Set<String> = []
    /// The pipeline or the team changed, events were lost, or a folder appeared: read everything.
    public var everything = false

    public init(deals: Set<String> = [], everything: Bool = false) {
        self.deals = deals
        self.everything = everything
    }

    public var isEmpty: Bool { deals.isEmpty && !everything }
}

/// Tells the board about changes made by other processes, driven by the kernel: Linux inotify on
/// the data directory, the inbox, `deals/` and each owner's folder, so a rename or an in-place
/// write shows within milliseconds. Where inotify is unavailable (too many watches, a file system
/// without it) `descriptor` is nil and the caller polls `FunnelStore.fingerprint()` instead.
public final class LiveWatch {
    private let store: FunnelStore
    private var fd: Int32 = -1
    /// What a watch descriptor watches.
    private enum Folder {
        case root, inbox, deals
        /// An owner's folder: `deals/<name>/`.
        case owner
        /// `pipelines/`: a pipeline besides the first changed.
        case pipelines
    }
    private var folders: [Int32: Folder] = [:]
    /// How changes are noticed, for `funnel doctor`: "inotify" or "polling (why)".
    public private(set) var mode: String

    /// Watches `store`'s folders; with `inotify: false` (FUNNEL_WATCH=poll) the caller polls instead.
    public init(store: FunnelStore, inotify: Bool = true) {
        self.store = store
        mode = "polling (FUNNEL_WATCH=poll)"
        guard inotify else { return }
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else {
            mode = "polling (inotify unavailable: \(String(cString: strerror(errno))))"
            return
        }
        if let failure = addAll() {
            close(fd)
            fd = -1
            folders = [:]
            mode = "polling (\(failure))"
        } else {
            mode = "inotify"
        }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// The descriptor to poll for readability, or nil when polling the fingerprint instead.
    public var descriptor: Int32? { fd >= 0 ? fd : nil }

    static let mask =
        UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_DELETE_SELF)
        | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)

    /// Watches every folder funnel reads; nil on success, else why not.
    private func addAll() -> String? {
        for (path, folder) in [
            (store.root, Folder.root), (store.inboxDirectory, .inbox), (store.dealsDirectory, .deals),
            (store.pipelinesDirectory, .pipelines),
        ] {
            if let failure = add(path, as: folder) { return failure }
        }
        for owner in (try? AtomicFile.list(store.dealsDirectory)) ?? [] where !owner.hasPrefix(".") {
            if let failure = add("\(store.dealsDirectory)/\(owner)", as: .owner) { return failure }
        }
        return nil
    }

    /// Adds one watch. A folder we may not read (another rep's, on a team server) or that is not
    /// there is skipped; running out of watches is a reason to poll.
    private func add(_ path: String, as folder: Folder) -> String? {
        let wd = inotify_add_watch(fd, path, Self.mask)
        if wd >= 0 {
            folders[wd] = folder
            return nil
        }
        switch errno {
        case EACCES, ENOENT, ENOTDIR: return nil
        case ENOSPC: return "too many inotify watches (fs.inotify.max_user_watches)"
        default: return "inotify: \(String(cString: strerror(errno))) on \(path)"
        }
    }

    /// Reads every pending event and says what changed. Non-blocking.
    public func drain() -> DataChanges {
        var changes = DataChanges()
        guard fd >= 0 else { return changes }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            for event in Self.parse(buffer[0..<count]) { note(event, &changes) }
        }
        return changes
    }

    /// One raw event: the watch, the mask and the name (empty for the folder itself).
    struct Event {
        let wd: Int32
        let mask: UInt32
        let name: String
    }

    /// Splits a buffer of `struct inotify_event` records.
    static func parse(_ bytes: ArraySlice<UInt8>) -> [Event] {
        var events: [Event] = []
        var offset = bytes.startIndex
        let header = 16  // int wd; uint32_t mask, cookie, len;
        while offset + header <= bytes.endIndex {
            func word(_ at: Int) -> UInt32 {
                (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + at + $1]) << (8 * UInt32($1)) }
            }
            let length = Int(word(12))
            let end = min(bytes.endIndex, offset + header + length)
            let raw = bytes[(offset + header)..<end].prefix { $0 != 0 }
            events.append(Event(wd: Int32(bitPattern: word(0)), mask: word(4), name: String(decoding: raw, as: UTF8.self)))
            offset = end
        }
        return events
    }

    private func note(_ event: Event, _ changes: inout DataChanges) {
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
            changes.everything = true
            return
        }
        guard let folder = folders[event.wd] else { return }
        if event.mask & UInt32(IN_IGNORED) != 0 {
            folders[event.wd] = nil
            return
        }
        if event.name.hasPrefix(".") || event.name.isEmpty { return }
        switch folder {
        case .root:
            if ["pipeline.json", "team.json", "goals.json", "deals", "inbox"].contains(event.name) { changes.everything = true }
            if event.name == "pipelines" {
                _ = add(store.pipelinesDirectory, as: .pipelines)
                changes.everything = true
            }
        case .pipelines:
            changes.everything = true
        case .deals:
            // A new owner's folder: watch it, and read everything once in case files arrived first.
            if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, event.mask & UInt32(IN_ISDIR) != 0 {
                _ = add("\(store.dealsDirectory)/\(event.name)", as: .owner)
            }
            changes.everything = true
        case .inbox, .owner:
            if event.name.hasSuffix(".json") { changes.deals.insert(String(event.name.dropLast(5))) }
        }
    }
}
