import Foundation
import Testing

@testable import FunnelStore

#if canImport(Glibc)
import Glibc
#endif

@Suite("AtomicFile")
struct AtomicFileTests {
    @Test func aNewFileIsOwnerOnly() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = tmp.path + "/new.json"
        try AtomicFile.write(Data("hello".utf8), to: path)
        #expect(bytes(path) == Data("hello".utf8))
        #expect(fileMode(path) == 0o600)
        #expect(try AtomicFile.read(path) == Data("hello".utf8))
    }

    @Test func aRewrittenFileGetsFunnelsModeNeverTheModeOfWhatItReplaced() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = tmp.path + "/shared.json"
        try AtomicFile.write(Data("one".utf8), to: path)
        #expect(chmod(path, 0o666) == 0)
        try AtomicFile.write(Data("two".utf8), to: path)
        #expect(fileMode(path) == 0o600)
        #expect(bytes(path) == Data("two".utf8))
        #expect(chmod(path, 0o4755) == 0)
        try AtomicFile.write(Data("three".utf8), to: path, durable: false)
        #expect(fileMode(path) == 0o600)
        try AtomicFile.write(Data("four".utf8), to: path, mode: 0o640)
        #expect(fileMode(path) == 0o640)
    }

    @Test func foldersAreRealDirectoriesNeverALinkAFileOrAHiddenOne() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        for name in ["rita", "sam", ".quarantine"] { #expect(mkdir(tmp.path + "/" + name, 0o700) == 0) }
        #expect(symlink(tmp.path + "/rita", tmp.path + "/mallory") == 0)
        try AtomicFile.write(Data("x".utf8), to: tmp.path + "/file.json")
        #expect(try AtomicFile.folders(in: tmp.path).sorted() == ["rita", "sam"])
        #expect(try AtomicFile.folders(in: tmp.path + "/absent").isEmpty)
    }

    @Test func aDealIsNeverFoundThroughALinkedOwnerFolder() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = FunnelStore(root: tmp.path)
        try AtomicFile.makeDirectory(tmp.path + "/deals")
        try AtomicFile.makeDirectory(tmp.path + "/deals/rita")
        try AtomicFile.makeDirectory(tmp.path + "/elsewhere")
        try AtomicFile.write(Data("{}".utf8), to: tmp.path + "/deals/rita/abcd2345.json")
        try AtomicFile.write(Data("{}".utf8), to: tmp.path + "/elsewhere/efgh6789.json")
        #expect(symlink(tmp.path + "/elsewhere", tmp.path + "/deals/mallory") == 0)
        #expect(try store.locate(id: "abcd2345") == [tmp.path + "/deals/rita/abcd2345.json"])
        #expect(try store.locate(id: "efgh6789").isEmpty)
    }

    @Test func readingNeverFollowsASymlinkNorWaitsOnAFifo() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try AtomicFile.write(Data("secret".utf8), to: tmp.path + "/target")
        #expect(symlink(tmp.path + "/target", tmp.path + "/link") == 0)
        #expect(storeError { try AtomicFile.read(tmp.path + "/link") }?.description.contains("symbolic link") == true)
        #expect(mkfifo(tmp.path + "/fifo", 0o600) == 0)
        #expect(storeError { try AtomicFile.read(tmp.path + "/fifo") }?.description.contains("not a regular file") == true)
        #expect(mkdir(tmp.path + "/dir", 0o700) == 0)
        #expect(storeError { try AtomicFile.read(tmp.path + "/dir") } != nil)
    }

    /// A write never replaces a FIFO, a device or a folder standing at its path (as root, a rename
    /// over /dev/null would make it a plain file and break every program that writes to it).
    @Test func aWriteNeverReplacesAFifoOrAFolder() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        #expect(mkfifo(tmp.path + "/fifo", 0o600) == 0)
        #expect(
            storeError { try AtomicFile.write(Data("x".utf8), to: tmp.path + "/fifo") }?.description
                .contains("not a regular file") == true)
        var info = stat()
        #expect(lstat(tmp.path + "/fifo", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO stays")
        #expect(mkdir(tmp.path + "/dir", 0o700) == 0)
        #expect(storeError { try AtomicFile.write(Data("x".utf8), to: tmp.path + "/dir") } != nil)
        #expect(try AtomicFile.list(tmp.path).allSatisfy { !$0.hasSuffix(".tmp") }, "no temporary file is left")
        try AtomicFile.write(Data("file".utf8), to: tmp.path + "/file")
        try AtomicFile.write(Data("again".utf8), to: tmp.path + "/file")
        #expect(try AtomicFile.read(tmp.path + "/file") == Data("again".utf8), "a file is still replaced")
    }

    @Test func replacingNothingOrOnlyTheFileReadRefusesAnythingElse() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = tmp.path + "/deal.json"
        try AtomicFile.write(Data("first".utf8), to: path, replacing: .nothing)
        #expect(storeError { try AtomicFile.write(Data("second".utf8), to: path, replacing: .nothing) } != nil)
        let read = try #require(try AtomicFile.readFile(path))
        try AtomicFile.write(Data("third".utf8), to: path, replacing: .file(read.identity))
        // The identity read before the last write is no longer what is there.
        #expect(storeError { try AtomicFile.write(Data("fourth".utf8), to: path, replacing: .file(read.identity)) } != nil)
        #expect(bytes(path) == Data("third".utf8))
        #expect(try AtomicFile.remove(path, ifStill: read.identity) == false)
        #expect(exists(path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path) == ["deal.json"], "no temp file left")
    }

    @Test func aNewFileIsWholeWithItsModeAndNeverReplacesALinkOrAFifo() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = tmp.path + "/new.json"
        try AtomicFile.write(Data("whole".utf8), to: path, replacing: .nothing, durable: false)
        #expect(bytes(path) == Data("whole".utf8) && fileMode(path) == 0o600)
        try AtomicFile.write(Data("shared".utf8), to: tmp.path + "/shared.json", mode: 0o640, replacing: .nothing)
        #expect(fileMode(tmp.path + "/shared.json") == 0o640)
        try AtomicFile.write(Data("target".utf8), to: tmp.path + "/target")
        #expect(symlink(tmp.path + "/target", tmp.path + "/link.json") == 0)
        #expect(mkfifo(tmp.path + "/fifo.json", 0o600) == 0)
        for planted in ["link.json", "fifo.json", "new.json"] {
            #expect(storeError { try AtomicFile.write(Data("x".utf8), to: tmp.path + "/" + planted, replacing: .nothing) } != nil, "\(planted)")
        }
        #expect(bytes(tmp.path + "/target") == Data("target".utf8) && bytes(path) == Data("whole".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: tmp.path).sorted()
        #expect(names == ["fifo.json", "link.json", "new.json", "shared.json", "target"], "no temporary file left: \(names)")
    }

    @Test func noTemporaryFilesAreLeftBehind() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let path = tmp.path + "/busy.json"
        for n in 0..<60 {
            try AtomicFile.write(Data(String(repeating: "\(n),", count: n * 100).utf8), to: path, durable: n % 2 == 0)
        }
        #expect(try AtomicFile.list(tmp.path) == ["busy.json"])
        #expect(bytes(path) == Data(String(repeating: "59,", count: 5_900).utf8))
    }

    @Test func aFailedWriteLeavesNothingBehind() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        #expect(throws: StoreError.self) { try AtomicFile.write(Data("x".utf8), to: tmp.path + "/missing/dir/file.json") }
        // A directory in the way of the rename: the temp file must be cleaned up.
        try FileManager.default.createDirectory(atPath: tmp.path + "/taken", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: tmp.path + "/taken/inner", withIntermediateDirectories: false)
        #expect(throws: StoreError.self) { try AtomicFile.write(Data("x".utf8), to: tmp.path + "/taken") }
        #expect(Set(try AtomicFile.list(tmp.path)) == ["taken"])
    }

    @Test func emptyDataIsWritten() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try AtomicFile.write(Data(), to: tmp.path + "/empty")
        #expect(bytes(tmp.path + "/empty") == Data())
    }

    @Test func missingThingsAreNotErrors() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        #expect(try AtomicFile.read(tmp.path + "/nothing") == nil)
        #expect(try AtomicFile.list(tmp.path + "/nowhere") == [])
        try AtomicFile.remove(tmp.path + "/nothing")
        try AtomicFile.write(Data("x".utf8), to: tmp.path + "/gone")
        try AtomicFile.remove(tmp.path + "/gone")
        #expect(!exists(tmp.path + "/gone"))
    }

    @Test func directoriesAreMadeOwnerOnlyWithTheirParents() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        try AtomicFile.makeDirectory(tmp.path + "/a/b/c")
        for dir in ["/a", "/a/b", "/a/b/c"] { #expect(fileMode(tmp.path + dir) == 0o700) }
        #expect(chmod(tmp.path + "/a", 0o750) == 0)
        try AtomicFile.makeDirectory(tmp.path + "/a")
        #expect(fileMode(tmp.path + "/a") == 0o750, "existing directories are left as they are")
        try AtomicFile.write(Data("x".utf8), to: tmp.path + "/file")
        #expect(throws: StoreError.self) { try AtomicFile.makeDirectory(tmp.path + "/file") }
    }

    @Test func theLockFileIsOwnerOnlyAndTheLockReturnsTheBodysResult() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let lock = DataLock(directory: tmp.path)
        #expect(try lock.withLock { 42 } == 42)
        #expect(fileMode(tmp.path + "/.lock") == 0o600)
        struct Boom: Error {}
        #expect(throws: Boom.self) { try lock.withLock { throw Boom() } }
        #expect(try lock.withLock { "again" } == "again", "a throwing body releases the lock")
    }
}

