import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A hostile rep on the team server (docs/team.md, threat model): with a shell, they plant
/// symbolic links, hard links, FIFOs and folders in the folders they may write (their own
/// deals/REP/ and inbox/) and edit their own deal files by hand. Each attack ends with the
/// victim's deal intact and nothing outside the data directory changed. Real Unix accounts,
/// made per test and removed after it; root only, skipped elsewhere.
@Suite("A hostile teammate on the team server", .serialized) struct HostileTeammateTests {
    /// A file in a folder rita may write.
    static func ritas(_ team: HostileTeam, _ name: String) -> String { team.dir + "/deals/\(team.rita)/" + name }

    /// The victim's deal is unchanged and still works.
    static func victimIsIntact(_ team: HostileTeam, _ bytes: Data?, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(bytes != nil && FileManager.default.contents(atPath: team.samsFile) == bytes, sourceLocation: sourceLocation)
        let show = try team.funnel(team.sam, "show", team.samsDeal)
        #expect(show.ok, "\(show)", sourceLocation: sourceLocation)
    }

    @Test(.enabled(if: HostileTeam.available)) func teamInitDoesNotFollowASymlinkPlantedByARep() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let victim = FileManager.default.contents(atPath: team.samsFile)
        #expect(try team.shell(team.rita, "/bin/cat", team.shadow).status != 0, "the canary is root-only")
        for link in [Self.ritas(team, "aaaa2345.json"), team.dir + "/inbox/bbbb2345.json", Self.ritas(team, "notes")] {
            #expect(try team.shell(team.rita, "/bin/ln", "-s", team.shadow, link).ok)
        }
        #expect(try team.shell(team.rita, "/bin/ln", "-s", team.scratch, Self.ritas(team, "cccc2345.json")).ok)
        let before = try team.outside()

        let again = try team.teamInit()
        #expect(again.status == Exit.data, "\(again)")
        #expect(again.stderr.contains("aaaa2345.json: a symbolic link; left untouched"), "\(again)")
        #expect(again.stderr.contains("inbox/bbbb2345.json: a symbolic link; left untouched"), "\(again)")
        #expect(again.stderr.contains("notes: not a name funnel uses; left untouched"), "\(again)")
        #expect(again.stdout.contains("prepared"), "the rest of the directory is still prepared")
        #expect(try team.outside() == before, "nothing outside the data directory changed")
        #expect(try team.shell(team.rita, "/bin/cat", team.shadow).status != 0, "still root-only")
        try Self.victimIsIntact(team, victim)

        // The manager clears the planted links away; the team works again.
        _ = try team.funnel(team.manager, "doctor", "--repair")
        let all = try team.funnel(team.manager, "list", "--all", "--json")
        #expect(all.ok && all.stdout.contains(team.samsDeal), "\(all)")
        #expect(try team.outside() == before)
    }

    @Test(.enabled(if: HostileTeam.available)) func teamInitDoesNotChangeAHardLinkedFile() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let victim = FileManager.default.contents(atPath: team.samsFile)
        // A file rita owns outside, hard-linked into her folder (protected_hardlinks allows that).
        let ritasOwn = team.scratch + "/ritas"
        mkdir(ritasOwn, 0o755)
        chown(ritasOwn, getpwnam(team.rita)!.pointee.pw_uid, getgrnam(team.group)!.pointee.gr_gid)
        #expect(try team.shell(team.rita, "/bin/sh", "-c", "echo mine > \(ritasOwn)/file && chmod 644 \(ritasOwn)/file").ok)
        #expect(try team.shell(team.rita, "/bin/ln", ritasOwn + "/file", Self.ritas(team, "dddd2345.json")).ok)
        // The root-only file linked in, as a rep could where protected_hardlinks is off.
        #expect(link(team.shadow, Self.ritas(team, "eeee2345.json")) == 0)
        #expect(link(team.shadow, team.dir + "/inbox/ffff2345.json") == 0)
        let before = try team.outside()

        let again = try team.teamInit()
        #expect(again.status == Exit.data, "\(again)")
        for name in ["dddd2345.json", "eeee2345.json", "inbox/ffff2345.json"] {
            #expect(
                again.stderr.contains("\(name): a file with 2 hard links") || again.stderr.contains("\(name): a file with 3 hard links"),
                "\(again)")
        }
        #expect(try team.outside() == before, "nothing outside the data directory changed")
        #expect(try team.shell(team.rita, "/bin/cat", team.shadow).status != 0, "still root-only")
        try Self.victimIsIntact(team, victim)
    }

    @Test(.enabled(if: HostileTeam.available)) func aFIFOOrAFolderWhereADealBelongsNeitherHangsNorStopsTheTeam() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let victim = FileManager.default.contents(atPath: team.samsFile)
        #expect(try team.shell(team.rita, "/usr/bin/mkfifo", Self.ritas(team, "gggg2345.json")).ok)
        #expect(try team.shell(team.rita, "/usr/bin/mkfifo", team.dir + "/inbox/hhhh2345.json").ok)
        #expect(try team.shell(team.rita, "/bin/mkdir", Self.ritas(team, "jjjj2345.json")).ok)
        let before = try team.outside()

        let started = Date()
        let again = try team.teamInit()
        #expect(!again.signaled && again.status == Exit.data, "\(again)")
        #expect(again.stderr.contains("gggg2345.json: a FIFO (named pipe); left untouched"), "\(again)")
        #expect(again.stderr.contains("inbox/hhhh2345.json: a FIFO (named pipe); left untouched"), "\(again)")
        #expect(again.stderr.contains("jjjj2345.json: a directory where a file belongs; left untouched"), "\(again)")
        // Normal commands skip them at once with a warning (naming them to the manager only), never
        // wait on the FIFO, and still list everything else.
        let sams = try team.funnel(team.sam, ["list"])
        #expect(!sams.signaled && sams.status == Exit.ok && sams.stderr.contains("skipped"), "\(sams)")
        #expect(!sams.stderr.contains("hhhh2345"), "a rep is not told which files")
        let managers = try team.funnel(team.manager, ["list", "--all"])
        #expect(!managers.signaled && managers.status == Exit.ok, "\(managers)")
        #expect(managers.stderr.contains("3 deal files were skipped") && managers.stderr.contains("hhhh2345.json"), "\(managers)")
        #expect(managers.stdout.contains(team.samsDeal), "the rest of the team's deals still list")
        #expect(Date().timeIntervalSince(started) < 15, "nothing blocked")

        // A manager's doctor --repair moves them to quarantine; the team works again.
        let repair = try team.funnel(team.manager, "doctor", "--repair")
        #expect(!repair.signaled && repair.stdout.contains("moved to"), "\(repair)")
        let all = try team.funnel(team.manager, "list", "--all", "--json")
        #expect(all.ok && all.stdout.contains(team.samsDeal), "\(all)")
        #expect(try team.outside() == before, "nothing outside the data directory changed")
        try Self.victimIsIntact(team, victim)
    }
}
