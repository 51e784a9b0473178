import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A file's permission bits (with setuid, setgid and sticky), through links;
/// nil when it cannot be read.
public func fileMode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
}
