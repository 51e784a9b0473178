import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A regular file or a directory inside a data directory, reached from the directory's root one
/// name at a time with `openat(…, O_NOFOLLOW)` and held open: no symbolic link is crossed, no
/// mount is crossed, and no path component can be swapped between the check and the change,
/// because every change (owner, mode, ACL) is made on the open descriptor.
///
/// For `funnel team-init`, which runs as root in folders that reps may write.
public final class SafeNode {
    /// What a node is; nothing else is ever opened for a change.
    public enum Kind: Sendable { case file, directory }

    /// The open descriptor (O_RDONLY, never a symbolic link).
    public let fd: Int32
    /// The path, for messages only; never used to reach the object.
    public let path: String
    public let kind: Kind
    /// The device of the data directory's root: nothing on another is opened.
    let device: dev_t

    init(fd: Int32, path: String, kind: Kind, device: dev_t) {
        self.fd = fd
        self.path = path
        self.kind = kind
        self.device = device
    }

    deinit { close(fd) }

    /// Opens the root of a tree, which must be a directory. The root itself is named by the
    /// person running the command, so a symbolic link there is followed.
    public static func openRoot(_ path: String) throws -> SafeNode {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.errno(path, "opening the directory") }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw StoreError.errno(path, "examining the directory")
        }
        return SafeNode(fd: fd, path: path, kind: .directory, device: info.st_dev)
    }

    /// A path a child process (setfacl) can use to reach exactly this open object, whatever
    /// happens to its name meanwhile: the descriptor's entry in /proc.
    public var descriptorPath: String { "/proc/\(getpid())/fd/\(fd)" }

    /// Sets owner, group and mode on the open object (fchown, then fchmod: chown clears set-id bits).
    public func set(owner: uid_t, group: gid_t, mode: mode_t) throws {
        guard fchown(fd, owner, group) == 0 else { throw StoreError.errno(path, "changing the owner") }
        guard fchmod(fd, mode) == 0 else { throw StoreError.errno(path, "changing the mode") }
    }

    /// Sets the mode only.
    public func set(mode: mode_t) throws {
        guard fchmod(fd, mode) == 0 else { throw StoreError.errno(path, "changing the mode") }
    }

    /// The current mode bits (permissions and set-id bits).
    public var mode: mode_t {
        var info = stat()
        return fstat(fd, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    /// The names in this directory, without `.` and `..`, sorted.
    public func names() throws -> [String] {
        let copy = dup(fd)
        guard copy >= 0, let dir = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            throw StoreError.errno(path, "listing")
        }
        defer { closedir(dir) }
        rewinddir(dir)
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}

/// An entry `SafeNode` would not open for a change, and why: a symbolic link, a hard link, a
/// FIFO, a device, a socket, a mount, an unexpected kind or name. The path and reason are for a
/// person; sanitise before printing (names come from whoever made the entry).
public struct Untouched: Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason); left untouched" }
}

extension SafeNode {
    /// The outcome of opening a child by name.
    public enum Child {
        case node(SafeNode)
        case missing
        case refused(Untouched)
    }

    /// Opens `name` in this directory without following a symbolic link: only a regular file
    /// with a single link or a directory, on the root's device, of the kind `expect` when given.
    /// A FIFO or device is never opened; nothing can block.
    public func child(_ name: String, expect: Kind? = nil) -> Child {
        let childPath = path + "/" + name
        func refuse(_ reason: String) -> Child { .refused(Untouched(path: childPath, reason: reason)) }
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/") else { return refuse("not a name") }
        var before = stat()
        guard fstatat(fd, name, &before, AT_SYMLINK_NOFOLLOW) == 0 else {
            return errno == ENOENT ? .missing : refuse(String(cString: strerror(errno)))
        }
        if let problem = Self.problem(with: before, device: device, expect: expect) { return refuse(problem) }
        let isDirectory = before.st_mode & S_IFMT == S_IFDIR
        let flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (isDirectory ? O_DIRECTORY : 0)
        let childFD = openat(fd, name, flags)
        guard childFD >= 0 else {
            return refuse(errno == ELOOP ? "a symbolic link" : String(cString: strerror(errno)))
        }
        var after = stat()
        if fstat(childFD, &after) != 0 || after.st_ino != before.st_ino || after.st_dev != before.st_dev
            || Self.problem(with: after, device: device, expect: expect) != nil
        {
            close(childFD)
            return refuse("changed while it was being examined")
        }
        return .node(SafeNode(fd: childFD, path: childPath, kind: isDirectory ? .directory : .file, device: device))
    }

    /// Why an entry with this status must not be changed, or nil when it may.
    static func problem(with info: stat, device: dev_t, expect: Kind?) -> String? {
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return "a symbolic link"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFDIR:
            if expect == .file { return "a directory where a file belongs" }
        case S_IFREG:
            if expect == .directory { return "a file where a directory belongs" }
            if info.st_nlink > 1 { return "a file with \(info.st_nlink) hard links (it may be another file's)" }
        default: return "not a file or a directory"
        }
        return info.st_dev == device ? nil : "on another file system (a mount point)"
    }

    /// Creates the directory `name` here (mode as given, before the umask) unless something
    /// by that name exists; never follows a symbolic link.
    public func makeDirectory(_ name: String, mode: mode_t) throws {
        if mkdirat(fd, name, mode) != 0, errno != EEXIST { throw StoreError.errno(path + "/" + name, "creating the directory") }
    }

    /// Creates the empty file `name` here unless something by that name exists; never follows
    /// a symbolic link.
    public func makeFile(_ name: String, mode: mode_t) throws {
        let created = openat(fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, mode)
        if created >= 0 { close(created) } else if errno != EEXIST { throw StoreError.errno(path + "/" + name, "creating the file") }
    }
}
