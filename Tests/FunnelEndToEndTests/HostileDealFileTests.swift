import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A hostile rep edits their own deal files by hand (docs/team.md, threat model): an owner or an
/// id that would lead a path out of the data directory. `doctor --repair` (as a manager and as
/// root) and normal commands refuse to build such a path; nothing outside changes. Root only.
@Suite("A hostile teammate's hand-edited deal files", .serialized) struct HostileDealFileTests {
    /// Rita writes `name` in her own folder (or in `folder`, e.g. the inbox): a copy of
    /// `original` with `change` applied.
    static func ritaWrites(
        _ team: HostileTeam, _ name: String, into folder: String? = nil, from original: String,
        _ change: (inout [String: Any]) -> Void
    ) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: original))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var deal = try #require(object["deal"] as? [String: Any])
        change(&deal)
        object["deal"] = deal
        let payload = team.runs + "/payload-\(UUID().uuidString).json"
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: payload))
        chmod(payload, 0o644)
        let copy = try team.shell(team.rita, "/bin/cp", payload, (folder ?? team.dir + "/deals/\(team.rita)") + "/" + name)
        #expect(copy.ok, "\(copy)")
    }

    /// Rita's own deal and its file.
    static func ritasDeal(_ team: HostileTeam) throws -> (id: String, file: String) {
        let added = try team.funnel(team.rita, "add", "Rita's deal")
        #expect(added.ok, "\(added)")
        return (added.output, team.dir + "/deals/\(team.rita)/\(added.output).json")
    }

    @Test(.enabled(if: HostileTeam.available)) func anOwnerThatLeavesTheDataDirectoryIsRefused() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let victim = FileManager.default.contents(atPath: team.samsFile)
        let (id, file) = try Self.ritasDeal(team)
        try Self.ritaWrites(team, "\(id).json", from: file) { $0["owner"] = "../../x" }
        let (other, otherFile) = try Self.ritasDeal(team)
        try Self.ritaWrites(team, "\(other).json", from: otherFile) { $0["owner"] = "\(team.sam)/../../../y" }
        let before = try team.outside()

        let check = try team.funnel(team.manager, "doctor")
        #expect(check.status == Exit.data && check.stdout.contains("the owner “../../x” is not an account name"), "\(check)")
        // Repair never builds a path from the owner: it moves both files to quarantine/, inside.
        let repair = try team.funnel(team.manager, "doctor", "--repair")
        #expect(repair.status == Exit.ok && repair.stdout.contains("moved to \(team.dir)/quarantine/"), "\(repair)")
        let again = try team.rootFunnel(["doctor", "--repair"])
        #expect(!again.stdout.contains("../../x"), "\(again)")
        // Normal commands refuse too, as the manager and as root.
        let edit = try team.funnel(team.manager, "edit", id, "--title", "Renamed")
        #expect(edit.status != 0, "\(edit)")
        let rootEdit = try team.rootFunnel(["edit", other, "--title", "Renamed"], user: team.manager)
        #expect(rootEdit.status != 0, "\(rootEdit)")
        #expect(try team.outside() == before, "nothing outside the data directory changed")
        #expect(!FileManager.default.fileExists(atPath: team.scratch + "/x"))
        #expect(!FileManager.default.fileExists(atPath: team.scratch + "/y"))
        let quarantined = try FileManager.default.subpathsOfDirectory(atPath: team.dir + "/quarantine")
        #expect(
            quarantined.contains { $0.hasSuffix("/\(id).json") } && quarantined.contains { $0.hasSuffix("/\(other).json") },
            "quarantined, not deleted: \(quarantined)")
        #expect(!FileManager.default.fileExists(atPath: file))
        try HostileTeammateTests.victimIsIntact(team, victim)
    }

    @Test(.enabled(if: HostileTeam.available)) func anIDThatLeavesTheDataDirectoryIsQuarantined() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let victim = FileManager.default.contents(atPath: team.samsFile)
        let (_, file) = try Self.ritasDeal(team)
        try Self.ritaWrites(team, "kkkk2345.json", from: file) { $0["id"] = "../../z" }
        try Self.ritaWrites(team, "mmmm2345.json", from: file) { $0["id"] = "mmmm2345/../../../z" }
        try Self.ritaWrites(team, "a..b.json", from: file) { $0["id"] = "a..b" }
        let before = try team.outside()

        let repair = try team.rootFunnel(["doctor", "--repair"])
        #expect(!repair.signaled, "\(repair)")
        #expect(repair.stdout.contains("holds deal ../../z but is named kkkk2345"), "\(repair)")
        #expect(repair.stdout.contains("the deal id “a..b” is not a deal id"), "\(repair)")
        let quarantined = try FileManager.default.subpathsOfDirectory(atPath: team.dir + "/quarantine")
        for name in ["kkkk2345.json", "mmmm2345.json", "a..b.json"] {
            #expect(quarantined.contains { $0.hasSuffix("/\(name)") }, "\(name) quarantined, not deleted")
        }
        #expect(try team.outside() == before, "nothing outside the data directory changed")
        #expect(!FileManager.default.fileExists(atPath: team.scratch + "/z"))
        let all = try team.funnel(team.manager, "list", "--all", "--json")
        #expect(all.ok && all.stdout.contains(team.samsDeal), "\(all)")
        try HostileTeammateTests.victimIsIntact(team, victim)
    }
}
