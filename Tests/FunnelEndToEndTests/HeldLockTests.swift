import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A process that holds the data lock and does not let go (a suspended `funnel capture`, a hung
/// script): readers never wait for it; a writer says after a second who holds it and gives up
/// after `FUNNEL_LOCK_TIMEOUT` with exit 6, changing nothing.
@Suite("A held data lock") struct HeldLockTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func readersNeverWaitAndAWriterSaysWhoHoldsItThenGivesUp() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let id = try s.add("Solar")
        let lock = s.dataDir + "/.lock"
        let holder = try LockHolder(lock: lock)
        defer { holder.release() }
        #expect(LockHolder.isHeld(lock))

        let reading = Date()
        for words in [["list"], ["show", id], ["today"], ["report"], ["list", "--all", "--json"], ["doctor"]] {
            let result = try runProgram(FunnelBinary.path, words, environment: s.environment(), scratch: s.root, timeLimit: 10)
            #expect(result.ok, "\(words): \(result)")
        }
        #expect(Date().timeIntervalSince(reading) < 5, "readers did not wait for the lock")

        let writing = Date()
        let add = try s.run("add", "Blocked", env: ["FUNNEL_LOCK_TIMEOUT": "2"])
        let waited = Date().timeIntervalSince(writing)
        #expect(add.status == 6, "\(add)")
        #expect(add.stderr.contains("waiting for the data lock held by pid \(holder.pid) (flock"), "\(add)")
        #expect(add.stderr.contains("stayed locked for 2 s"), "\(add)")
        #expect(waited >= 2 && waited < 10, "gave up after the timeout: \(waited) s")
        #expect(try s.list("--all").count == 1, "nothing was added")

        holder.release()
        #expect(try s.run("add", "Free again").ok)
    }

    @Test func aLockTimeoutThatIsNotANumberIsAUsageError() throws {
        let s = try Sandbox.initialized()
        defer { s.remove() }
        let result = try s.run("list", env: ["FUNNEL_LOCK_TIMEOUT": "soon"])
        #expect(result.status == Exit.usage && result.stderr.contains("FUNNEL_LOCK_TIMEOUT"), "\(result)")
    }
}
