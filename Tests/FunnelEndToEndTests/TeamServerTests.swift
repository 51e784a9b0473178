import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A team on one server (R15 enforced by the operating system): real Unix accounts, made for
/// the test with useradd and removed after it (`UnixTeam`); funnel run as each of them with runuser.
@Suite("A team on one server", .serialized) struct TeamServerTests {
    @Test(.enabled(if: UnixTeam.available)) func eachRepsDealsAreProtectedByTheOperatingSystem() throws {
        let team = try UnixTeam(prefix: "f")
        defer { team.remove() }
        try team.createAccounts()
        let (rita, sam, manager, dir) = (team.rita, team.sam, team.manager, team.dir)

        // Not as a rep: team-init needs root.
        #expect(try team.funnel(rita, "team-init", dir, "--group", team.group).status == 3)
        let setup = try team.teamInit("--manager", manager)
        #expect(setup.ok, "\(setup)")

        let ritasDeal = try team.funnel(rita, "add", "Rita's deal", "--value", "100")
        #expect(ritasDeal.ok, "\(ritasDeal)")
        let ritaID = ritasDeal.output
        let samsDeal = try team.funnel(sam, "add", "Sam's deal")
        #expect(samsDeal.ok, "\(samsDeal)")

        // Sam cannot read Rita's deal: not with funnel, not with cat, not by listing her directory.
        let file = dir + "/deals/\(rita)/\(ritaID).json"
        #expect(FileManager.default.fileExists(atPath: file))
        let cat = try team.shell(sam, "/bin/cat", file)
        #expect(!cat.ok && cat.stderr.contains("Permission denied"), "\(cat)")
        let ls = try team.shell(sam, "/bin/ls", dir + "/deals/\(rita)")
        #expect(!ls.ok, "\(ls)")
        #expect(try team.funnel(sam, "show", ritaID).status != 0)
        #expect(!(try team.funnel(sam, "list", "--json").stdout.contains(ritaID)))

        // Nor by naming the manager in FUNNEL_USER: on the shared directory the login decides.
        let posing = try team.shell(
            sam, "/usr/bin/env", "FUNNEL_USER=\(manager)", "FUNNEL_DATA_DIR=\(dir)", "HOME=\(team.scratch)", team.binary, "list", "--all", "--json")
        #expect(
            posing.status == 3 && posing.stderr.contains("you act as your login account (\(sam))") && !posing.stdout.contains(ritaID), "\(posing)")

        // The manager sees everything.
        let all = try team.funnel(manager, "list", "--all", "--json")
        #expect(all.ok, "\(all)")
        #expect(all.stdout.contains(ritaID) && all.stdout.contains(samsDeal.output))

        try inboxAndReassigning(team, ritaID: ritaID)
        try nothingWorldReadable(team, ritaID: ritaID)
    }

    /// The inbox is every member's: Sam captures a lead, Rita sees it and accepts it; reassigning
    /// moves a deal between owners safely.
    func inboxAndReassigning(_ team: UnixTeam, ritaID: String) throws {
        let (rita, sam) = (team.rita, team.sam)
        let captured = try team.captureSharedLead(as: sam)
        #expect(captured.ok, "\(captured)")
        let leadID = captured.output
        #expect(try team.funnel(rita, "list", "--stage", "unsorted", "--json").stdout.contains(leadID))
        #expect(try team.funnel(rita, "accept", leadID).ok)
        #expect(!(try team.funnel(sam, "list", "--json").stdout.contains(leadID)), "accepted: Rita's now")

        #expect(try team.funnel(team.manager, "assign", ritaID, sam).ok)
        #expect(try team.funnel(sam, "show", ritaID).ok)
        #expect(try team.funnel(rita, "show", ritaID).status != 0)
        #expect(!FileManager.default.fileExists(atPath: team.dir + "/deals/\(rita)/\(ritaID).json"))
    }

    /// No file or directory in the data directory is world-readable, there is no cache, and
    /// running team-init again (after adding people, say) is safe.
    func nothingWorldReadable(_ team: UnixTeam, ritaID: String) throws {
        let find = try team.sh(["/usr/bin/find", team.dir, "-perm", "-o+r"])
        #expect(find.ok && find.stdout.isEmpty, "world-readable: \(find.stdout)")
        // No cache: it would put every deal in one file.
        #expect(!FileManager.default.fileExists(atPath: team.dir + "/cache"))
        #expect(try team.teamInit().ok)
        #expect(try team.funnel(team.sam, "show", ritaID).ok)
    }
}
