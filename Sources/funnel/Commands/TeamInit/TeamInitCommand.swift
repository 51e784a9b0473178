import Foundation
import FunnelCore
import FunnelStore
import FunnelText

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
        options: Option.specs,
        details: """
            A new directory gets the group's members as reps (the --manager accounts as managers); an
            existing one keeps its team.json. Each rep's deals and their quote PDFs: readable and writable
            by the rep and the managers only. The inbox and its leads' quotes: by every member. Nothing
            is readable by anyone outside the group.
            """)

    /// The options, declared once.
    enum Option: String, OptionKey {
        case group
        case manager
        case template

        var spec: OptionSpec {
            switch self {
            case .group: OptionSpec(value: "GROUP", "the Unix group of every team member")
            case .manager: OptionSpec(value: "USER", "a manager (comma-separated for several); on a new directory")
            case .template: OptionSpec(value: "NAME", "pipeline template for a new directory (default simple)", oneOf: PipelineTemplate.self)
            }
        }
    }

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        guard geteuid() == 0 else {
            throw CommandFailure.refused("funnel team-init changes owners and permissions: run it as root (sudo)")
        }
        guard let groupName = arguments[.group] else { throw CommandFailure.usage("funnel team-init: --group GROUP is required") }
        guard let group = getgrnam(groupName) else { throw CommandFailure.usage("no Unix group called “\(groupName)”") }
        let gid = group.pointee.gr_gid
        let members = Set(Self.members(of: group))
        guard SetFacl.executable != nil else {
            throw CommandFailure.data("setfacl is not installed (Debian: apt-get install acl); funnel team-init needs it")
        }
        let store = FunnelStore(root: DataDirectory.resolve(flag: arguments.positionals[0], environment: [:]))
        if !store.isInitialized {
            let managers = Set((arguments[.manager] ?? "").split(separator: ",").map(String.init))
            for manager in managers where !members.contains(manager) {
                throw CommandFailure.usage("\(manager) is not a member of \(groupName)")
            }
            let users = members.sorted().map { User(account: $0, name: Self.realName($0) ?? $0, role: managers.contains($0) ? .manager : .rep) }
            guard users.contains(where: { $0.role == .manager }) else {
                throw CommandFailure.usage("name at least one manager with --manager USER")
            }
            let template = try arguments.choice(.template, as: PipelineTemplate.self) ?? .defaultTemplate
            try session.data { try store.initialize(pipeline: template.pipeline, team: Team(users: users)) }
        }
        let team = try session.data { try store.loadTeam() }
        var problems: [String] = []
        for user in team.users {
            if getpwnam(user.account) == nil {
                problems.append("\(user.account) is on the team but has no Unix account")
            } else if !members.contains(user.account) {
                problems.append("\(user.account) is on the team but not in \(groupName)")
            }
        }
        guard problems.isEmpty else { throw CommandFailure(code: .usage, lines: problems) }
        var layout = TeamLayout(team: team, gid: gid)
        try session.data { try layout.apply(root: store.root) }
        Console.line("prepared \(store.root) for \(groupName): \(team.reps.count) reps, \(team.managers.count) managers")
        for entry in layout.untouched { Console.error("funnel team-init: " + entry.description) }
        guard layout.untouched.isEmpty else {
            throw CommandFailure.data(
                "\(layout.untouched.count) entries were left untouched (listed above): funnel did not make them; "
                    + "remove them, then run funnel team-init again")
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
}
