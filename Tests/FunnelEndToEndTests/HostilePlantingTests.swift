import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A hostile rep plants a copy of a teammate's deal where they may write — the shared inbox and
/// their own folder — with a higher revision and their own title. A deal file counts only where
/// its content belongs, an owner's copy beats an inbox copy, two owners' copies count for neither,
/// and no write deletes or replaces a file it did not read: the victim's deal stays intact. Root
/// only (real accounts), skipped elsewhere.
@Suite("A hostile teammate plants copies of another rep's deal", .serialized) struct HostilePlantingTests {
    @Test(.enabled(if: HostileTeam.available)) func aCopyInTheInboxNeverReplacesTheOwnersDeal() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let (_, ritasFile) = try HostileDealFileTests.ritasDeal(team)
        // Rita knows Sam's deal id (ids of leads taken from the inbox are seen by everyone).
        try HostileDealFileTests.ritaWrites(team, "\(team.samsDeal).json", into: team.dir + "/inbox", from: ritasFile) {
            $0["id"] = team.samsDeal
            $0["owner"] = nil
            $0["stage"] = "unsorted"
            $0["revision"] = 99
            $0["title"] = "Planted by Rita"
        }
        let planted = team.dir + "/inbox/\(team.samsDeal).json"

        // Sam, the manager and root all see Sam's real deal; the manager is told about the copy.
        let sams = try team.funnel(team.sam, "show", team.samsDeal, "--json")
        #expect(sams.ok && sams.stdout.contains("Sam's big deal") && !sams.stdout.contains("Planted"), "\(sams)")
        let all = try team.funnel(team.manager, "list", "--all", "--json")
        #expect(all.ok && all.stdout.contains("Sam's big deal") && !all.stdout.contains("Planted"), "\(all)")
        #expect(all.stderr.contains(planted), "the manager is told which file was skipped: \(all)")

        // Saves by the owner and by the manager change the real file and never delete the copy.
        #expect(try team.funnel(team.sam, "edit", team.samsDeal, "--notes", "called").ok)
        #expect(try team.funnel(team.manager, "move", team.samsDeal, "meeting", "--next", "+2d").ok)
        let after = try team.funnel(team.sam, "show", team.samsDeal, "--json")
        #expect(after.stdout.contains("Sam's big deal") && after.stdout.contains("called") && after.stdout.contains("meeting"), "\(after)")
        #expect(FileManager.default.fileExists(atPath: planted), "not deleted by a save that never read it")

        // The manager's doctor moves the planted copy to quarantine; nothing else changes.
        let repair = try team.funnel(team.manager, "doctor", "--repair")
        #expect(repair.stdout.contains("moved to"), "\(repair)")
        #expect(!FileManager.default.fileExists(atPath: planted))
        #expect(try team.funnel(team.sam, "show", team.samsDeal).ok)
    }

    @Test(.enabled(if: HostileTeam.available)) func aCopyInTheRepsOwnFolderWinsNothing() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let victim = FileManager.default.contents(atPath: team.samsFile)
        let (_, ritasFile) = try HostileDealFileTests.ritasDeal(team)
        // A copy that claims the deal is Rita's now, in Rita's folder.
        try HostileDealFileTests.ritaWrites(team, "\(team.samsDeal).json", from: ritasFile) {
            $0["id"] = team.samsDeal
            $0["revision"] = 99
            $0["title"] = "Mine now"
        }
        // Whatever Rita does to her copy stays in her folder; Sam's deal is as it was.
        _ = try team.funnel(team.rita, "edit", team.samsDeal, "--title", "Really mine")
        #expect(FileManager.default.contents(atPath: team.samsFile) == victim)
        #expect(try team.funnel(team.sam, "show", team.samsDeal, "--json").stdout.contains("Sam's big deal"))
        // For the manager, who sees both folders, neither copy counts until a person decides.
        let all = try team.funnel(team.manager, "list", "--all", "--json")
        #expect(all.ok && !all.stdout.contains("Mine now"), "\(all)")
        #expect(all.stderr.contains("stored in 2 owners' folders") || all.stderr.contains("skipped"), "\(all)")
        let move = try team.funnel(team.manager, "move", team.samsDeal, "meeting", "--next", "+2d")
        #expect(move.status == Exit.data, "a manager's save never picks a copy by its revision: \(move)")
        #expect(FileManager.default.contents(atPath: team.samsFile) == victim, "Sam's file is untouched")
    }
}
