import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

@Suite("Store: setup and round trips")
struct StoreSetupTests {
    @Test func initializeThenLoad() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store(template: .powerlink)
        #expect(store.isInitialized)
        #expect(try store.loadPipeline() == PipelineTemplate.powerlink.pipeline)
        #expect(try store.loadTeam() == SFx.team)
        // Another process opening the same directory sees the same thing.
        let again = FunnelStore(root: store.root)
        let funnel = try again.loadFunnel()
        #expect(funnel.pipeline == PipelineTemplate.powerlink.pipeline)
        #expect(funnel.team == SFx.team)
        #expect(try again.loadDeals().isEmpty)
        #expect(try again.dealIDs().isEmpty)
    }

    @Test func filesAreHumanReadableJSONWithASchemaVersion() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        for name in ["pipeline.json", "team.json"] {
            let data = try #require(bytes(store.root + "/" + name))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(object["schema"] as? Int == 1)
            #expect(String(decoding: data, as: UTF8.self).contains("\n  "), "pretty-printed")
        }
    }

    @Test func newFilesAre0600AndNewDirectories0700() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        #expect(fileMode(store.root) == 0o700)
        #expect(fileMode(store.root + "/inbox") == 0o700)
        #expect(fileMode(store.root + "/deals") == 0o700)
        #expect(fileMode(store.root + "/pipeline.json") == 0o600)
        #expect(fileMode(store.root + "/team.json") == 0o600)
        #expect(fileMode(store.root + "/.lock") == 0o600)
        try store.insert(SFx.deal("abcd2345"))
        try store.insert(SFx.deal("inbx2345", owner: nil, stage: "unsorted"))
        #expect(fileMode(store.root + "/deals/rita") == 0o700)
        #expect(fileMode(store.root + "/deals/rita/abcd2345.json") == 0o600)
        #expect(fileMode(store.root + "/inbox/inbx2345.json") == 0o600)
        _ = try store.updateTeam { $0.users.append(User(account: "noa", name: "Noa", role: .rep)) }
        #expect(fileMode(store.root + "/team.json") == 0o600)
    }

    @Test func initializingTwiceIsRefusedAndChangesNothing() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store(template: .simple)
        let before = bytes(store.root + "/pipeline.json")
        #expect(
            storeError { try store.initialize(pipeline: PipelineTemplate.b2b.pipeline, team: Team()) }
                == .alreadyInitialized(path: store.root))
        #expect(bytes(store.root + "/pipeline.json") == before)
        #expect(try store.loadTeam() == SFx.team)
    }

    @Test func anEmptyDirectoryIsNotInitialized() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store(initialized: false)
        #expect(!store.isInitialized)
        #expect(storeError { try store.loadPipeline() } == .notInitialized(path: store.root))
        #expect(storeError { try store.loadTeam() } == .notInitialized(path: store.root))
        #expect(try store.loadDeals().isEmpty)
        #expect(StoreError.notInitialized(path: store.root).description.contains("funnel init"))
    }

    @Test func insertThenLoad() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let deal = SFx.deal("abcd2345")
        try store.insert(deal)
        #expect(try store.loadDeal(id: "abcd2345") == deal)
        #expect(try store.loadDeals() == [deal])
        #expect(try store.loadDeal(id: "zzzz2345") == nil)
        #expect(try store.dealIDs() == ["abcd2345"])
        #expect(try store.resolve("ABC") == .found("abcd2345"))
        // The value is stored as a decimal string, never a binary floating-point number.
        let data = try #require(bytes(store.root + "/deals/rita/abcd2345.json"))
        let file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let stored = try #require(file["deal"] as? [String: Any])
        #expect(stored["value"] as? String == "12500.50")
        #expect(stored["stage_entered"] as? String == "2026-11-24T09:00:00Z")
    }

    @Test func anIdIsInsertedOnlyOnce() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345"))
        #expect(storeError { try store.insert(SFx.deal("abcd2345", owner: "sam", title: "Other")) } != nil)
        #expect(try store.loadDeal(id: "abcd2345")?.owner == "rita")
        #expect(!exists(store.root + "/deals/sam/abcd2345.json"))
    }

    @Test func manyDealsAtOnce() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        var rng = SeededGenerator(seed: 3)
        let deals = (0..<300).map { n -> Deal in
            let owner: String? = [nil, "rita", "sam", "mia"][n % 4]
            var deal = SFx.deal(
                DealID.make(using: &rng), owner: owner, stage: owner == nil ? "unsorted" : "meeting",
                title: "Deal \(n)")
            deal.value = n % 3 == 0 ? nil : Decimal(n * 100) + Decimal(string: "0.25")!
            return deal
        }
        try store.insertBulk(deals)
        let loaded = try store.loadDeals()
        #expect(loaded.count == 300)
        let byID = Dictionary(uniqueKeysWithValues: loaded.map { ($0.id, $0) })
        let mismatched = deals.filter { byID[$0.id] != $0 }.map(\.id)
        #expect(mismatched.isEmpty)
        let inbox = deals.filter { $0.owner == nil }
        #expect(!inbox.isEmpty)
        for deal in inbox { #expect(exists(store.root + "/inbox/\(deal.id).json")) }
    }

    @Test func theTeamIsUpdatedUnderTheLock() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let team = try store.updateTeam { $0.users.append(User(account: "noa", name: "Noa", role: .rep)) }
        #expect(team.user("noa")?.role == .rep)
        #expect(try FunnelStore(root: store.root).loadTeam() == team)
    }
}

