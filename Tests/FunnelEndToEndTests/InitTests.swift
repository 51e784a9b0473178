import Foundation
import FunnelCore
import Testing

@Suite("funnel init")
struct InitTests {
    @Test(arguments: PipelineTemplate.allCases)
    func initCreatesTheDataDirectoryWithATemplate(template: PipelineTemplate) throws {
        let s = try Sandbox()
        defer { s.remove() }
        let result = try s.ok("init", "--template", template.rawValue)
        #expect(result.stdout.contains(template.rawValue))
        #expect(result.stdout.contains(s.dataDir))
        let stages = try jsonObject(try s.ok("stages", "--json").stdout)
        #expect(stages.string("pipeline") == template.rawValue)
        let listed = try #require(stages["stages"] as? [[String: Any]])
        #expect(listed.compactMap { $0.string("id") } == template.pipeline.stages.map(\.id))
        #expect(listed.compactMap { $0.string("kind") } == template.pipeline.stages.map(\.kind.rawValue))
        #expect(fileMode(s.dataDir) == 0o700)
        #expect(fileMode(s.dataDir + "/pipeline.json") == 0o600)
        #expect(fileMode(s.dataDir + "/team.json") == 0o600)
        // The person who ran init is the team's manager.
        let team = try jsonArray(try s.ok("team", "--json").stdout)
        #expect(team.count == 1)
        #expect(team.first?.string("account") == "boss" && team.first?.string("role") == "manager")
    }

    @Test func theDefaultTemplateIsSimple() throws {
        let s = try Sandbox()
        defer { s.remove() }
        try s.ok("init")
        let stages = try jsonObject(try s.ok("stages", "--json").stdout)
        #expect(stages.string("pipeline") == "simple")
        #expect(stages.string("default_currency") == "ILS")
    }

    @Test func anUnknownTemplateIsAUsageErrorWithADidYouMean() throws {
        let s = try Sandbox()
        defer { s.remove() }
        let result = try s.run("init", "--template", "powerlnk")
        #expect(result.status == Exit.usage, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("did you mean powerlink"))
        #expect(!FileManager.default.fileExists(atPath: s.dataDir + "/pipeline.json"))
        let far = try s.run("init", "--template", "kanban")
        #expect(far.status == Exit.usage)
        #expect(far.stderr.contains("simple, powerlink, b2b"))
    }

    @Test func initTwiceIsADataErrorAndChangesNothing() throws {
        let s = try Sandbox()
        defer { s.remove() }
        try s.ok("init", "--template", "b2b")
        let before = s.bytes(s.dataDir + "/pipeline.json")
        let again = try s.run("init", "--template", "simple")
        #expect(again.status == Exit.data, "\(again)")
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.contains(s.dataDir))
        #expect(s.bytes(s.dataDir + "/pipeline.json") == before)
    }

    @Test func initWithACurrency() throws {
        let s = try Sandbox()
        defer { s.remove() }
        try s.ok("init", "--currency", "usd")
        #expect(try jsonObject(try s.ok("stages", "--json").stdout).string("default_currency") == "USD")
        let id = try s.add("Deal")
        #expect(try s.deal(id).string("currency") == "USD")
        let bad = try Sandbox()
        defer { bad.remove() }
        #expect(try bad.run("init", "--currency", "EURO").status == Exit.usage)
    }

    @Test func commandsBeforeInitSayHowToStart() throws {
        let s = try Sandbox()
        defer { s.remove() }
        for command in [["list"], ["add", "x"], ["stages"], ["team"], ["show", "abc"]] {
            let result = try runProgram(FunnelBinary.path, command, environment: s.environment(), scratch: s.root)
            #expect(result.status == Exit.data, "\(result)")
            #expect(result.stderr.contains("funnel init"), "\(result)")
            #expect(result.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: s.dataDir + "/pipeline.json"))
    }

    @Test func theDataDirFlagWinsOverTheEnvironment() throws {
        let s = try Sandbox()
        defer { s.remove() }
        let other = s.root + "/other"
        try s.ok("init", "--data-dir", other)
        #expect(FileManager.default.fileExists(atPath: other + "/pipeline.json"))
        #expect(!FileManager.default.fileExists(atPath: s.dataDir + "/pipeline.json"))
        let id = try s.run("add", "Elsewhere", "--data-dir", other)
        #expect(id.ok)
        #expect(try s.run("list", "--json", "--data-dir", other).stdout.contains(id.output))
    }
}
