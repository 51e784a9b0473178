import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A regular file mapped read-only into memory, for the snapshot cache: a reader that wants a
/// few deals touches only the pages of the head table and of those deals. funnel replaces the
/// file by rename, never in place, so a mapping keeps the version it mapped.
final class MappedFile {
    let bytes: UnsafeRawBufferPointer

    /// The file at `path`, or nil when it is missing, a symbolic link (never followed), not a
    /// regular file, empty, or cannot be mapped.
    init?(_ path: String) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
}
