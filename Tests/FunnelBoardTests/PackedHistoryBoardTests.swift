import Foundation
import Testing

extension BoardTests {
    /// The board reads 600 deals from the snapshot cache, their stage changes packed as numbers in a
    /// table of their texts (`PackedChanges`): a move saved from it writes every earlier change
    /// back byte for byte, even two names `String` takes for one ("é" composed, and "e" with a
    /// combining accent).
    @Suite("Packed stage changes through the board", .serialized)
    struct PackedHistoryThroughTheBoard {
        static let composed = "\u{E9}lodie"
        static let decomposed = "e\u{301}lodie"

        /// Puts two earlier changes, by the two spellings, before the deal's own in its file, which
        /// is replaced (a rename, as every writer does), so the cache is made again with them.
        static func plantSpellings(in path: String) throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let marker = Data("\"history\" : [".utf8)
            let at = try #require(data.range(of: marker), "a history in \(path)")
            let planted =
                "{\"at\" : \"2026-11-01T09:00:00Z\", \"by\" : \"\(decomposed)\", \"to\" : \"new\"}, "
                + "{\"at\" : \"2026-11-02T09:00:00Z\", \"by\" : \"\(composed)\", \"from\" : \"new\", \"to\" : \"new\"}, "
            var changed = data
            changed.insert(contentsOf: Data(planted.utf8), at: at.upperBound)
            let temporary = path + ".planted"
            try changed.write(to: URL(fileURLWithPath: temporary))
            #expect(rename(temporary, path) == 0)
        }

        @Test("A move saved from the board keeps every earlier change's bytes")
        func aMoveKeepsEachSpelling() throws {
            let world = try FunnelWorld()
            try world.cli("demo", "--deals", "600", "--seed", "7")
            let id = try world.add("Victim", "--stage", "new", "--next", "+3d")
            let path = try world.dealFile(id)
            try Self.plantSpellings(in: path)
            // The cache made again from the files, so the board reads the deals from it.
            _ = try world.cli("list", "--all")
            let board = try TmuxBoard(world)
            defer { board.close() }
            try board.waitForBoard()
            try board.press("/")
            try board.type("Victim")
            try board.press("Enter")
            try board.waitUntil("only the victim") { $0.titles(in: "New inquiry") == ["Victim"] }
            try board.press("L")
            _ = try world.waitForDeal(id) { $0.stage == "follow-up" }

            let saved = try Data(contentsOf: URL(fileURLWithPath: try world.dealFile(id)))
            for name in [Self.decomposed, Self.composed] {
                #expect(saved.range(of: Data("\"\(name)\"".utf8)) != nil, "\(Array(name.utf8)) kept as written")
            }
        }
    }
}
