import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The rest of the hostile teammate's attacks, by a real rep account on the team server: values
/// the reader would refuse, a hand-edited revision at Int.max, escape sequences in file names, a
/// held lock. The team keeps working and the victim's deal stays intact. Root only.
@Suite("A hostile rep's values, names and locks on the team server", .serialized) struct HostileRepTests {
    @Test(.enabled(if: HostileTeam.available)) func valuesTheReaderRefusesNeverReachTheTeam() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let victim = FileManager.default.contents(atPath: team.samsFile)
        let huge = try team.funnel(team.rita, "add", "Huge", "--value", "100000000000000000")
        #expect(huge.status == Exit.refused, "\(huge)")
        let note = try team.funnel(team.rita, "log", team.samsDeal, "no-answer", "--note", String(repeating: "x", count: 100_000))
        #expect(note.status == Exit.notFound, "another rep's deal is unknown to rita: \(note)")
        // A hand-edited revision at Int.max in rita's own deal: nobody's list, today or report stops.
        let (id, file) = try HostileDealFileTests.ritasDeal(team)
        let ownNote = try team.funnel(team.rita, "log", id, "no-answer", "--note", String(repeating: "x", count: 100_000))
        #expect(ownNote.status == Exit.refused && ownNote.stderr.contains("longer than"), "\(ownNote)")
        try HostileDealFileTests.ritaWrites(team, "\(id).json", from: file) { $0["revision"] = Int.max }
        for (account, words) in [(team.manager, ["list", "--all"]), (team.manager, ["report"]), (team.sam, ["today"]), (team.rita, ["list"])] {
            let result = try team.funnel(account, words)
            #expect(!result.signaled && result.status == Exit.ok, "\(account) \(words): \(result)")
        }
        let edit = try team.funnel(team.rita, "edit", id, "--title", "x")
        #expect(!edit.signaled && edit.status == Exit.data, "no trap on the revision: \(edit)")
        try HostileTeammateTests.victimIsIntact(team, victim)
    }

    @Test(.enabled(if: HostileTeam.available)) func escapeSequencesInFileNamesNeverReachTheManagersTerminal() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let folder = team.dir + "/deals/\(team.rita)/"
        for name in ["\u{1B}]52;c;cm0gLXJmIH4=\u{07}.json", "\u{1B}[2J\u{1B}]0;pwned\u{07}x.json", "\u{202E}nosj.evil.json", ".x\u{1B}[31m.tmp"] {
            #expect(try team.shell(team.rita, "/bin/sh", "-c", "echo '{' > \"$1\"", "sh", folder + name).ok)
        }
        for (account, words) in [
            (team.manager, ["doctor"]), (team.manager, ["list", "--all"]), (team.manager, ["doctor", "--repair"]),
            (team.rita, ["list"]),
        ] {
            let result = try team.funnel(account, words)
            #expect(!result.signaled, "\(result)")
            SanitisedOutputTests.expectClean(result)
        }
        let again = try team.teamInit()
        SanitisedOutputTests.expectClean(again)
    }

    @Test(.enabled(if: HostileTeam.available && FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func aLockHeldByARepStopsNoReaderAndEveryWriterGivesUp() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let victim = FileManager.default.contents(atPath: team.samsFile)
        // Rita holds the lock in the background (as a suspended funnel capture would).
        let hold = try team.shell(
            team.rita, "/bin/sh", "-c",
            "nohup /usr/bin/flock -o -x \(team.dir)/.lock /bin/sleep 30 >/dev/null 2>&1 & sleep 0.3; echo started")
        #expect(hold.ok, "\(hold)")
        defer { HostileTeam.killProcesses(of: getpwnam(team.rita)!.pointee.pw_uid) }
        let started = Date()
        for (account, words) in [(team.manager, ["list", "--all"]), (team.sam, ["show", team.samsDeal]), (team.sam, ["today"])] {
            #expect(try team.funnel(account, words).ok, "\(account) \(words)")
        }
        #expect(Date().timeIntervalSince(started) < 10, "readers do not wait")
        let write = try runProgram(
            "/usr/sbin/runuser", ["-u", team.sam, "--", team.binary, "edit", team.samsDeal, "--notes", "x"],
            environment: [
                "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "FUNNEL_DATA_DIR": team.dir,
                "HOME": team.scratch, "FUNNEL_LOCK_TIMEOUT": "2",
            ],
            scratch: team.runs, timeLimit: 20)
        #expect(write.status == 6 && write.stderr.contains("waiting for the data lock held by pid"), "\(write)")
        #expect(FileManager.default.contents(atPath: team.samsFile) == victim, "nothing was written")
    }

    @Test(.enabled(if: HostileTeam.available)) func aRepCannotHideTheirFolderAndTheManagerIsToldWhenItIsHidden() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let folder = team.dir + "/deals/\(team.sam)"
        // The folder is root's: its rep cannot change its mode or ACL.
        #expect(try team.shell(team.sam, "/bin/chmod", "700", folder).status != 0)
        #expect(try team.shell(team.sam, "/usr/bin/setfacl", "-b", folder).status != 0)
        #expect(try team.funnel(team.manager, "show", team.samsDeal).ok)
        // Hidden anyway (by root, by mistake): the manager's lists say so, doctor names it.
        #expect(chmod(folder, 0o700) == 0)
        let list = try team.funnel(team.manager, "list", "--all")
        #expect(list.ok && list.stderr.contains(folder) && list.stderr.contains("cannot be read"), "\(list)")
        let rita = try team.funnel(team.rita, "list")
        #expect(rita.ok && !rita.stderr.contains("skipped"), "another rep's folder is no news to a rep: \(rita)")
        let doctor = try team.funnel(team.manager, "doctor")
        #expect(doctor.stdout.contains(folder) && doctor.stdout.contains("team-init"), "\(doctor)")
    }

    @Test(.enabled(if: HostileTeam.available)) func quarantineIsNoPlaceForARepToPlantOrDelete() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let inbox = team.dir + "/inbox/"
        #expect(try team.shell(team.rita, "/bin/sh", "-c", "echo '{' > \(inbox)bad12345.json; mkdir -m 700 \(inbox)dddd2345.json").ok)
        let repair = try team.funnel(team.manager, "doctor", "--repair")
        #expect(repair.stdout.contains("could not move it to quarantine/"), "the folder the manager may not move: \(repair)")
        #expect(repair.stdout.contains("moved to"), "the rest was still repaired: \(repair)")
        // The quarantine is the managers': rita can neither plant a folder nor delete what is there.
        let plant = try team.shell(team.rita, "/bin/mkdir", "-p", team.dir + "/quarantine/x/deals")
        #expect(plant.status != 0, "\(plant)")
        let moved = try FileManager.default.subpathsOfDirectory(atPath: team.dir + "/quarantine").filter { $0.hasSuffix("bad12345.json") }
        let file = team.dir + "/quarantine/" + (try #require(moved.first))
        #expect(try team.shell(team.rita, "/bin/rm", "-f", file).status != 0 || FileManager.default.fileExists(atPath: file))
        #expect(FileManager.default.fileExists(atPath: file))
        // team-init after a repair does not walk the quarantine and succeeds again once the rest is clean.
        #expect(try team.shell(team.rita, "/bin/rmdir", inbox + "dddd2345.json").ok)
        let again = try team.teamInit()
        #expect(again.ok, "\(again)")
    }
}
