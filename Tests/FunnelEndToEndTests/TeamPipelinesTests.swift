import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `pipelines/` on a team server: members read the other pipelines, only managers add them.
@Suite("Pipelines on a team server", .serialized) struct TeamPipelinesTests {
    @Test(.enabled(if: UnixTeam.available)) func membersReadPipelinesAndOnlyManagersWriteThem() throws {
        let team = try UnixTeam(prefix: "f")
        defer { team.remove() }
        try team.createAccounts()
        let (manager, rita, dir) = (team.manager, team.rita, team.dir)
        func teamInit() throws -> RunResult { try team.teamInit("--manager", manager) }
        #expect(try teamInit().ok)
        // setgid, group r-x (the mode's group bits show the ACL's mask, rwx, for the managers).
        let acl = try team.sh(["/usr/bin/getfacl", "-p", dir + "/pipelines"]).stdout
        #expect(
            fileMode(dir + "/pipelines").map { $0 & 0o2000 != 0 } == true && acl.contains("group::r-x")
                && acl.contains("user:\(manager):rwx"), "\(acl)")

        let added = try team.funnel(manager, ["pipelines", "add", "Renewals"])
        #expect(added.ok, "\(added)")
        let file = dir + "/pipelines/renewals.json"
        #expect(fileMode(file) == 0o640)
        let refused = try team.funnel(rita, ["pipelines", "add", "Mine"])
        #expect(refused.status == Exit.refused && refused.stderr.contains("only a manager"), "\(refused)")
        let planted = try team.shell(rita, "/usr/bin/touch", dir + "/pipelines/planted.json")
        #expect(!planted.ok, "a member cannot write a pipeline file: \(planted)")
        let deal = try team.funnel(rita, ["add", "Renewal", "--pipeline", "renewals"])
        #expect(deal.ok, "members read the pipeline and work in it: \(deal)")
        #expect(try team.funnel(rita, ["list", "--pipeline", "renewals", "--json"]).stdout.contains(deal.output))

        #expect(try teamInit().ok, "running it again is safe")
        var info = stat()
        #expect(stat(file, &info) == 0 && info.st_uid == 0 && info.st_mode & 0o7777 == 0o640)
        #expect(try team.funnel(rita, ["pipelines", "list"]).stdout.contains("Renewals"))
    }
}
