import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// goals.json: written under the lock, refused changes write nothing, a corrupt file is named and kept.
@Suite("Goals file")
struct GoalFilesTests {
    static let goal = Goal(month: Month(iso: "2026-11")!, seller: nil, kind: .wonValue, target: 200_000)

    @Test func goalsAreWrittenAndReadBack() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        #expect(try store.loadGoals().goals.isEmpty)
        #expect(try store.updateGoals { $0.setting(Self.goal) }.get().goals == [Self.goal])
        #expect(try store.loadGoals().goals == [Self.goal])
        let text = String(decoding: try #require(FileManager.default.contents(atPath: store.goalsPath)), as: UTF8.self)
        #expect(text.contains("\"goals\"") && text.contains("\"target\" : \"200000.00\"") && text.contains("\"schema\" : 1"))
    }

    @Test func aRefusedChangeWritesNothingAndACorruptFileIsNamedAndKept() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let store = try dir.store()
        _ = try store.updateGoals { $0.setting(Self.goal) }
        let before = FileManager.default.contents(atPath: store.goalsPath)
        let refused = try store.updateGoals { $0.removing(month: Month(iso: "2026-12")!, seller: nil, kind: nil) }
        #expect((try? refused.get()) == nil)
        #expect(FileManager.default.contents(atPath: store.goalsPath) == before)
        for text in [
            "{\"schema\": 1, \"goals\": [{\"month\": \"2026-11\", \"kind\": \"won_value\", \"target\": \"1\", \"colour\": 1}]}",
            "{\"schema\": 1, \"goals\": [{\"month\": \"2026-11\", \"kind\": \"bonus\", \"target\": \"1\"}]}",
            "{\"schema\": 1, \"goals\": [{\"month\": \"2026-11\", \"kind\": \"won_deals\", \"target\": \"1.5\"}]}",
            "{\"schema\": 2, \"goals\": []}",
            // A seller must be an account name: never a path, an escape sequence or an empty name.
            "{\"schema\": 1, \"goals\": [{\"month\": \"2026-11\", \"seller\": \"../../etc\", \"kind\": \"won_deals\", \"target\": \"1\"}]}",
            "{\"schema\": 1, \"goals\": [{\"month\": \"2026-11\", \"seller\": \"\\u001b[2J\", \"kind\": \"won_deals\", \"target\": \"1\"}]}",
            "{\"schema\": 1, \"goals\": [{\"month\": \"2026-11\", \"seller\": \"\", \"kind\": \"won_deals\", \"target\": \"1\"}]}",
        ] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: store.goalsPath))
            do {
                _ = try store.loadGoals()
                Issue.record("\(text) must not be read")
            } catch let error as StoreError {
                #expect("\(error)".contains(store.goalsPath), "\(error)")
            }
            #expect(throws: StoreError.self) { _ = try store.updateGoals { $0.setting(Self.goal) } }
            #expect(FileManager.default.contents(atPath: store.goalsPath) == Data(text.utf8))
        }
    }
}
