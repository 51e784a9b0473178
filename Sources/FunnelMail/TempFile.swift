import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A private temporary file (mode 0600, created exclusively), removed by its owner.
struct TempFile {
    let path: String

    init(contents: Data, suffix: String = "") throws {
        var template = Array((NSTemporaryDirectory() + "/funnel-XXXXXX" + suffix).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(suffix.utf8.count)) }
        guard fd >= 0 else { throw MailError.data("could not create a temporary file: \(String(cString: strerror(errno)))") }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { close(fd) }
        var rest = contents[...]
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw MailError.data("could not write a temporary file: \(String(cString: strerror(errno)))") }
            rest = rest.dropFirst(written)
        }
    }

    func remove() { unlink(path) }
}
