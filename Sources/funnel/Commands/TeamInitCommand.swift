import Foundation
import FunnelCore
import FunnelStore
#if canImport(Glibc)
import Glibc
#endif

/// `funnel team-init DIR --group GROUP [--manager USER]…`: prepares a data directory shared by a
/// team on one server, so that the operating system — not only funnel — keeps each rep's deals
/// from the other reps (R15). Run as root; run again after adding people. See docs/team.md.
enum TeamInitCommand: Command {
    static let spec = CommandSpec(
        name: "team-init", summary: "Prepare a data directory shared by a team on one server (root; docs/team.md).",
        arguments: [ArgumentSpec(name: "DIR", required: true, help: "the shared data directory")],
        options: [
            OptionSpec("group", value: "GROUP", "the Unix group of every team member"),
            OptionSpec("manager", value: "USER", "a manager (comma-separated for several); on a new directory"),
            OptionSpec("template", value: "NAME", "pipeline template for a new directory (default simple)"),
        ],
        details: """
        A new directory gets the group's members as reps (the --manager accounts as managers); an
        existing one keeps its team.json. Each rep's deals: readable and writable by the rep and the
        managers only. The inbox: by every member. Nothing is readable by anyone outside the group.
        """)

    static func run(_ arguments: ParsedArguments, session: Session) throws {
        guard geteuid() == 0 else {
            throw CommandFailure.refused("funnel team-init changes owners and permissions: run it as root (sudo)")
        }
        guard let groupName = arguments.value("group") else { throw CommandFailure.usage("funnel team-init: --group GROUP is required") }
        guard let group = getgrnam(groupName) else { throw CommandFailure.usage("no Unix group called “\(groupName)”") }
        let gid = group.pointee.gr_gid
        let members = Set(Self.members(of: group))
        guard findSetfacl() != nil else {
            throw CommandFailure.data("setfacl is not installed (Debian: apt-get install acl); funnel team-init needs it")
        }
        let store = FunnelStore(root: DataDirectory.resolve(flag: arguments.positionals[0], environment: [:]))
        if !store.isInitialized {
            let managers = Set((arguments.value("manager") ?? "").split(separator: ",").map(String.init))
            for manager in managers where !members.contains(manager) {
                throw CommandFailure.usage("\(manager) is not a member of \(groupName)")
            }
            let users = members.sorted().map { User(account: $0, name: Self.realName($0) ?? $0, role: managers.contains($0) ? .manager : .rep) }
            guard users.contains(where: { $0.role == .manager }) else {
                throw CommandFailure.usage("name at least one manager with --manager USER")
            }
            let template = try InitCommand.template(arguments.value("template"))
            try session.data { try store.initialize(pipeline: template.pipeline, team: Team(users: users)) }
        }
        let team = try session.data { try store.loadTeam() }
        var problems: [String] = []
        for user in team.users {
            if getpwnam(user.account) == nil { problems.append("\(user.account) is on the team but has no Unix account") }
            else if !members.contains(user.account) { problems.append("\(user.account) is on the team but not in \(groupName)") }
        }
        guard problems.isEmpty else { throw CommandFailure(code: .usage, lines: problems) }
        try session.data { try Self.apply(store: store, team: team, gid: gid) }
        Console.line("prepared \(store.root) for \(groupName): \(team.reps.count) reps, \(team.managers.count) managers")
    }

