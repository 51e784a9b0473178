import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A team on one server (R15 enforced by the operating system): real Unix accounts, made for
/// the test with useradd and removed after it; funnel run as each of them with runuser.
@Suite("A team on one server", .serialized) struct TeamServerTests {
    static let available =
        getuid() == 0
        && ["/usr/sbin/useradd", "/usr/sbin/groupadd", "/usr/sbin/runuser", "/usr/bin/setfacl"].allSatisfy {
            FileManager.default.isExecutableFile(atPath: $0)
        }

    /// Runs a command; its result.
    static func sh(_ arguments: [String], scratch: String) throws -> RunResult {
        try runProgram(
            arguments[0], Array(arguments.dropFirst()), environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"],
            scratch: scratch)
    }

    @Test(.enabled(if: available)) func eachRepsDealsAreProtectedByTheOperatingSystem() throws {
        let tag = String(UUID().uuidString.lowercased().filter(\.isLetter).prefix(5))
        let group = "fg" + tag, manager = "fm" + tag, rita = "fr" + tag, sam = "fs" + tag
        let scratch = FileManager.default.temporaryDirectory.path + "/funnel-team-\(tag)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        chmod(scratch, 0o755)
        let dir = scratch + "/shared"
        // A copy of the binary the test's accounts can run wherever the checkout lives.
        let binary = scratch + "/funnel"
        try FileManager.default.copyItem(atPath: FunnelBinary.path, toPath: binary)
        chmod(binary, 0o755)
        defer {
            for user in [manager, rita, sam] { _ = try? Self.sh(["/usr/sbin/userdel", user], scratch: "/tmp") }
            _ = try? Self.sh(["/usr/sbin/groupdel", group], scratch: "/tmp")
            try? FileManager.default.removeItem(atPath: scratch)
        }
        #expect(try Self.sh(["/usr/sbin/groupadd", group], scratch: scratch).ok)
        for user in [manager, rita, sam] {
            #expect(try Self.sh(["/usr/sbin/useradd", "-M", "-N", "-g", group, "-s", "/bin/sh", user], scratch: scratch).ok)
        }

        /// funnel as `account` (its own OS identity: no FUNNEL_USER).
        func funnel(_ account: String, _ arguments: String...) throws -> RunResult {
            try runProgram(
                "/usr/sbin/runuser", ["-u", account, "--", binary] + arguments,
                environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "FUNNEL_DATA_DIR": dir, "HOME": scratch],
                scratch: scratch)
        }

        // Not as a rep: team-init needs root.
        #expect(try funnel(rita, "team-init", dir, "--group", group).status == 3)
        let setup = try runProgram(
            FunnelBinary.path, ["team-init", dir, "--group", group, "--manager", manager],
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": scratch], scratch: scratch)
        #expect(setup.ok, "\(setup)")

        let ritasDeal = try funnel(rita, "add", "Rita's deal", "--value", "100")
        #expect(ritasDeal.ok, "\(ritasDeal)")
        let ritaID = ritasDeal.output
        let samsDeal = try funnel(sam, "add", "Sam's deal")
        #expect(samsDeal.ok, "\(samsDeal)")

        // Sam cannot read Rita's deal: not with funnel, not with cat, not by listing her directory.
        let file = dir + "/deals/\(rita)/\(ritaID).json"
        #expect(FileManager.default.fileExists(atPath: file))
        let cat = try runProgram(
            "/usr/sbin/runuser", ["-u", sam, "--", "/bin/cat", file], environment: ["PATH": "/usr/bin:/bin"],
            scratch: scratch)
        #expect(!cat.ok && cat.stderr.contains("Permission denied"), "\(cat)")
        let ls = try runProgram(
            "/usr/sbin/runuser", ["-u", sam, "--", "/bin/ls", dir + "/deals/\(rita)"],
            environment: ["PATH": "/usr/bin:/bin"], scratch: scratch)
        #expect(!ls.ok, "\(ls)")
        #expect(try funnel(sam, "show", ritaID).status != 0)
        #expect(!(try funnel(sam, "list", "--json").stdout.contains(ritaID)))

        // The manager sees everything.
        let all = try funnel(manager, "list", "--all", "--json")
        #expect(all.ok, "\(all)")
        #expect(all.stdout.contains(ritaID) && all.stdout.contains(samsDeal.output))

        // The inbox is every member's: Sam captures a lead, Rita sees it and accepts it.
        let leads = scratch + "/leads.csv"
        try Data("name,phone\nShared lead,054-1234567\n".utf8).write(to: URL(fileURLWithPath: leads))
        chmod(leads, 0o644)
        let captured = try funnel(sam, "capture", leads)
        #expect(captured.ok, "\(captured)")
        let leadID = captured.output
        #expect(try funnel(rita, "list", "--stage", "unsorted", "--json").stdout.contains(leadID))
        #expect(try funnel(rita, "accept", leadID).ok)
        #expect(!(try funnel(sam, "list", "--json").stdout.contains(leadID)), "accepted: Rita's now")

        // Reassigning moves a deal between owners safely.
        #expect(try funnel(manager, "assign", ritaID, sam).ok)
        #expect(try funnel(sam, "show", ritaID).ok)
        #expect(try funnel(rita, "show", ritaID).status != 0)
        #expect(!FileManager.default.fileExists(atPath: file))

        // No file or directory in the data directory is world-readable.
        let find = try Self.sh(["/usr/bin/find", dir, "-perm", "-o+r"], scratch: scratch)
        #expect(find.ok && find.stdout.isEmpty, "world-readable: \(find.stdout)")
        // No cache: it would put every deal in one file.
        #expect(!FileManager.default.fileExists(atPath: dir + "/cache"))
        // Running team-init again is safe (after adding people, say).
        #expect(
            try runProgram(
                FunnelBinary.path, ["team-init", dir, "--group", group],
                environment: ["PATH": "/usr/bin:/bin", "HOME": scratch], scratch: scratch
            ).ok)
        #expect(try funnel(sam, "show", ritaID).ok)
    }
}
