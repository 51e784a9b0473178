import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Quotes on a team server (docs/quotes.md, docs/team.md): a quote's PDF is as private as its
/// deal, by the operating system's permissions, with real Unix accounts (`HostileTeam`).
@Suite("Quotes on a team server", .serialized) struct TeamQuotesTests {
    /// A deal of `account`'s with one free line; its id.
    static func dealWithLine(_ team: HostileTeam, _ account: String, _ title: String) throws -> String {
        let added = try team.funnel(account, "add", title)
        #expect(added.ok, "\(added)")
        let line = try team.funnel(account, "lines", "add", added.output, "--text", "Work", "--price", "100")
        #expect(line.ok, "\(line)")
        return added.output
    }

    /// `funnel quote ID` as `account`: the number and the PDF's path.
    static func quote(_ team: HostileTeam, _ account: String, _ id: String) throws -> (number: String, pdf: String) {
        let result = try team.funnel(account, "quote", id)
        #expect(result.ok, "\(result)")
        let parts = result.output.split(separator: " ", maxSplits: 1).map(String.init)
        return (parts.first ?? "", parts.count > 1 ? parts[1] : "")
    }

    static func canRead(_ team: HostileTeam, _ account: String, _ path: String) throws -> Bool {
        try team.shell(account, "/bin/cat", path).ok
    }

    @Test(.enabled(if: HostileTeam.available)) func aRepsQuoteIsReadableByTheRepAndTheManagersOnlyAndFollowsItsDeal() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let (rita, sam, manager, dir) = (team.rita, team.sam, team.manager, team.dir)
        // A rep quotes from the start: team-init prepared quotes/.
        let ritas = try Self.dealWithLine(team, rita, "Rita's deal")
        let first = try Self.quote(team, rita, ritas)
        #expect(first.pdf == "\(dir)/quotes/deals/\(rita)/\(first.number).pdf")
        #expect(try Self.canRead(team, rita, first.pdf))
        // Another rep can neither read nor list it, by any means.
        let cat = try team.shell(sam, "/bin/cat", first.pdf)
        #expect(!cat.ok && cat.stderr.contains("Permission denied"), "\(cat)")
        #expect(!(try team.shell(sam, "/bin/ls", "\(dir)/quotes/deals/\(rita)").ok))
        #expect(try team.funnel(sam, "quotes", ritas).status == 5)
        #expect(!(try team.shell(sam, "/usr/bin/touch", "\(dir)/quotes/planted").ok), "quotes/ is not the reps' to write")
        // The manager can.
        #expect(try Self.canRead(team, manager, first.pdf))
        let listed = try team.funnel(manager, "quotes", ritas)
        #expect(listed.ok && listed.stdout.contains(first.pdf), "\(listed)")

        // An unassigned lead's quote is in the shared quotes/inbox/, then follows the lead to its owner.
        let captured = try team.captureSharedLead(as: sam)
        #expect(captured.ok, "\(captured)")
        let lead = captured.output
        #expect(try team.funnel(rita, "lines", "add", lead, "--text", "Work", "--price", "50").ok)
        let leadQuote = try Self.quote(team, rita, lead)
        #expect(leadQuote.pdf == "\(dir)/quotes/inbox/\(leadQuote.number).pdf")
        #expect(try Self.canRead(team, sam, leadQuote.pdf), "the inbox is every member's")
        #expect(try team.funnel(rita, "accept", lead).ok)
        let accepted = "\(dir)/quotes/deals/\(rita)/\(leadQuote.number).pdf"
        #expect(try Self.canRead(team, rita, accepted) && !Self.canRead(team, sam, accepted))
        #expect(!FileManager.default.fileExists(atPath: leadQuote.pdf))

        // Reassigned, the deal's PDFs go with it: the new owner reads them, the old one no longer.
        #expect(try team.funnel(manager, "assign", ritas, sam).ok)
        let moved = "\(dir)/quotes/deals/\(sam)/\(first.number).pdf"
        #expect(try Self.canRead(team, sam, moved))
        #expect(!(try Self.canRead(team, rita, moved)))
        #expect(!FileManager.default.fileExists(atPath: first.pdf))
        let samsView = try team.funnel(sam, "quotes", ritas, "--json")
        #expect(samsView.ok && samsView.stdout.contains(moved), "\(samsView)")