@Suite("Store: changing deals")
struct StoreUpdateTests {
    @Test func anAcceptedChangeIsSaved() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345"))
        let result = try store.update(id: "abcd2345") {
            SFx.funnel.apply(.move(to: "meeting"), to: $0, by: SFx.rita, now: SFx.later(1))
        }
        guard case .saved(let saved) = result else { Issue.record("not saved: \(result)"); return }
        #expect(saved.stage == "meeting" && saved.revision == 2)
        #expect(try FunnelStore(root: store.root).loadDeal(id: "abcd2345") == saved)
    }

    @Test func aRefusedChangeWritesNothing() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345"))
        let path = store.root + "/deals/rita/abcd2345.json"
        let before = bytes(path)
        let result = try store.update(id: "abcd2345") {
            SFx.funnel.apply(.move(to: "not-relevant"), to: $0, by: SFx.rita, now: SFx.later(1))
        }
        guard case .refused(let refusal) = result else { Issue.record("not refused: \(result)"); return }
        #expect(refusal.message == .needsLostReason(stage: "Not relevant", reasons: SFx.funnel.pipeline.lostReasons))
        #expect(bytes(path) == before)
    }

    @Test func aMissingDealIsNotFound() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        var called = false
        let result = try store.update(id: "nope2345") {
            called = true; return .success($0)
        }
        guard case .notFound = result else { Issue.record("expected notFound, got \(result)"); return }
        #expect(!called)
    }

    @Test func removingADealTakesOnlyTheVersionItWasGiven() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let deal = SFx.deal("abcd2345")
        try store.insert(deal)
        let edited = try store.update(id: "abcd2345") {
            var edit = DealEdit(); edit.company = "Changed elsewhere"
            return SFx.funnel.apply(.edit(edit), to: $0, by: SFx.rita, now: SFx.later(1))
        }
        guard case .saved(let newer) = edited else { Issue.record("not saved"); return }
        guard case .refused = try store.remove(deal) else { Issue.record("a newer version was removed"); return }
        #expect(try store.loadDeal(id: "abcd2345") == newer)
        #expect(try store.remove(newer) == .removed)
        #expect(try store.loadDeal(id: "abcd2345") == nil)
        #expect(!FileManager.default.fileExists(atPath: store.root + "/deals/rita/abcd2345.json"))
        #expect(try store.remove(newer) == .notFound)
    }

    @Test func updatesReadWhatIsOnDiskNow() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345"))
        let other = FunnelStore(root: store.root)
        _ = try other.update(id: "abcd2345") {
            var edit = DealEdit(); edit.company = "Changed elsewhere"
            return SFx.funnel.apply(.edit(edit), to: $0, by: SFx.rita, now: SFx.later(1))
        }
        _ = try store.update(id: "abcd2345") {
            SFx.funnel.apply(.move(to: "meeting"), to: $0, by: SFx.rita, now: SFx.later(2))
        }
        let deal = try #require(try store.loadDeal(id: "abcd2345"))
        #expect(deal.company == "Changed elsewhere" && deal.stage == "meeting" && deal.revision == 3)
    }

    @Test func reassigningMovesTheFileBetweenOwnerDirectories() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345", owner: "rita"))
        let rita = store.root + "/deals/rita/abcd2345.json"
        let sam = store.root + "/deals/sam/abcd2345.json"
        #expect(exists(rita))
        _ = try store.update(id: "abcd2345") {
            SFx.funnel.apply(.assign(owner: "sam"), to: $0, by: SFx.manager, now: SFx.later(1))
        }
        #expect(!exists(rita))
        #expect(exists(sam))
        #expect(fileMode(store.root + "/deals/sam") == 0o700)
        #expect(try store.loadDeal(id: "abcd2345")?.owner == "sam")
        #expect(try store.dealIDs() == ["abcd2345"])
    }

    @Test func takingAndReturningAnInboxDealMovesItsFile() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("inbx2345", owner: nil, stage: "unsorted"))
        let inbox = store.root + "/inbox/inbx2345.json"
        let rita = store.root + "/deals/rita/inbx2345.json"
        #expect(exists(inbox))
        _ = try store.update(id: "inbx2345") {
            SFx.funnel.apply(.assign(owner: "rita"), to: $0, by: SFx.manager, now: SFx.later(1))
        }
        #expect(!exists(inbox) && exists(rita))
        // Assigning took it out of Unsorted (R16): a manager puts it back, then gives it to nobody.
        _ = try store.update(id: "inbx2345") {
            SFx.funnel.apply(.move(to: "unsorted"), to: $0, by: SFx.manager, now: SFx.later(2))
        }
        _ = try store.update(id: "inbx2345") {
            SFx.funnel.apply(.assign(owner: nil), to: $0, by: SFx.manager, now: SFx.later(3))
        }
        #expect(exists(inbox) && !exists(rita))
        #expect(try store.loadDeals().map(\.owner) == [nil])
    }

    @Test(arguments: [("rita", "sam"), ("sam", "rita")])
    func aCrashBetweenTwoOwnersFoldersCountsForNeitherAndTouchesNothing(from: String, to: String) throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345", owner: from))
        try store.insert(SFx.deal("other234", owner: from))
        let old = store.root + "/deals/\(from)/abcd2345.json"
        let new = store.root + "/deals/\(to)/abcd2345.json"
        let stale = try #require(bytes(old))
        _ = try store.update(id: "abcd2345") {
            SFx.funnel.apply(.assign(owner: to), to: $0, by: SFx.manager, now: SFx.later(1))
        }
        // A crash between writing the new file and removing the old one leaves both; so does a
        // rep copying a deal into their own folder. Neither wins by revision: a person decides.
        try stale.write(to: URL(fileURLWithPath: old))
        let set = try store.loadDealSet()
        #expect(Array(set.deals.keys) == ["other234"], "the other deals still load")
        #expect(set.unreadable.count == 1)
        #expect(set.unreadable.first?.error.description.contains("stored in 2 owners' folders") == true)
        #expect(storeError { try store.loadDeal(id: "abcd2345") } != nil)
        #expect(
            storeError {
                try store.update(id: "abcd2345") { SFx.funnel.apply(.move(to: "meeting"), to: $0, by: SFx.manager, now: SFx.later(2)) }
            } != nil)
        #expect(exists(old) && exists(new), "nothing was removed")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func aReaderLooksAgainWhenAWriterIsBetweenTheTwoStepsOfAReassignment() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345", owner: "rita"))
        try AtomicFile.makeDirectory(store.root + "/deals/sam")
        let old = store.root + "/deals/rita/abcd2345.json"
        var moved = SFx.deal("abcd2345", owner: "sam")
        moved.revision = 2
        try plant(moved, at: store.root + "/deals/sam/abcd2345.json")
        // A writer holds the lock with both files there, and removes the old one before letting go.
        let writer = try Spawn.start(
            "/usr/bin/flock", ["-x", store.root + "/.lock", "/bin/sh", "-c", "sleep 0.1; rm \(old)"],
            environment: ["PATH": "/usr/bin:/bin"])
        var reaped = false
        defer { if !reaped { _ = Spawn.wait(writer) } }
        let deadline = Date().addingTimeInterval(3)
        var held = LockHolder.isHeld(store.root + "/.lock")
        while !held, Date() < deadline {
            usleep(5_000)
            held = LockHolder.isHeld(store.root + "/.lock")
        }
        #expect(held)
        #expect(try store.loadDeal(id: "abcd2345")?.owner == "sam")
        _ = Spawn.wait(writer)
        reaped = true
        let set = try store.loadDealSet()
        #expect(set.deals["abcd2345"]?.owner == "sam" && set.unreadable.isEmpty)
    }

    @Test func aCopyPlantedInTheInboxNeverReplacesTheOwnersDeal() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345", owner: "rita", title: "Rita's real deal"))
        let real = store.root + "/deals/rita/abcd2345.json"
        let planted = store.root + "/inbox/abcd2345.json"
        // An unowned copy with a higher revision: in the inbox, where every member may write.
        var copy = SFx.deal("abcd2345", owner: nil, stage: "unsorted", title: "Planted")
        copy.revision = 99
        try plant(copy, at: planted)
        let set = try store.loadDealSet()
        #expect(set.deals["abcd2345"]?.title == "Rita's real deal")
        #expect(set.unreadable.map(\.path) == [planted], "the planted copy is reported, not counted")
        // The owner's next save changes the real file and never deletes or follows the planted one.
        _ = try store.update(id: "abcd2345") { SFx.funnel.apply(.move(to: "meeting"), to: $0, by: SFx.manager, now: SFx.later(1)) }
        #expect(try store.loadDeal(id: "abcd2345")?.title == "Rita's real deal")
        #expect(try store.loadDeal(id: "abcd2345")?.stage == "meeting")
        #expect(exists(real) && exists(planted))
    }

    @Test func anOwnedDealInTheInboxOrAnotherOwnersFolderDoesNotCount() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("good2345", owner: "rita"))
        try plant(SFx.deal("inbx2345", owner: "rita"), at: store.root + "/inbox/inbx2345.json")
        try AtomicFile.makeDirectory(store.root + "/deals/sam")
        try plant(SFx.deal("else2345", owner: "rita"), at: store.root + "/deals/sam/else2345.json")
        let set = try store.loadDealSet()
        #expect(Array(set.deals.keys) == ["good2345"])
        #expect(set.unreadable.map(\.path).sorted() == [store.root + "/deals/sam/else2345.json", store.root + "/inbox/inbx2345.json"])
        #expect(storeError { try store.loadDeal(id: "inbx2345") } != nil)
    }

    @Test func aWriteNeverReplacesAFileItDidNotRead() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345", owner: "rita", title: "Original"))
        let path = store.root + "/deals/rita/abcd2345.json"
        // Between the store's read and its rename, another file takes the name.
        let outcome = storeError {
            try store.update(id: "abcd2345") { current in
                var other = current
                other.title = "Planted meanwhile"
                try? plant(other, at: path)
                return SFx.funnel.apply(.move(to: "meeting"), to: current, by: SFx.manager, now: SFx.later(1))
            }
        }
        #expect(outcome?.description.contains("changed since it was read") == true, "\(String(describing: outcome))")
        #expect(try store.loadDeal(id: "abcd2345")?.title == "Planted meanwhile", "the file that is there now stays")
        #expect(try store.loadDeal(id: "abcd2345")?.stage == "new")
    }

    @Test func aReassignmentNeverReplacesAFileAlreadyInTheNewOwnersFolder() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345", owner: "rita"))
        try AtomicFile.makeDirectory(store.root + "/deals/sam")
        let squatter = store.root + "/deals/sam/abcd2345.json"
        try Data("not a deal".utf8).write(to: URL(fileURLWithPath: squatter))
        #expect(
            storeError {
                try store.update(id: "abcd2345") { SFx.funnel.apply(.assign(owner: "sam"), to: $0, by: SFx.manager, now: SFx.later(1)) }
            }?.description.contains("already there") == true)
        #expect(bytes(squatter) == Data("not a deal".utf8))
        #expect(try store.loadDeal(id: "abcd2345")?.owner == "rita")
    }

    /// Writes a deal file the way a person with a shell could: plain JSON, no lock, no checks.
    func plant(_ deal: Deal, at path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let body = try JSONSerialization.jsonObject(with: try encoder.encode(deal))
        let file = try JSONSerialization.data(withJSONObject: ["schema": 1, "deal": body], options: [.sortedKeys])
        let temp = path + ".planting"
        try file.write(to: URL(fileURLWithPath: temp))
        #expect(rename(temp, path) == 0)
    }
}