    /// Owners, groups, modes and ACLs, as docs/team.md describes them.
    static func apply(store: FunnelStore, team: Team, gid: gid_t) throws {
        let root = store.root
        let managers = team.managers.map(\.account)
        func uid(_ account: String) -> uid_t { getpwnam(account)!.pointee.pw_uid }
        func set(_ path: String, owner: uid_t, group: gid_t, mode: mode_t) throws {
            guard chown(path, owner, group) == 0 else { throw StoreError.io(path: path, detail: "chown failed: \(String(cString: strerror(errno)))") }
            guard chmod(path, mode) == 0 else { throw StoreError.io(path: path, detail: "chmod failed: \(String(cString: strerror(errno)))") }
        }
        func acl(_ path: String, _ entries: [String], recursive: Bool = false) throws {
            guard !entries.isEmpty else { return }
            try setfacl((recursive ? ["-R"] : []) + ["-m", entries.joined(separator: ","), path])
        }
        // Stale caches would hold every deal in one file.
        try? FileManager.default.removeItem(atPath: root + "/cache")
        let managerAccess = managers.map { "u:\($0):rwx" }

        // The directory itself: members read the pipeline and team; managers also write them.
        try set(root, owner: 0, group: gid, mode: 0o2750)
        try acl(root, managerAccess + ["m::rwx"])
        for file in ["pipeline.json", "team.json"] { try set(root + "/" + file, owner: 0, group: gid, mode: 0o640) }
        let lock = root + "/.lock"
        if !FileManager.default.fileExists(atPath: lock) { _ = FileManager.default.createFile(atPath: lock, contents: nil) }
        try set(lock, owner: 0, group: gid, mode: 0o660)

        // The inbox: every member reads and writes.
        try AtomicFile.makeDirectory(root + "/inbox")
        try set(root + "/inbox", owner: 0, group: gid, mode: 0o2770)
        for name in try AtomicFile.list(root + "/inbox") { try set(root + "/inbox/" + name, owner: 0, group: gid, mode: 0o660) }

        // Each owner's deals: the owner and the managers, nobody else.
        try AtomicFile.makeDirectory(root + "/deals")
        try set(root + "/deals", owner: 0, group: gid, mode: 0o2750)
        try acl(root + "/deals", managerAccess + ["m::rwx"])
        for user in team.users {
            let dir = root + "/deals/" + user.account
            try AtomicFile.makeDirectory(dir)
            try set(dir, owner: uid(user.account), group: 0, mode: 0o2770)
            for name in try AtomicFile.list(dir) { try set(dir + "/" + name, owner: uid(user.account), group: 0, mode: 0o660) }
            let people = Set(managers + [user.account]).sorted()
            // Access for the owner and managers now, and by default for every file made later.
            try setfacl(["-R", "-b", dir])
            try set(dir, owner: uid(user.account), group: 0, mode: 0o2770)
            try acl(dir, people.map { "u:\($0):rwX" } + ["g::---", "o::---", "m::rwx"], recursive: true)
            try acl(dir, people.map { "d:u:\($0):rwx" } + ["d:g::---", "d:o::---", "d:m::rwx"])
        }
        // Anything else (quarantine, files left from before): not readable outside the group.
        for path in try FileManager.default.subpathsOfDirectory(atPath: root) {
            var info = stat()
            let full = root + "/" + path
            if lstat(full, &info) == 0, info.st_mode & 0o007 != 0 { chmod(full, info.st_mode & ~0o007) }
        }
    }

    static func members(of group: UnsafeMutablePointer<group>) -> [String] {
        var names: [String] = []
        var member = group.pointee.gr_mem
        while let pointer = member?.pointee {
            names.append(String(cString: pointer))
            member = member?.advanced(by: 1)
        }
        // Users whose primary group it is.
        let gid = group.pointee.gr_gid
        setpwent()
        while let entry = getpwent() {
            if entry.pointee.pw_gid == gid { names.append(String(cString: entry.pointee.pw_name)) }
        }
        endpwent()
        return names.filter(User.isValidAccount)
    }

    static func realName(_ account: String) -> String? {
        guard let entry = getpwnam(account), let gecos = entry.pointee.pw_gecos else { return nil }
        let name = String(cString: gecos).split(separator: ",").first.map(String.init) ?? ""
        return name.isEmpty ? nil : name
    }

    static func findSetfacl() -> String? {
        ["/usr/bin/setfacl", "/bin/setfacl"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func setfacl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: findSetfacl()!)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw StoreError.io(path: arguments.last ?? "", detail: "setfacl failed: \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
