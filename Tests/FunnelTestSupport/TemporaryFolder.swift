import Foundation

/// A fresh folder of its own under the system's temporary directory for one test, never under
/// the home; `remove()` (in a `defer`) deletes it with everything in it.
public struct TemporaryFolder: Sendable {
    public let path: String

    /// Makes `<tmp>/<prefix>-<uuid>`.
    public init(_ prefix: String) throws {
        path = FileManager.default.temporaryDirectory.path + "/\(prefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let home = NSHomeDirectory()
        if home.count > 1, path.hasPrefix(home + "/") { throw UnderHome(path: path) }
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// The system's temporary directory is inside the home: a test must never write there.
    public struct UnderHome: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "\(path) is under the home directory; set TMPDIR elsewhere" }
    }
}
