import Foundation
import Testing

/// The first file format (schema 1), committed as written by funnel 0.1: this funnel reads it
/// and works on it. A later schema adds its migration here, tested against the same fixture.
@Suite("Schema 1 fixture") struct SchemaFixtureTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/schema-1").path

    @Test func theFirstFormatLoadsAndWorks() throws {
        let s = try Sandbox(user: "dana")
        defer { s.remove() }
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: s.dataDir)
        // git keeps files as 0644; funnel's own files are 0600 (the format does not depend on it).
        for path in try FileManager.default.subpathsOfDirectory(atPath: s.dataDir) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: s.dataDir + "/" + path, isDirectory: &isDirectory)
            try FileManager.default.setAttributes(
                [.posixPermissions: isDirectory.boolValue ? 0o700 : 0o600],
                ofItemAtPath: s.dataDir + "/" + path)
        }
        let deals = try s.list("--all")
        #expect(deals.count == 12)
        #expect(try s.ok("doctor").stdout.contains("no problems found"))
        let open = try #require(deals.first { $0.string("stage_kind") == "open" && $0.string("stage") != "follow-up" })
        let id = try #require(open.string("id"))
        try s.ok("log", id, "reached", "--next", "+2d")
        let after = try s.deal(id)
        #expect((after["activities"] as? [[String: Any]])?.last?.string("outcome") == "reached")
        // Every file still says schema 1 (nothing was silently upgraded).
        let path = try #require(s.dealFile(id))
        #expect(try jsonObject(String(decoding: try #require(s.bytes(path)), as: UTF8.self))["schema"] as? Int == 1)
    }
}
