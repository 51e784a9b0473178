import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The `funnel` executable that end-to-end and tmux tests run: the one place that decides it.
///
/// `$FUNNEL_BIN` when set; otherwise this package's **release** build, `.build/release/funnel`,
/// because that is the binary users run (README: `swift build -c release`). A missing binary, or
/// one older than the newest file under `Sources/`, is an error that says how to build it, so a
/// test never passes against code that is not the code under test.
public enum FunnelBinary {
    /// The package's top folder (this file is `Tests/FunnelTestSupport/FunnelBinary.swift`).
    public static let packageRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// Where the binary under test is.
    public static var path: String {
        if let override = ProcessInfo.processInfo.environment["FUNNEL_BIN"], !override.isEmpty { return override }
        return releaseBuild
    }

    /// `.build/release/funnel` in this package.
    public static var releaseBuild: String { packageRoot + "/.build/release/funnel" }

    /// A helper program built beside the test bundle (debug build): `funnel-torture`, `funnel-bench`.
    public static func besideTestBundle(_ name: String) -> String {
        var bundle = CommandLine.arguments[0]
        if !bundle.hasPrefix("/") { bundle = FileManager.default.currentDirectoryPath + "/" + bundle }
        var directory = URL(fileURLWithPath: bundle).standardizedFileURL.deletingLastPathComponent()
        // On macOS the bundle's executable sits inside `X.xctest/Contents/MacOS/`.
        while directory.path.contains(".xctest") { directory = directory.deletingLastPathComponent() }
        return directory.appendingPathComponent(name).path
    }

    /// Why the binary cannot be used, or nil when it can.
    public static var problem: String? {
        let path = self.path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            return "no funnel binary at \(path): run `swift build -c release` first (README), or set FUNNEL_BIN"
        }
        guard ProcessInfo.processInfo.environment["FUNNEL_BIN"]?.isEmpty ?? true else { return nil }
        let built = modified(path) ?? .distantPast
        if let (source, date) = newestSource(), date > built {
            return "the release binary \(path) is older than \(source): run `swift build -c release` again"
        }
        return nil
    }

    /// The path, or an error saying how to get a usable binary.
    public static func require() throws -> String {
        if let problem { throw BinaryProblem(description: problem) }
        return path
    }

    /// Copies the binary under test into `folder` (made, mode 0755) where every account may run
    /// it, wherever the checkout lives; the copy's path.
    public static func copy(into folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o755)
        let copy = folder + "/funnel"
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        chmod(copy, 0o755)
        return copy
    }

    static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    /// The most recently changed file under Sources/ and Package.swift.
    static func newestSource() -> (String, Date)? {
        var newest: (String, Date)?
        let sources = packageRoot + "/Sources"
        let files =
            (FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String } ?? [])
            .map { sources + "/" + $0 } + [packageRoot + "/Package.swift"]
        for file in files {
            guard let date = modified(file), date > (newest?.1 ?? .distantPast) else { continue }
            newest = (file, date)
        }
        return newest
    }
}

/// The binary under test is missing or stale.
public struct BinaryProblem: Error, CustomStringConvertible {
    public let description: String
}
