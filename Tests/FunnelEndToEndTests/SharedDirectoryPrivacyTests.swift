import Foundation
import FunnelCore
import Testing

/// Hostile teammate, item 7: several accounts share one (non-team) data directory. A rep's
/// commands behave as if the deals they may not see did not exist (R15): the same message and
/// exit code as an unknown id, prefixes resolve only among their own deals and the inbox, and
/// `capture` attaches a lead to another rep's deal (R4) without saying which deal it is.
@Suite("R15 does not leak in one shared directory") struct SharedDirectoryPrivacyTests {
    static let secret = "Carmel secret tender"

    /// A sandbox with rita's deal (title, company and phone only rita and managers may know).
    static func world() throws -> (Sandbox, rita: String) {
        let s = try Sandbox()
        try s.initialize()
        let rita = try s.add(
            secret, "--company", "Carmel Soft", "--owner", "rita", "--phone", "050-7654321",
            "--email", "ceo@carmel.example")
        return (s, rita)
    }

    /// What a well-formed id that no deal has gets, with `typed` standing for it.
    static func unknownAnswer(_ s: Sandbox, _ words: [String], typed: String, user: String) throws -> RunResult {
        let ghost = String(repeating: "z", count: typed.count)
        return try runProgram(
            FunnelBinary.path, words.map { $0 == typed ? ghost : $0 },
            environment: s.environment(user: user), scratch: s.root)
    }

    @Test func anotherRepsDealIsAnUnknownIdToEveryCommand() throws {
        let (s, rita) = try Self.world()
        defer { s.remove() }
        let file = try #require(s.dealFile(rita))
        let before = s.bytes(file)
        for typed in [rita, String(rita.prefix(5)), rita.uppercased()] {
            for words in [
                ["show", typed], ["show", typed, "--json"], ["edit", typed, "--company", "Mine"],
                ["move", typed, "follow-up", "--next", "+1d"], ["log", typed, "no-answer"], ["assign", typed, "sam"],
                ["accept", typed], ["reject", typed, "--reason", "spam"], ["edit", typed, "--tick", "rapport"],
            ] {
                let result = try runProgram(FunnelBinary.path, words, environment: s.environment(user: "sam"), scratch: s.root)
                let unknown = try Self.unknownAnswer(s, words, typed: typed, user: "sam")
                #expect(result.status == Exit.notFound, "\(result)")
                #expect(result.status == unknown.status, "\(result)")
                #expect(result.stdout.isEmpty)
                let ghost = String(repeating: "z", count: typed.count)
                #expect(result.stderr.replacingOccurrences(of: typed, with: ghost) == unknown.stderr, "\(result)\n\(unknown)")
                for leak in [Self.secret, "Carmel", "rita", "Rita"] {
                    #expect(!result.stderr.contains(leak), "\(words) tells sam \(leak): \(result)")
                }
            }
        }
        #expect(s.bytes(file) == before, "nothing was changed")
        // Rita and the manager still reach it.
        try s.ok("show", rita, user: "rita")
        try s.ok("log", String(rita.prefix(5)), "no-answer", user: "rita")
        try s.ok("show", rita)
    }

    @Test func aPrefixResolvesOnlyAmongTheDealsTheRepMaySee() throws {
        let (s, rita) = try Self.world()
        defer { s.remove() }
        let sams = try s.add("Sam's own", "--owner", "sam")
        // Plant a deal of rita's whose id shares all but its last character with sam's.
        let twin = String(sams.prefix(7)) + String(DealID.alphabet.first { $0 != sams.last! }!)
        let ritaFile = try #require(s.dealFile(rita))
        let twinFile = s.dataDir + "/deals/rita/\(twin).json"
        try FileManager.default.copyItem(atPath: ritaFile, toPath: twinFile)
        try editJSON(twinFile) { object in
            var deal = object["deal"] as! [String: Any]
            deal["id"] = twin
            object["deal"] = deal
        }
        let prefix = String(sams.prefix(7))
        let shown = try s.ok("show", prefix, "--json", user: "sam")
        #expect(try jsonObject(shown.stdout).string("id") == sams)
        try s.ok("log", prefix, "reached", user: "sam")
        // The manager sees both, so the same prefix is ambiguous for them.
        let manager = try s.run("show", prefix)
        #expect(manager.status == Exit.notFound && manager.stderr.contains("several"), "\(manager)")
        // And for rita it is her twin.
        #expect(try jsonObject(try s.ok("show", prefix, "--json", user: "rita").stdout).string("id") == twin)
    }

    @Test func captureAttachesToAnotherRepsDealWithoutNamingIt() throws {
        let (s, rita) = try Self.world()
        defer { s.remove() }
        let leads = s.root + "/leads.csv"
        try Data("name,phone,email\nCaller,+972 50-765-4321,\nWriter,,CEO@carmel.example\nNew one,050-1112223,\n".utf8)
            .write(to: URL(fileURLWithPath: leads))
        let capture = try s.ok("capture", leads, user: "sam")
        for leak in [rita, Self.secret, "Carmel", "rita", "Rita"] {
            #expect(!capture.stderr.contains(leak) && !capture.stdout.contains(leak), "capture tells sam \(leak): \(capture)")
        }
        #expect(capture.stderr.components(separatedBy: "attached to an existing deal").count == 3, "\(capture)")
        #expect(capture.output.split(separator: "\n").count == 1, "one new deal: \(capture)")
        // R4: the leads were still logged on rita's deal.
        let activities = try #require(try s.deal(rita)["activities"] as? [[String: Any]])
        #expect(activities.filter { $0.string("kind") == "lead" }.count == 2, "\(activities)")
        // The manager, who may see it, is told which deal.
        try Data("name,phone\nAgain,0507654321\n".utf8).write(to: URL(fileURLWithPath: leads))
        let managers = try s.ok("capture", leads)
        #expect(managers.stderr.contains("matches deal \(rita)"), "\(managers)")
    }
}