@Suite("Store: damaged and newer files are reported and never overwritten")
struct StoreDamageTests {
    @Test func aTruncatedDealIsCorruptNamesItsPathAndStaysByteForByte() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345"))
        try store.insert(SFx.deal("good2345", owner: "sam"))
        let path = store.root + "/deals/rita/abcd2345.json"
        let full = try #require(bytes(path))
        let truncated = full.prefix(full.count / 2)
        try truncated.write(to: URL(fileURLWithPath: path))
        let modeBefore = fileMode(path)

        let error = storeError { try store.loadDeals() }
        guard case .corrupt(let reported, _)? = error else { Issue.record("expected corrupt, got \(String(describing: error))"); return }
        #expect(reported == path)
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("untouched") == true)
        #expect(bytes(path) == truncated)

        guard case .corrupt(let again, _)? = storeError({ try store.loadDeal(id: "abcd2345") }) else {
            Issue.record("loadDeal should report the corrupt file"); return
        }
        #expect(again == path)

        var called = false
        let failed = storeError {
            try store.update(id: "abcd2345") { deal in
                called = true
                return SFx.funnel.apply(.move(to: "meeting"), to: deal, by: SFx.manager, now: SFx.later(1))
            }
        }
        guard case .corrupt(let third, _)? = failed else { Issue.record("update should fail as corrupt"); return }
        #expect(third == path)
        #expect(!called)
        #expect(bytes(path) == truncated)
        #expect(fileMode(path) == modeBefore)
        // Other deals are still changeable.
        let other = try store.update(id: "good2345") {
            SFx.funnel.apply(.move(to: "meeting"), to: $0, by: SFx.manager, now: SFx.later(1))
        }
        guard case .saved = other else { Issue.record("the healthy deal should save: \(other)"); return }
        #expect(bytes(path) == truncated)
    }

    @Test(arguments: [
        "", "{", "null", "[]", "{\"schema\": 1}", "{\"schema\": 1, \"deal\": {\"id\": \"abcd2345\"}}",
        "{\"schema\": \"one\"}", "{\"schema\": 0, \"deal\": {}}",
    ])
    func malformedDealFilesAreCorrupt(content: String) throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try AtomicFile.makeDirectory(store.root + "/deals/rita")
        let path = store.root + "/deals/rita/abcd2345.json"
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        guard case .corrupt(let reported, _)? = storeError({ try store.loadDeals() }) else {
            Issue.record("expected corrupt for \(content)"); return
        }
        #expect(reported == path)
        #expect(bytes(path) == Data(content.utf8))
    }

    @Test func aFileHoldingAnotherIdIsCorrupt() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345"))
        let path = store.root + "/deals/rita/abcd2345.json"
        let renamed = store.root + "/deals/rita/wxyz2345.json"
        try FileManager.default.moveItem(atPath: path, toPath: renamed)
        guard case .corrupt(let reported, let detail)? = storeError({ try store.loadDeals() }) else {
            Issue.record("expected corrupt"); return
        }
        #expect(reported == renamed)
        #expect(detail.contains("abcd2345"))
    }

    @Test func aNewerDealFileIsReportedAndKept() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345"))
        let path = store.root + "/deals/rita/abcd2345.json"
        try setSchema(99, in: path)
        let before = bytes(path)
        #expect(storeError { try store.loadDeals() } == .newerVersion(path: path, found: 99, supported: 1))
        #expect(try store.loadDealSet().unreadable == [UnreadableDeal(path: path, error: .newerVersion(path: path, found: 99, supported: 1))])
        #expect(
            storeError {
                try store.update(id: "abcd2345") { SFx.funnel.apply(.move(to: "meeting"), to: $0, by: SFx.manager, now: SFx.now) }
            } == .newerVersion(path: path, found: 99, supported: 1))
        #expect(bytes(path) == before)
        #expect(StoreError.newerVersion(path: path, found: 99, supported: 1).description.contains("newer"))
    }

    /// A hand-edited team.json naming one account twice (as rep and as manager) is reported,
    /// never read with whichever role comes first.
    @Test func aTeamListingAnAccountTwiceIsReportedAndLeftUntouched() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let path = store.root + "/team.json"
        let text = #"{"schema":1,"users":[{"account":"yossi","name":"Y","role":"rep"},{"account":"yossi","name":"Y","role":"manager"}]}"#
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        guard case .corrupt(let reported, let detail)? = storeError({ try store.loadTeam() }) else {
            Issue.record("a team with an account twice was read")
            return
        }
        #expect(reported == path && detail.contains("“yossi” is listed twice"))
        #expect(bytes(path) == Data(text.utf8))
    }

    @Test(arguments: ["pipeline.json", "team.json"])
    func aNewerPipelineOrTeamIsReported(name: String) throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let path = store.root + "/" + name
        try setSchema(99, in: path)
        let before = bytes(path)
        #expect(storeError { try store.loadFunnel() } == .newerVersion(path: path, found: 99, supported: 1))
        #expect(bytes(path) == before)
    }

    @Test func anUnusablePipelineIsCorrupt() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store(initialized: false)
        try store.initialize(
            pipeline: Pipeline(
                name: "broken", stages: [Stage(id: "won", name: "Won", kind: .won)],
                lostReasons: []), team: SFx.team)
        guard case .corrupt(let path, let detail)? = storeError({ try store.loadPipeline() }) else {
            Issue.record("expected corrupt"); return
        }
        #expect(path == store.root + "/pipeline.json")
        #expect(detail.contains("no open stage"))
    }

    @Test func aMissingTeamFileIsCorruptNotUninitialized() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try FileManager.default.removeItem(atPath: store.root + "/team.json")
        guard case .corrupt(let path, _)? = storeError({ try store.loadTeam() }) else { Issue.record("expected corrupt"); return }
        #expect(path == store.root + "/team.json")
    }
}

