import Foundation
import FunnelCore
import FunnelTestSupport
import Testing

@testable import FunnelStore

/// Random bytes and strings thrown at every reader of untrusted input: no crash, a clear error.
@Suite("Fuzz") struct FuzzTests {
    static let rounds = 400

    /// Random bytes, random text with quotes and separators, and mutations of valid input.
    static func inputs(seed: UInt64, valid: String) -> [Data] {
        var rng = SeededGenerator(seed: seed)
        let alphabet = Array("ab,\"\n\r{}[]:\\ \u{1b}\u{9b}\u{202e}שלוםسلام😀0123456789.-@") + ["\u{FEFF}"]
        var out: [Data] = []
        for round in 0..<rounds {
            switch round % 3 {
            case 0:
                out.append(Data((0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }))
            case 1:
                out.append(Data(String((0..<Int.random(in: 0...200, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }).utf8))
            default:
                var bytes = Array(valid.utf8)
                for _ in 0..<Int.random(in: 1...8, using: &rng) where !bytes.isEmpty {
                    let i = Int.random(in: 0..<bytes.count, using: &rng)
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0: bytes[i] = UInt8.random(in: 0...255, using: &rng)
                    case 1: bytes.remove(at: i)
                    default: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: i)
                    }
                }
                out.append(Data(bytes))
            }
        }
        return out
    }

    @Test func leadReaderNeverCrashesAndExplainsEveryRefusal() {
        let csv = "\u{FEFF}name,company,phone,email,source,note\nRuth,Acme,054-1234567,ruth@example.com,web,\"a, b\"\n"
        let jsonl = #"{"name": "Ruth", "phone": "054-1234567", "note": "hi"}"# + "\n"
        for data in Self.inputs(seed: 1, valid: csv) + Self.inputs(seed: 2, valid: jsonl) {
            switch LeadReader.read(data) {
            case .failure(let error):
                #expect(!error.message.isEmpty)
            case .success(let records):
                for record in records {
                    #expect(record.line >= 1)
                    if case .failure(let error) = record.result { #expect(!error.message.isEmpty) }
                    if case .success(let lead) = record.result { #expect(lead.problem == nil) }
                }
            }
        }
    }

    @Test func dealFilesThatAreNotFunnelDataAreReportedAndLeftAlone() throws {
        let folder = try TemporaryFolder("funnel-fuzz")
        defer { folder.remove() }
        let root = folder.path + "/data"
        let store = FunnelStore(root: root)
        try store.initialize(pipeline: PipelineTemplate.simple.pipeline, team: DemoData.team)
        let deal = DemoData.deals(count: 1, pipeline: PipelineTemplate.simple.pipeline, now: Date(timeIntervalSince1970: 1_790_000_000))[0]
        try store.insert(deal)
        let path = try #require(try store.dealPaths().first)
        let contents = try #require(FileManager.default.contents(atPath: path))
        let valid = try #require(String(data: contents, encoding: .utf8))
        var refused = 0
        for data in Self.inputs(seed: 3, valid: valid) {
            try data.write(to: URL(fileURLWithPath: path))
            do {
                _ = try store.loadDealMap()
            } catch let error as StoreError {
                refused += 1
                #expect(error.description.contains(path), "the error names the file: \(error)")
            }
            #expect(FileManager.default.contents(atPath: path) == data, "the file was changed")
        }
        #expect(refused > Self.rounds / 2)
    }

    @Test func theSnapshotCacheRejectsGarbageInsteadOfTrustingIt() throws {
        let folder = try TemporaryFolder("funnel-fuzz")
        defer { folder.remove() }
        let root = folder.path + "/data"
        let cache = SnapshotCache(directory: root)
        let deals = DemoData.deals(count: 20, pipeline: PipelineTemplate.simple.pipeline, now: Date(timeIntervalSince1970: 1_790_000_000))
        try cache.write(deals, fingerprint: "fp")
        #expect(cache.load(fingerprint: "fp")?.count == 20)
        #expect(cache.load(fingerprint: "other") == nil)
        let valid = try #require(FileManager.default.contents(atPath: cache.snapshotPath))
        let whole = try #require(cache.load(fingerprint: "fp"))
        let countedLoaded = cache.loadCounted(fingerprint: "fp", wanted: { _ in true })?.deals
        let counted = try #require(countedLoaded)
        #expect(counted.count == 20)
        var rng = SeededGenerator(seed: 4)
        for _ in 0..<Self.rounds {
            var bytes = Array(valid)
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[i] = UInt8.random(in: 0...255, using: &rng)
            }
            if Bool.random(using: &rng) { bytes.removeLast(Int.random(in: 1...min(500, bytes.count), using: &rng)) }
            try Data(bytes).write(to: URL(fileURLWithPath: cache.snapshotPath))
            // Refused, or what was read is unchanged (the change lay in the part the other reader
            // reads): never a crash, never a partial or altered set.
            if let loaded = cache.load(fingerprint: "fp") { #expect(loaded == whole) }
            if let loaded = cache.loadCounted(fingerprint: "fp", wanted: { _ in true }) { #expect(loaded.deals == counted) }
        }
    }

    /// Every single byte of a snapshot, changed, makes the cache unread by each reader that reads
    /// it: each part is checked against its checksum (a changed letter in a company's name was read
    /// as the truth). The deals' reader reads all but the counted deals at the end; the counted
    /// deals' reader (`funnel report`) the header and the counted deals.
    @Test func aSnapshotWithAnyByteChangedIsNeverRead() throws {
        let folder = try TemporaryFolder("funnel-fuzz")
        defer { folder.remove() }
        let cache = SnapshotCache(directory: folder.path + "/data")
        let deals = DemoData.deals(count: 3, pipeline: PipelineTemplate.simple.pipeline, now: Date(timeIntervalSince1970: 1_790_000_000))
        try cache.write(deals, fingerprint: "fp")
        let valid = Array(try #require(FileManager.default.contents(atPath: cache.snapshotPath)))
        #expect(cache.load(fingerprint: "fp")?.count == 3)
        let header = try #require(SnapshotReader(path: cache.snapshotPath)?.header())
        let countedStart = valid.count - header.countedLength
        #expect(header.countedLength > 0 && countedStart > header.end)
        var (read, countedRead) = (0, 0)
        for i in valid.indices {
            var bytes = valid
            bytes[i] ^= 0x01
            try Data(bytes).write(to: URL(fileURLWithPath: cache.snapshotPath))
            if i < countedStart, cache.load(fingerprint: "fp") != nil { read += 1 }
            if i < header.end || i >= countedStart, cache.loadCounted(fingerprint: "fp", wanted: { _ in true }) != nil { countedRead += 1 }
        }
        #expect(read == 0, "\(read) of \(countedStart) changed snapshots were read")
        #expect(countedRead == 0, "\(countedRead) changed snapshots were read as counted deals")
    }
}
