import Foundation

/// Why the data directory could not be read or written. Every case names the file.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// No funnel data here yet.
    case notInitialized(path: String)
    /// `funnel init` on a directory that already holds funnel data.
    case alreadyInitialized(path: String)
    /// The file is not valid funnel JSON; it is left untouched.
    case corrupt(path: String, detail: String)
    /// The file was written by a newer funnel; it is left untouched.
    case newerVersion(path: String, found: Int, supported: Int)
    /// The operating system refused (permissions, disk full, read-only…).
    case io(path: String, detail: String)
    /// Another process held the writers' lock longer than this one would wait; nothing changed.
    case busy(path: String, holder: String, seconds: Int)

    /// The file the error names.
    public var path: String {
        switch self {
        case .notInitialized(let path), .alreadyInitialized(let path), .corrupt(let path, _), .newerVersion(let path, _, _),
            .io(let path, _), .busy(let path, _, _):
            return path
        }
    }

    public var description: String {
        switch self {
        case .notInitialized(let path):
            return "no funnel data in \(path); create it with: funnel init (or try: funnel demo)"
        case .alreadyInitialized(let path):
            return "\(path) already holds funnel data; nothing was changed"
        case .corrupt(let path, let detail):
            return "\(path) is not valid funnel data (\(detail)); it was left untouched — restore it from a backup or move it aside"
        case .newerVersion(let path, let found, let supported):
            return
                "\(path) was written by a newer funnel (schema \(found), this one reads up to \(supported)); it was left untouched — upgrade funnel"
        case .io(let path, let detail):
            return "\(path): \(detail)"
        case .busy(let path, let holder, let seconds):
            return
                "the data is locked by \(holder) and stayed locked for \(seconds) s (\(path)); nothing was changed — try again, or set FUNNEL_LOCK_TIMEOUT"
        }
    }

    /// The reason first, then the file: for a status line, where the end may be cut.
    public var reasonFirst: String {
        switch self {
        case .io(let path, let detail): return "\(detail) — \(path)"
        default: return description
        }
    }

    /// An error from the C library, with errno's text.
    static func errno(_ path: String, _ what: String, _ code: Int32 = Glibc.errno) -> StoreError {
        .io(path: path, detail: "\(what) failed: \(String(cString: strerror(code)))")
    }
}

/// New deals written in part (`insertBatch` on a full disk): the ids now on disk, durable, and
/// why the others are not there.
public struct PartialBatch: Error, CustomStringConvertible {
    public let written: [String]
    public let cause: StoreError

    public var description: String { cause.description }
}
