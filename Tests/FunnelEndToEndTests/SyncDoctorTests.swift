import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `funnel doctor` in a clone synced over git (docs/sync.md): a file the sync could not merge is
/// explained until someone puts it right; a clone without a quote series and funnel's git files
/// gone are reported, and `--repair` restores those files.
@Suite("Sync: funnel doctor explains what a sync left", .serialized)
struct SyncDoctorTests {
    @Test func aFileTheSyncCouldNotMergeIsExplainedUntilItIsPutRight() throws {
        let team = try SyncTeam()
        defer { team.remove() }
        try team.sandbox.initialize()
        let id = try team.sandbox.add("Solar roof", "--owner", "rita")
        try team.setUp()
        #expect(try team.ok("boss", "doctor").stdout.contains("no problems found"))
        // A teammate pushes, with plain git, a version of the deal funnel cannot read…
        let path = "deals/rita/\(id).json"
        try Data(#"{"schema": 1, "deal": {"id": "\#(id)"}}"#.utf8).write(to: URL(fileURLWithPath: team.dataDir("sam") + "/" + path))
        try team.git("sam", ["commit", "-qam", "broken"], ["push", "-q", "origin", "HEAD:main"])
        // …while rita changes it: the merge cannot be made, hers is kept.
        try team.ok("rita", "edit", id, "--notes", "Call after the holidays")
        let synced = try jsonObject(try team.ok("rita", "sync", "--json").stdout)
        #expect((synced["conflicts"] as? [String])?.contains { $0.contains(path) && $0.contains("run funnel doctor") } == true, "\(synced)")
        #expect(try team.deal(id, in: "rita").string("notes") == "Call after the holidays")
        let doctor = try team.run("rita", ["doctor"], env: ["FUNNEL_USER": "boss"])
        #expect(doctor.status == Exit.data, "\(doctor)")
        #expect(doctor.stdout.contains(team.dataDir("rita") + "/" + path) && doctor.stdout.contains("could not merge"), "\(doctor)")
        #expect(doctor.stdout.contains("git -C \(team.dataDir("rita")) show ") && doctor.stdout.contains(":\(path)"), "\(doctor)")
        // Put right (a new change to the deal, synced): nothing more to explain.
        try team.ok("rita", "edit", id, "--title", "Solar roof, 40 panels")
        #expect(try team.run("rita", ["doctor"], env: ["FUNNEL_USER": "boss"]).stdout.contains("no problems found"))
    }

    @Test func aCloneWithoutSeriesAndFunnelsGitFilesGoneAreReportedAndRepaired() throws {
        let team = try SyncTeam()
        defer { team.remove() }
        try team.sandbox.initialize()
        try team.setUp()
        let root = team.dataDir("rita")
        unlink(root + "/.git/funnel-quote-series")
        try Data("# ours\n*.json -text\n".utf8).write(to: URL(fileURLWithPath: root + "/.gitattributes"))
        let check = try team.run("rita", ["doctor"], env: ["FUNNEL_USER": "boss"])
        #expect(check.status == Exit.data, "\(check)")
        #expect(check.stdout.contains("no quote series yet") && check.stdout.contains("run funnel sync once"), "\(check)")
        #expect(check.stdout.contains(root + "/.gitattributes") && check.stdout.contains("merge=funnel-deal"), "\(check)")
        let repair = try team.run("rita", ["doctor", "--repair"], env: ["FUNNEL_USER": "boss"])
        #expect(repair.status == Exit.data && repair.stdout.contains("made them present again"), "the series needs a sync: \(repair)")
        let attributes = String(decoding: FileManager.default.contents(atPath: root + "/.gitattributes") ?? Data(), as: UTF8.self)
        #expect(attributes.hasPrefix("# ours\n*.json -text\n") && attributes.contains("*.json -text merge=funnel-deal"), "\(attributes)")
        try team.ok("rita", "sync")
        #expect(try team.run("rita", ["doctor"], env: ["FUNNEL_USER": "boss"]).stdout.contains("no problems found"))
    }
}
