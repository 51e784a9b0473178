#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a finished PDF to disk, all or nothing.
enum PDFFile {
    /// Writes `bytes` to a new temporary file next to `path`, fsyncs it and renames it over `path`.
    static func write(_ bytes: [UInt8], to path: String) throws {
        guard !path.isEmpty else { throw QuotePDFError.cannotWrite(path: path, reason: "the path is empty") }
        let temp = "\(path).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return try abandon(fd: fd, temp: temp, path: path) }
            written += count
        }
        guard fsync(fd) == 0 else { return try abandon(fd: fd, temp: temp, path: path) }
        guard close(fd) == 0 else {
            let error = failure(path)
            unlink(temp)
            throw error
        }
        guard rename(temp, path) == 0 else {
            let error = failure(path)
            unlink(temp)
            throw error
        }
    }

    /// Closes and removes the temporary file, then throws the current `errno` for `path`.
    private static func abandon(fd: Int32, temp: String, path: String) throws {
        let error = failure(path)
        close(fd)
        unlink(temp)
        throw error
    }

    private static func failure(_ path: String) -> QuotePDFError {
        .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
}