@Suite("DataDirectory.resolve")
struct DataDirectoryTests {
    static let env = ["FUNNEL_DATA_DIR": "/env/funnel", "XDG_DATA_HOME": "/xdg", "HOME": "/home/dana"]

    @Test func theFlagWinsOverEverything() {
        #expect(DataDirectory.resolve(flag: "/flag/dir", environment: Self.env) == "/flag/dir")
    }

    @Test func thenFunnelDataDir() {
        #expect(DataDirectory.resolve(flag: nil, environment: Self.env) == "/env/funnel")
        #expect(DataDirectory.resolve(flag: "", environment: Self.env) == "/env/funnel")
    }

    @Test func thenXDGDataHome() {
        var env = Self.env
        env["FUNNEL_DATA_DIR"] = nil
        #expect(DataDirectory.resolve(flag: nil, environment: env) == "/xdg/funnel")
        env["FUNNEL_DATA_DIR"] = ""
        #expect(DataDirectory.resolve(flag: nil, environment: env) == "/xdg/funnel")
    }

    @Test func thenHome() {
        #expect(DataDirectory.resolve(flag: nil, environment: ["HOME": "/home/dana"]) == "/home/dana/.local/share/funnel")
        // XDG says relative paths are invalid and must be ignored.
        #expect(
            DataDirectory.resolve(flag: nil, environment: ["HOME": "/home/dana", "XDG_DATA_HOME": "rel/xdg"])
                == "/home/dana/.local/share/funnel")
    }

    @Test func relativePathsBecomeAbsoluteAndTrailingSlashesGo() {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(DataDirectory.resolve(flag: "data", environment: [:]) == cwd + "/data")
        #expect(DataDirectory.resolve(flag: "/x/y/", environment: [:]) == "/x/y")
        #expect(DataDirectory.resolve(flag: nil, environment: ["FUNNEL_DATA_DIR": "rel"]) == cwd + "/rel")
    }
}