        // Nothing is world-readable; team-init again is safe, and doctor finds nothing amiss.
        let find = try team.sh(["/usr/bin/find", dir, "-perm", "-o+r"])
        #expect(find.ok && find.stdout.isEmpty, "world-readable: \(find.stdout)")
        #expect(try team.teamInit().ok)
        #expect(try Self.canRead(team, sam, moved) && !Self.canRead(team, rita, moved))
        let doctor = try team.funnel(manager, "doctor")
        #expect(doctor.ok, "\(doctor)")
    }

    @Test(.enabled(if: HostileTeam.available)) func aPDFFromBeforeBecomesTheManagersAndStillCounts() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let ritas = try Self.dealWithLine(team, team.rita, "Rita's deal")
        let first = try Self.quote(team, team.rita, ritas)
        // A PDF of before (when quotes/ was shared by the group), then team-init after the upgrade.
        let year = first.number.split(separator: "-")[1]
        let old = "\(team.dir)/quotes/Q-\(year)-0041.pdf"
        try Data("%PDF old".utf8).write(to: URL(fileURLWithPath: old))
        chown(old, 0, getgrnam(team.group).pointee.gr_gid)
        chmod(old, 0o664)
        #expect(try team.teamInit().ok)
        #expect(try !Self.canRead(team, team.rita, old) && !Self.canRead(team, team.sam, old))
        #expect(try Self.canRead(team, team.manager, old))
        #expect(try Self.quote(team, team.rita, ritas).number == "Q-\(year)-0042", "its number stays used")
    }

    @Test(.enabled(if: HostileTeam.available)) func twoRepsAndTheManagerIssuingAtOnceGetNumbersWithoutGaps() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let accounts = [team.rita, team.sam, team.manager], perAccount = 3
        var ids: [String: String] = [:]
        for account in accounts { ids[account] = try Self.dealWithLine(team, account, "Deal of \(account)") }
        let (scriptPath, go) = try QuoteIssuingScript.write(in: team.scratch)
        chmod(scriptPath, 0o755)
        var programs: [String: ProgramRun] = [:]
        for account in accounts {
            let arguments = ["-u", account, "--", "/bin/sh", scriptPath, go, team.binary, ids[account]!, String(perAccount)]
            programs[account] = ProgramRun("/usr/sbin/runuser", arguments, environment: team.funnelEnvironment)
        }
        let (results, failures) = runAtOnce(programs, go: go, delay: 0.2, scratch: team.runs, timeLimit: 90)
        #expect(failures.isEmpty, "\(failures)")
        var numbers: [String] = []
        for account in accounts {
            let result = try #require(results[account])
            #expect(result.ok, "\(result)")
            let issued = result.output.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
            #expect(issued.count == perAccount)
            for number in issued {
                #expect(FileManager.default.fileExists(atPath: "\(team.dir)/quotes/deals/\(account)/\(number).pdf"))
            }
            numbers += issued
        }
        let year = numbers.first.map { $0.split(separator: "-")[1] } ?? ""
        let expected = (1...(accounts.count * perAccount)).map { String(format: "Q-\(year)-%04d", $0) }
        #expect(numbers.sorted() == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: team.dir + "/quotes/numbers").sorted() == expected)
        let find = try team.sh(["/usr/bin/find", team.dir, "-perm", "-o+r"])
        #expect(find.ok && find.stdout.isEmpty, "world-readable: \(find.stdout)")
    }

    @Test(.enabled(if: HostileTeam.available)) func aLinkPlantedForAPDFIsNeverFollowedWhenTheDealMoves() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let ritas = try Self.dealWithLine(team, team.rita, "Rita's deal")
        let first = try Self.quote(team, team.rita, ritas)
        let before = try team.outside()
        // Rita swaps her PDF for a link to a root-only file, hoping the move copies it for Sam.
        #expect(try team.shell(team.rita, "/bin/rm", "-f", first.pdf).ok)
        #expect(try team.shell(team.rita, "/bin/ln", "-s", team.shadow, first.pdf).ok)
        let assigned = try team.funnel(team.manager, "assign", ritas, team.sam)
        #expect(assigned.ok, "\(assigned)")
        #expect(try team.funnel(team.sam, "show", ritas).ok)
        let moved = "\(team.dir)/quotes/deals/\(team.sam)/\(first.number).pdf"
        #expect(!FileManager.default.fileExists(atPath: moved), "nothing was copied through the link")
        #expect(try team.outside() == before)
    }

    @Test(.enabled(if: HostileTeam.available)) func aMissingQuoteFolderIsNeverMadeByAMemberAndDoctorNamesIt() throws {
        let team = try HostileTeam()
        defer { team.remove() }
        try team.setUp()
        let ritas = try Self.dealWithLine(team, team.rita, "Rita's deal")
        let folder = "\(team.dir)/quotes/deals/\(team.rita)"
        try FileManager.default.removeItem(atPath: folder)
        // Made by the manager's funnel, it would have the group's permissions: refused instead.
        let refused = try team.funnel(team.manager, "quote", ritas)
        #expect(refused.status == 4 && refused.stderr.contains("funnel team-init"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: folder))
        let doctor = try team.funnel(team.manager, "doctor")
        #expect(doctor.status == 4 && doctor.stdout.contains(folder) && doctor.stdout.contains("team-init"), "\(doctor)")
        #expect(try team.teamInit().ok)
        #expect(try Self.quote(team, team.rita, ritas).number.hasSuffix("-0001"), "the refused quote used no number")
        #expect(try team.funnel(team.manager, "doctor").ok)
    }
}
