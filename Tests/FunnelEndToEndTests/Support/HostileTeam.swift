import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A team on one server with a hostile rep: the accounts of a `UnixTeam` (rita attacks, sam is
/// the victim), a data directory prepared by `funnel team-init`, and canary files outside it.
/// Made per test with unique names; `remove()` deletes accounts and files.
final class HostileTeam: UnixTeam {
    /// A root-only file outside the data directory, like /etc/shadow: root:root 0600.
    var shadow: String { scratch + "/shadow" }
    /// The victim's deal, made before the attack.
    private(set) var samsDeal = ""

    init() throws {
        try super.init(prefix: "h")
        try Data("root:$6$secret-hash:19000:0:99999:7:::\n".utf8).write(to: URL(fileURLWithPath: shadow))
        chmod(shadow, 0o600)
    }

    /// Makes the group and the accounts, prepares the directory, and gives the victim a deal.
    func setUp() throws {
        try createAccounts()
        let setup = try teamInit("--manager", manager)
        #expect(setup.ok, "\(setup)")
        let added = try funnel(sam, "add", "Sam's big deal", "--value", "5000")
        #expect(added.ok, "\(added)")
        samsDeal = added.output
    }

    /// The victim's deal file.
    var samsFile: String { dir + "/deals/\(sam)/\(samsDeal).json" }

    /// Everything outside the data directory: each path's owner, mode, links, size, bytes and
    /// ACL. Equal snapshots mean nothing outside was changed.
    func outside() throws -> [String: String] {
        var snapshot: [String: String] = [:]
        for relative in try FileManager.default.subpathsOfDirectory(atPath: scratch)
        where !relative.hasPrefix("shared") && !relative.hasPrefix("runs") {
            let path = scratch + "/" + relative
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            // The funnel binary is large: its status is enough.
            let isContent = info.st_mode & S_IFMT == S_IFREG && relative != "funnel"
            let bytes = isContent ? (FileManager.default.contents(atPath: path)?.base64EncodedString() ?? "?") : ""
            let acl = try sh(["/usr/bin/getfacl", "-p", "-P", path]).stdout
            snapshot[relative] = "\(info.st_uid):\(info.st_gid) \(String(info.st_mode, radix: 8)) n\(info.st_nlink) \(info.st_size) \(bytes)\n\(acl)"
        }
        return snapshot
    }
}
