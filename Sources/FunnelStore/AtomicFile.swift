import Foundation
import FunnelCore

#if canImport(Glibc)
import Glibc
#endif

/// Which file a path named when it was read: device and inode. A write or removal that must
/// touch only the file it read compares this with what is at the path now.
public struct FileIdentity: Equatable, Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// Durable, all-or-nothing file writes: a temp file in the same directory, fsync, rename over
/// the target, fsync of the directory. A reader sees the old file or the new one, never half.
public enum AtomicFile {
    /// Mode for files funnel creates: owner only.
    public static let newFileMode: mode_t = 0o600
    /// Mode for directories funnel creates: owner only.
    public static let newDirectoryMode: mode_t = 0o700

    /// Mode for new files in a team's shared directory (setgid; see `funnel team-init`): the
    /// group bits carry the access that the directory's ACLs grant to managers and members.
    public static let sharedFileMode: mode_t = 0o660
    /// Mode for the pipeline and the team in a team's shared directory: members read, only the
    /// managers (through the directory's ACL) replace them.
    public static let sharedSettingsMode: mode_t = 0o640
    /// Mode for new directories inside a team's shared directory.
    public static let sharedDirectoryMode: mode_t = 0o2770

    /// Whether a directory belongs to a team's shared data directory: `funnel team-init` sets
    /// the setgid bit on every directory it prepares.
    /// The folder `path` names a file in: "." for a bare name ("x"), "/" for one at the root;
    /// trailing slashes are ignored. (A temporary file is made in this folder, so a relative name
    /// must never give "" — that would put it at the root.)
    /// By bytes: a cold start asks it of every deal file.
    public static func folder(of path: String) -> String {
        let end = endWithoutSlashes(path)
        guard let slash = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last part of `path` (trailing slashes ignored).
    public static func name(of path: String) -> String {
        let end = endWithoutSlashes(path)
        let start = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")).map { path.utf8.index(after: $0) } ?? path.startIndex
        return String(path[start..<end])
    }

    /// Where `path` ends without its trailing slashes (a lone "/" keeps its own).
    private static func endWithoutSlashes(_ path: String) -> String.Index {
        let bytes = path.utf8
        var end = bytes.endIndex
        while bytes.distance(from: bytes.startIndex, to: end) > 1, bytes[bytes.index(before: end)] == UInt8(ascii: "/") {
            end = bytes.index(before: end)
        }
        return end
    }

    public static func isShared(_ directory: String) -> Bool {
        var info = stat()
        return stat(directory, &info) == 0 && info.st_mode & S_ISGID != 0
    }

    /// What a write may put its file in place of.
    public enum Replacing: Equatable, Sendable {
        /// Whatever is there (files only funnel's own managers can write: the pipeline, the team).
        case anything
        /// Nothing: the name must be free (a new deal, a deal's new owner folder).
        case nothing
        /// Exactly the file read under the lock; anything else there is refused, not replaced.
        case file(FileIdentity)
    }

    /// Writes `data` to `path` atomically, with `mode` (default: 0600, or 0660 in a team's shared
    /// directory) — never the mode of the file it replaces. `replacing` says what may stand at
    /// `path` now; anything else is refused and left as it is. `durable: false` skips the fsyncs
    /// (bulk imports sync once at the end).
    public static func write(
        _ data: Data, to path: String, mode: mode_t? = nil, replacing: Replacing = .anything,
        durable: Bool = true
    ) throws {
        guard !path.isEmpty else { throw StoreError.io(path: path, detail: "an empty path names no file") }
        let directory = folder(of: path)
        let name = self.name(of: path)
        let mode = mode ?? (isShared(directory) ? sharedFileMode : newFileMode)
        if replacing == .nothing, try writeUnnamed(data, to: path, directory: directory, mode: mode, durable: durable) { return }
        let temp = "\(directory)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw StoreError.errno(path, "writing") }
        var placed = false
        defer {
            if !placed { unlink(temp) }
        }
        do {
            defer { close(fd) }
            if fchmod(fd, mode) != 0 { throw StoreError.errno(temp, "setting the file mode") }
            try writeAll(data, to: fd, path: path)
            if durable, fsync(fd) != 0 { throw StoreError.errno(path, "syncing to disk") }
        }
        try place(temp, at: path, replacing: replacing)
        placed = true
        if durable { try syncDirectory(directory) }
    }

    /// A new file at `path`, written whole before it has a name (`O_TMPFILE`, then a link through
    /// `/proc/self/fd`): one change to the folder instead of three (a temporary name, the link, its
    /// removal), which is what a capture of thousands of leads into one folder waits on. The link
    /// never replaces anything. False, nothing written, where the system cannot (a file system
    /// without `O_TMPFILE`, no `/proc`, no links): the caller then writes it the usual way.
    private static func writeUnnamed(_ data: Data, to path: String, directory: String, mode: mode_t, durable: Bool) throws -> Bool {
        // O_TMPFILE is __O_TMPFILE | O_DIRECTORY; Swift does not import the macro.
        let fd = open(directory, O_WRONLY | O_CLOEXEC | O_DIRECTORY | 0o20000000, mode)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if fchmod(fd, mode) != 0 { throw StoreError.errno(path, "setting the file mode") }
        try writeAll(data, to: fd, path: path)
        if durable, fsync(fd) != 0 { throw StoreError.errno(path, "syncing to disk") }
        guard linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 else {
            if errno == EEXIST { throw StoreError.io(path: path, detail: "a file is already there; it was not replaced") }
            // No /proc, no links here: the usual way says what is wrong, if anything is.
            return false
        }
        if durable { try syncDirectory(directory) }
        return true
    }

    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw StoreError.errno(path, "writing")
                }
                offset += n
            }
        }
    }

    /// Moves the finished temp file to `path`, as `replacing` allows.
    private static func place(_ temp: String, at path: String, replacing: Replacing) throws {
        switch replacing {
        case .anything:
            // Only a file (or a link, never followed) is replaced: a device such as /dev/null, a
            // FIFO, a socket or a folder at `path` is someone else's, and stays.
            var info = stat()
            if lstat(path, &info) == 0 {
                let type = info.st_mode & S_IFMT
                guard type == S_IFREG || type == S_IFLNK else {
                    throw StoreError.io(path: path, detail: "is not a regular file (a device, a FIFO or a folder); it was not replaced")
                }
            }
        case .nothing:
            // link() fails if the name is taken, atomically: nothing planted there is replaced.
            if link(temp, path) == 0 {
                unlink(temp)
                return
            }
            if errno == EEXIST { throw StoreError.io(path: path, detail: "a file is already there; it was not replaced") }
            // File systems without hard links: check, then rename.
            if identity(path) != nil { throw StoreError.io(path: path, detail: "a file is already there; it was not replaced") }
        case .file(let expected):
            guard identity(path) == expected else {
                throw StoreError.io(path: path, detail: "the file changed since it was read (replaced or planted); it was not replaced")
            }
        }
        guard rename(temp, path) == 0 else { throw StoreError.errno(path, "replacing the file") }
    }

    /// The file at `path` itself (a symlink is not followed), or nil when nothing is there.
    public static func identity(_ path: String) -> FileIdentity? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileIdentity(info)
    }

    /// The identity of each of `names` (paths relative to `directory`), nil where nothing is
    /// (`stats(in:of:following:)`).
    public static func identities(in directory: String, of names: [String]) -> [FileIdentity?] {
        stats(in: directory, of: names).map { $0.map(FileIdentity.init) }
    }

    /// The `stat` of each of `names` (paths relative to `directory`; links, `directory` itself
    /// included, are followed only when `following`), nil where nothing is: one open of `directory`, then a
    /// look-up of only the relative part per name (a thousand sellers' folders cost a thousand
    /// short look-ups, not a thousand walks from `/`). Every entry is nil when `directory` is not
    /// a directory (or, unless `following`, is a link).
    static func stats(in directory: String, of names: [String], following: Bool = false) -> [stat?] {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (following ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { return names.map { _ in nil } }
        defer { close(fd) }
        // On every core past 256 names: a name that is not there costs the file system a look in
        // the folder's index (a new id looked for among a thousand sellers' folders).
        let flags = following ? 0 : AT_SYMLINK_NOFOLLOW
        return parallelMap(names) { name in
            var info = stat()
            return fstatat(fd, name, &info, flags) == 0 ? info : nil
        }
    }

    /// Removes `path` only if it is still `expected` (the file read under the lock), and syncs
    /// its directory. Whether it was removed; something else there is left alone.
    @discardableResult
    public static func remove(_ path: String, ifStill expected: FileIdentity) throws -> Bool {
        guard identity(path) == expected else { return false }
        try remove(path)
        return true
    }

    /// fsyncs a directory so a rename or unlink in it survives a power cut.
    public static func syncDirectory(_ directory: String) throws {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.errno(directory, "opening the directory") }
        defer { close(fd) }
        if fsync(fd) != 0, errno != EINVAL { throw StoreError.errno(directory, "syncing the directory") }
    }

    /// Creates `path` and missing parents with mode 0700 (existing ones are left as they are).
    public static func makeDirectory(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw StoreError.io(path: path, detail: "is not a directory") }
            return
        }
        guard !path.isEmpty else { throw StoreError.io(path: path, detail: "an empty path names no folder") }
        let parent = folder(of: path)
        if parent != path, parent != "." { try makeDirectory(parent) }
        let shared = isShared(parent)
        if mkdir(path, shared ? sharedDirectoryMode : newDirectoryMode) != 0 {
            if errno == EEXIST { return }
            throw StoreError.errno(path, "creating the directory")
        }
        // mkdir applies the umask and may drop setgid: set the mode exactly.
        if shared { chmod(path, sharedDirectoryMode) }
    }

    /// The whole file, or nil when it does not exist. Only a regular file is read: a FIFO, a
    /// device or a directory put where a file belongs is refused at once, never waited on.
    public static func read(_ path: String) throws -> Data? {
        try readFile(path)?.data
    }

    /// The whole file and which file it was, or nil when nothing is there. Only a regular file
    /// is read: a symlink (never followed), a FIFO (never waited on), a directory or a device
    /// is an error naming the path, and so is a file larger than `limit` bytes (never read).
    public static func readFile(_ path: String, limit: Int? = nil) throws -> (data: Data, identity: FileIdentity)? {
        guard let fd = try openRegular(path) else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.errno(path, "reading") }
        if let limit, info.st_size > limit {
            throw StoreError.io(
                path: path, detail: "is \(info.st_size) bytes, more than funnel reads from such a file (\(limit)); it was left untouched")
        }
        return (try readAll(fd, path: path, expected: Int(info.st_size)), FileIdentity(info))
    }

    /// `path` opened for reading if it is a regular file (never through a link, never waiting on
    /// a FIFO), or nil when nothing is there; anything else is an error naming it. The caller closes it.
    static func openRegular(_ path: String) throws -> Int32? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw StoreError.io(path: path, detail: "is a symbolic link; funnel never follows one") }
            throw StoreError.errno(path, "reading")
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw StoreError.io(path: path, detail: "is not a regular file; it was left untouched")
        }
        return fd
    }

    /// Up to `count` bytes of `fd` from `offset` (fewer only at the file's end).
    static func readRange(_ fd: Int32, path: String, at offset: Int, count: Int) throws -> Data {
        var data = Data(count: count)
        try fill(&data, path: path, grows: false) { pread(fd, $0, $1, off_t(offset + $2)) }
        return data
    }

    /// Exactly `buffer.count` bytes of `fd` from `offset` into `buffer`; false when the file ends first.
    static func readRange(_ fd: Int32, path: String, at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Bool {
        var filled = 0
        while filled < buffer.count {
            let n = pread(fd, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.errno(path, "reading")
            }
            if n == 0 { return false }
            filled += n
        }
        return true
    }

    /// Everything `fd` reads until its end, read straight into one buffer of the size `fstat`
    /// gave (the 38 MB snapshot cache is not copied chunk by chunk); a file that grew meanwhile
    /// is read whole all the same.
    static func readAll(_ fd: Int32, path: String, expected: Int) throws -> Data {
        var data = Data(count: max(expected, 0) + 1)
        try fill(&data, path: path, grows: true) { buffer, count, _ in Glibc.read(fd, buffer, count) }
        return data
    }

    /// Fills `data` by `readOnce(where, how many, how many so far)` until it is full (then grown,
    /// when `grows`) or the file ends; `data` is then what was read.
    private static func fill(
        _ data: inout Data, path: String, grows: Bool, _ readOnce: (UnsafeMutableRawPointer, Int, Int) -> Int
    ) throws {
        var filled = 0
        while true {
            if filled == data.count {
                guard grows else { break }
                data.count += max(data.count, 16_384)
            }
            let n = data.withUnsafeMutableBytes { readOnce($0.baseAddress! + filled, $0.count - filled, filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.errno(path, "reading")
            }
            if n == 0 { break }
            filled += n
        }
        data.count = filled
    }

    /// Removes a file and syncs its directory; a missing file is fine.
    public static func remove(_ path: String) throws {
        if unlink(path) != 0, errno != ENOENT { throw StoreError.errno(path, "removing") }
        try syncDirectory(folder(of: path))
    }

    /// Names in a directory (without . and ..), or [] when it does not exist.
    /// A name that is not valid UTF-8 is left out: as a string it could not name the file again
    /// (see `undecodableNames`).
    public static func list(_ directory: String, following: Bool = false) throws -> [String] {
        try entries(directory, following: following).names
    }

    /// Removes the temporary files of interrupted writes (`.<name>.<pid>.<random>.tmp`, see
    /// `write`) in `directory` whose writing process no longer exists: regular files only, never
    /// through a link. For a caller holding the data lock, under which no write is under way.
    public static func removeAbandonedTemporaryFiles(in directory: String, following: Bool = false) {
        for name in (try? list(directory, following: following)) ?? [] where StorePaths.isTempFileName(name) {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count >= 5, let pid = pid_t(parts[parts.count - 3]), pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            var info = stat()
            let path = directory + "/" + name
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            unlink(path)
        }
    }

    /// The real directories in `directory` (never a link to one), hidden names skipped; [] when it
    /// does not exist. The listing's file types decide, `lstat` only where the file system gives none.
    public static func folders(in directory: String) throws -> [String] {
        var names: [String] = []
        try forEachEntry(in: directory) { entry in
            let type = entry.pointee.d_type
            guard type == UInt8(DT_DIR) || type == UInt8(DT_UNKNOWN), let name = name(of: entry), !name.hasPrefix(".") else { return }
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                guard lstat(directory + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
            }
            names.append(name)
        }
        return names
    }

    /// How many names in `directory` are not valid UTF-8 (funnel never reads those files).
    public static func undecodableNames(in directory: String, following: Bool = false) throws -> Int {
        try entries(directory, following: following).undecodable
    }

    private static func entries(_ directory: String, following: Bool = false) throws -> (names: [String], undecodable: Int) {
        var names: [String] = []
        var undecodable = 0
        try forEachEntry(in: directory, following: following) { entry in
            guard let name = name(of: entry) else {
                undecodable += 1
                return
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return (names, undecodable)
    }

    /// An entry's name, or nil when it is not valid UTF-8.
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String? {
        withUnsafePointer(to: entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(validatingCString: $0) }
        }
    }

    /// Calls `body` with each entry of `directory` (`.` and `..` too); nothing when it does not
    /// exist. A directory that is a symbolic link is refused (`StorePaths.checkNoLink`'s error),
    /// never listed: a link planted at `deals/` or `inbox/` would feed another folder's files to
    /// every reader. `following` lists through a link, for a folder the user named (the data
    /// directory itself, the folder it is in).
    static func forEachEntry(
        in directory: String, following: Bool = false, _ body: (UnsafeMutablePointer<dirent>) throws -> Void
    ) throws {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (following ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { return }
            if code == ELOOP || code == ENOTDIR { try StorePaths.checkNoLink(directory) }
            throw StoreError.errno(directory, "listing", code)
        }
        guard let dir = fdopendir(fd) else {
            let code = errno
            close(fd)
            throw StoreError.errno(directory, "listing", code)
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) { try body(entry) }
    }
}
