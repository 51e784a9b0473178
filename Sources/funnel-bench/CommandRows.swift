import Foundation
import FunnelCore
import FunnelStore

/// A deal as `funnel list --all --json` prints it: what the taskwarrior side copies.
struct ListedDeal {
    var id: String
    var title: String
    var open: Bool
    var created: String
}

/// The rows of issue #15's table, each checked: every run exits 0 and says what it should.
extension CommandBench {
    /// `demo --deals N --seed 1` into the empty data directory: one run, in seconds. From a
    /// million deals on, a team's four years (`--days 1460`: issue #15's "over years; most closed").
    func demo() throws -> CommandRow {
        let run = try once(["demo", "--deals", "\(deals)", "--seed", "1"] + (deals >= 1_000_000 ? ["--days", "1460"] : []))
        try check(standardOutput.contains("wrote \(deals) demo deals"), "demo said: \(standardOutput)")
        return CommandRow("demo --deals \(deals)", Timing([run]), rate: String(format: "%.1f s", run.seconds))
    }

    /// Every deal, from `list --all --json` (untimed; it also builds the cache). Decoded into
    /// the four fields used, not a dictionary a deal: at 1,000,000 deals the output is about 1 GB.
    func listedDeals() throws -> [ListedDeal] {
        struct Listed: Decodable {
            let id: String, title: String, stageKind: String, created: String
            enum CodingKeys: String, CodingKey {
                case id, title, created
                case stageKind = "stage_kind"
            }
        }
        try once(["list", "--all", "--json"])
        let listed = try JSONDecoder().decode([Listed].self, from: try Data(contentsOf: URL(fileURLWithPath: output), options: .alwaysMapped))
        try check(listed.count == deals, "list --all --json printed \(listed.count) deals of \(deals)")
        return listed.map {
            ListedDeal(id: $0.id, title: $0.title, open: $0.stageKind == "open" || $0.stageKind == "inbox", created: $0.created)
        }
    }

    /// The first rep of team.json.
    func firstRep() throws -> String {
        guard let rep = try FunnelStore(root: data).loadTeam().users.first(where: { $0.role == .rep }) else {
            throw WrongResult(description: "the demo team has no rep")
        }
        return rep.account
    }

    /// `show ID`, `edit ID --notes x` (x and y in turn, so each run changes it), `add probe --value 5`.
    func dealRows(id: String) throws -> [CommandRow] {
        let show = try timed({ _ in ["show", id] }) { try check($0.contains(id), "show \(id) printed: \($0.prefix(200))") }
        let edit = try timed { ["edit", id, "--notes", $0 % 2 == 0 ? "x" : "y"] }
        let add = try timed({ _ in ["add", "probe", "--value", "5"] }) {
            try check(!$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "add printed no id")
        }
        return [CommandRow("show ID", show), CommandRow("edit ID --notes x", edit), CommandRow("add probe --value 5", add)]
    }

    /// `list` (manager and rep), `today`, `report`, `list --all` and `list --all --json` (the last two
    /// to /dev/null).
    func listRows(rep: String) throws -> [CommandRow] {
        [
            CommandRow("list", try timed { _ in ["list"] }),
            CommandRow("list (rep \(rep))", try timed({ _ in ["list"] }, user: rep)),
            CommandRow("today", try timed { _ in ["today"] }),
            CommandRow("report", try timed { _ in ["report"] }),
            CommandRow("list --all", try timed({ _ in ["list", "--all"] }, keep: false)),
            CommandRow("list --all --json", try timed({ _ in ["list", "--all", "--json"] }, keep: false)),
        ]
    }

    /// The first `list` after `cache/` was removed (a restored or copied data directory); up to
    /// three runs, each rebuilding the cache.
    func coldStart() throws -> CommandRow {
        var runs: [ProcessRun] = []
        for _ in 0..<min(3, repetitions) {
            try? FileManager.default.removeItem(atPath: data + "/cache")
            runs.append(try once(["list"]))
            if deals >= FunnelStore.cacheThreshold {
                try check(FileManager.default.fileExists(atPath: data + "/cache"), "the first list did not rebuild cache/")
            }
        }
        return CommandRow("list, cache/ removed (cold start)", Timing(runs))
    }

    /// How many leads `capture` reads: min(20,000, N / 5).
    var leads: Int { max(1, min(20_000, deals / 5)) }

    /// `capture` of a CSV of new leads (no phone or email of an existing deal), one run.
    func capture() throws -> CommandRow {
        var csv = "name,company,email,source\n"
        for i in 0..<leads { csv += "Bench lead \(i),Bench \(i % 97) Ltd,bench-lead-\(i)@example.invalid,bench\n" }
        let file = root + "/leads.csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: file))
        let run = try once(["capture", file])
        let ids = standardOutput.split(separator: "\n").count
        try check(ids == leads, "capture printed \(ids) new ids for \(leads) leads")
        return CommandRow("capture \(leads) leads", Timing([run]), rate: String(format: "%.0f leads/s", Double(leads) / run.seconds))
    }

    /// Every deal is on disk: the demo's, one per `add` run, one per captured lead.
    func checkCount(_ rows: [CommandRow]) throws {
        let adds = (rows.first { $0.command.hasPrefix("add ") }?.funnel.runs ?? 0) + 1
        let count = try FunnelStore(root: data).dealIDs().count
        try check(count == deals + adds + leads, "\(count) deals on disk, expected \(deals) + \(adds) added + \(leads) captured")
    }
}

/// The first open deal listed (one a manager may edit).
func firstOpen(_ deals: [ListedDeal]) throws -> String {
    guard let deal = deals.first(where: \.open) else { throw WrongResult(description: "no open deal in the demo data") }
    return deal.id
}
