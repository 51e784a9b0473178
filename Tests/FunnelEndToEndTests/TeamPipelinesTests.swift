import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `pipelines/` on a team server: members read the other pipelines, only managers add them.
@Suite("Pipelines on a team server", .serialized) struct TeamPipelinesTests {
    @Test(.enabled(if: TeamServerTests.available)) func membersReadPipelinesAndOnlyManagersWriteThem() throws {
        let tag = String(UUID().uuidString.lowercased().filter(\.isLetter).prefix(5))
        let group = "fg" + tag, manager = "fm" + tag, rita = "fr" + tag
        let scratch = FileManager.default.temporaryDirectory.path + "/funnel-team-\(tag)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        chmod(scratch, 0o755)
        let dir = scratch + "/shared"
        let binary = scratch + "/funnel"
        try FileManager.default.copyItem(atPath: FunnelBinary.path, toPath: binary)
        chmod(binary, 0o755)
        defer {
            for user in [manager, rita] { _ = try? TeamServerTests.sh(["/usr/sbin/userdel", user], scratch: "/tmp") }
            _ = try? TeamServerTests.sh(["/usr/sbin/groupdel", group], scratch: "/tmp")
            try? FileManager.default.removeItem(atPath: scratch)
        }
        #expect(try TeamServerTests.sh(["/usr/sbin/groupadd", group], scratch: scratch).ok)
        for user in [manager, rita] {
            #expect(try TeamServerTests.sh(["/usr/sbin/useradd", "-M", "-N", "-g", group, "-s", "/bin/sh", user], scratch: scratch).ok)
        }
        func run(_ account: String, _ arguments: [String]) throws -> RunResult {
            try runProgram(
                "/usr/sbin/runuser", ["-u", account, "--"] + arguments,
                environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "FUNNEL_DATA_DIR": dir, "HOME": scratch],
                scratch: scratch)
        }
        func teamInit() throws -> RunResult {
            try runProgram(
                FunnelBinary.path, ["team-init", dir, "--group", group, "--manager", manager],
                environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": scratch], scratch: scratch)
        }
        #expect(try teamInit().ok)
        // setgid, group r-x (the mode's group bits show the ACL's mask, rwx, for the managers).
        let acl = try TeamServerTests.sh(["/usr/bin/getfacl", "-p", dir + "/pipelines"], scratch: scratch).stdout
        #expect(
            fileMode(dir + "/pipelines").map { $0 & 0o2000 != 0 } == true && acl.contains("group::r-x")
                && acl.contains("user:\(manager):rwx"), "\(acl)")

        let added = try run(manager, [binary, "pipelines", "add", "Renewals"])
        #expect(added.ok, "\(added)")
        let file = dir + "/pipelines/renewals.json"
        #expect(fileMode(file) == 0o640)
        let refused = try run(rita, [binary, "pipelines", "add", "Mine"])
        #expect(refused.status == Exit.refused && refused.stderr.contains("only a manager"), "\(refused)")
        let planted = try run(rita, ["/usr/bin/touch", dir + "/pipelines/planted.json"])
        #expect(!planted.ok, "a member cannot write a pipeline file: \(planted)")
        let deal = try run(rita, [binary, "add", "Renewal", "--pipeline", "renewals"])
        #expect(deal.ok, "members read the pipeline and work in it: \(deal)")
        #expect(try run(rita, [binary, "list", "--pipeline", "renewals", "--json"]).stdout.contains(deal.output))

        #expect(try teamInit().ok, "running it again is safe")
        var info = stat()
        #expect(stat(file, &info) == 0 && info.st_uid == 0 && info.st_mode & 0o7777 == 0o640)
        #expect(try run(rita, [binary, "pipelines", "list"]).stdout.contains("Renewals"))
    }
}