@Suite("Store: several writers at once")
struct StoreConcurrencyTests {
    @Test func concurrentChangesToOneDealAreAllKept() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        try store.insert(SFx.deal("abcd2345"))
        let root = store.root
        let errors = Collected<String>()
        let workers = 4, each = 10
        onThreads(workers) { worker in
            let mine = FunnelStore(root: root)
            for n in 0..<each {
                do {
                    _ = try mine.update(id: "abcd2345") { deal in
                        var edit = DealEdit()
                        edit.notes = deal.notes + "\n\(worker)-\(n)"
                        return SFx.funnel.apply(.edit(edit), to: deal, by: SFx.rita, now: SFx.later(1))
                    }
                } catch {
                    errors.append("\(error)")
                }
            }
        }
        #expect(errors.all.isEmpty)
        let deal = try #require(try store.loadDeal(id: "abcd2345"))
        #expect(deal.revision == 1 + workers * each)
        for worker in 0..<workers {
            for n in 0..<each { #expect(deal.notes.contains("\n\(worker)-\(n)")) }
        }
    }

    @Test func concurrentInsertsAndMovesOfDifferentDealsAreAllKept() throws {
        let tmp = try TempDir()
        defer { tmp.remove() }
        let store = try tmp.store()
        let root = store.root
        let errors = Collected<String>()
        let owners = ["rita", "sam", "mia"]
        onThreads(owners.count) { index in
            let owner = owners[index]
            let mine = FunnelStore(root: root)
            let actor = SFx.team.user(owner)!
            for n in 0..<10 {
                let id = "\(owner.prefix(2))\(n)zzzzz".prefix(8)
                do {
                    try mine.insert(SFx.deal(String(id), owner: owner))
                    _ = try mine.update(id: String(id)) {
                        SFx.funnel.apply(.move(to: "meeting"), to: $0, by: actor, now: SFx.later(1))
                    }
                } catch {
                    errors.append("\(owner) \(n): \(error)")
                }
            }
        }
        #expect(errors.all.isEmpty)
        let deals = try store.loadDeals()
        #expect(deals.count == 30)
        #expect(deals.allSatisfy { $0.stage == "meeting" && $0.history.count == 2 && $0.revision == 2 })
    }
}
