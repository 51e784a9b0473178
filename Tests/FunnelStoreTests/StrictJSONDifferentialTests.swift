import Foundation
import FunnelCore
import Testing

@testable import FunnelStore

/// `StrictJSONDecoder` reads funnel's files in a tenth of `JSONDecoder`'s time. It may give up
/// on anything (the file is then read by `JSONDecoder`), but what it accepts, `JSONDecoder`
/// accepts too, as the same value: checked on every deal the random generator makes, on the
/// committed schema-1 files, on hand-made edge cases and on thousands of mutated files.
@Suite("Strict JSON reader against JSONDecoder") struct StrictJSONDifferentialTests {
    typealias DealFile = StoredFile<Deal>

    static func reference(_ data: Data) -> DealFile? { try? FunnelJSON.decoder().decode(DealFile.self, from: data) }
    static func strict(_ data: Data) -> DealFile? { try? StrictJSONDecoder.decode(DealFile.self, from: data) }

    /// Never accepts what the reference refuses, never reads a different value.
    static func expectAgreement(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let fast = strict(data) else { return }
        let slow = reference(data)
        #expect(slow != nil, "accepted what JSONDecoder refuses: \(String(decoding: data, as: UTF8.self))", sourceLocation: sourceLocation)
        #expect(slow?.body == fast.body && slow?.schema == fast.schema, sourceLocation: sourceLocation)
    }

    static func encoded(_ deal: Deal) throws -> Data { try FunnelJSON.encoder().encode(DealFile(body: deal)) }

    @Test("Every random deal within the limits reads back the same, by the strict reader itself")
    func randomDeals() throws {
        var random = RandomDeals(seed: 41)
        for _ in 0..<400 {
            let deal = random.deal(owners: ["dana", nil, "yossi"])
            let data = try Self.encoded(deal)
            let fast = try #require(Self.strict(data), "gave up on a file funnel wrote")
            #expect(fast.body == deal)
            Self.expectAgreement(data)
        }
    }

    @Test("The committed schema-1 files read the same")
    func committedFiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("FunnelEndToEndTests/Fixtures/schema-1/deals").path
        var count = 0
        for owner in try FileManager.default.contentsOfDirectory(atPath: root) {
            for name in try FileManager.default.contentsOfDirectory(atPath: root + "/" + owner) {
                let data = try #require(FileManager.default.contents(atPath: "\(root)/\(owner)/\(name)"))
                #expect(Self.strict(data) != nil, "\(name)")
                Self.expectAgreement(data)
                count += 1
            }
        }
        #expect(count > 5)
    }

    static let base = """
        {"schema": 1, "deal": {"id": "abcd2345", "title": "T", "currency": "ILS", "stage": "new",
        "created": "2026-01-02T03:04:05Z", "revision": 3, "value": "12.50", "call_steps": ["rapport"]}}
        """

    @Test("Edge cases: what the strict reader refuses, and what it reads as JSONDecoder does")
    func edgeCases() throws {
        #expect(Self.strict(Data(Self.base.utf8))?.body.revision == 3)
        let refused = [
            "\u{FEFF}" + Self.base, Self.base + "x", Self.base.replacingOccurrences(of: "\"revision\": 3", with: "\"revision\": 3.0"),
            Self.base.replacingOccurrences(of: "\"revision\": 3", with: "\"revision\": 03"),
            Self.base.replacingOccurrences(of: "\"revision\": 3", with: "\"revision\": 3e0"),
            Self.base.replacingOccurrences(of: "\"revision\": 3", with: "\"revision\": 3, \"revision\": 4"),
            Self.base.replacingOccurrences(of: "\"T\"", with: "\"\\ud800\""),
            Self.base.replacingOccurrences(of: "\"T\"", with: "\"a\tb\""),
            Self.base.replacingOccurrences(of: "\"T\"", with: "\"\\x\""),
            Self.base.replacingOccurrences(of: "\"revision\": 3", with: "\"revision\": 12345678901234567890"),
        ]
        for text in refused { #expect(Self.strict(Data(text.utf8)) == nil, "\(text)") }
        var invalid = Data(Self.base.utf8)
        invalid[invalid.firstIndex(of: UInt8(ascii: "T"))!] = 0xC3
        #expect(Self.strict(invalid) == nil)
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect((try? StrictJSONDecoder.decode([JSONValue].self, from: Data(deep.utf8))) == nil)
        let read = [
            Self.base.replacingOccurrences(of: "\"T\"", with: "\"\\u00e9\\ud83d\\ude00\\n\\\"\\/\\\\\""),
            Self.base.replacingOccurrences(of: "\"id\"", with: "\"\\u0069d\""),
            Self.base.replacingOccurrences(of: "\"revision\": 3", with: "\"revision\": 3, \"probability\": -0"),
            Self.base.replacingOccurrences(of: "\"T\"", with: "\"\\u0000\""),
        ]
        for text in read {
            #expect(Self.strict(Data(text.utf8)) != nil, "\(text)")
            Self.expectAgreement(Data(text.utf8))
        }
        #expect(Self.strict(Data(read[0].utf8))?.body.title == "é😀\n\"/\\")
    }

    @Test("A field the type does not know, at any level, sends the file to JSONDecoder, which names it")
    func unknownFields() throws {
        let activity = "\"activities\": [{\"at\": \"2026-01-02T03:04:05Z\", \"by\": \"dana\", \"kind\": \"call\", \"note\": \"\""
        let unknown = [
            Self.base.replacingOccurrences(of: "\"revision\": 3", with: "\"revision\": 3, \"colour\": \"red\""),
            Self.base.replacingOccurrences(of: "\"revision\": 3", with: "\"revision\": 3, " + activity + ", \"mood\": 1}]"),
            Self.base.replacingOccurrences(of: "\"revision\": 3", with: "\"revision\": 3, \"next_action\": {\"date\": \"2026-01-03\", \"x\": 1}"),
            Self.base.replacingOccurrences(of: "\"schema\": 1", with: "\"schema\": 1, \"extra\": true"),
        ]
        for text in unknown {
            #expect(Self.strict(Data(text.utf8)) == nil, "\(text)")
            #expect(throws: DecodingError.self) { try FunnelJSON.decoder().decode(DealFile.self, from: Data(text.utf8)) }
        }
        // Every member asked for: read by the strict reader, as JSONDecoder reads it.
        let known = Self.base.replacingOccurrences(
            of: "\"revision\": 3", with: "\"revision\": 3, " + activity + "}], \"next_action\": {\"date\": \"2026-01-03\"}")
        #expect(Self.strict(Data(known.utf8))?.body.activities.count == 1)
        Self.expectAgreement(Data(known.utf8))
    }

    /// Every type's `init(from:)` takes the decoder as `any Decoder`: past three words it is
    /// boxed on the heap, once per object and array of every file.
    @Test("The decoder fits an existential's inline buffer")
    func decoderFitsInline() {
        #expect(MemoryLayout<StrictJSONDecoder>.size <= 3 * MemoryLayout<Int>.size)
    }

    @Test("The UTF-8 check agrees with the standard library's on edge cases and random bytes")
    func utf8Check() {
        func agree(_ bytes: [UInt8]) {
            let ours = bytes.withUnsafeBufferPointer(StrictJSONParser.isWellFormedUTF8)
            let theirs = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
            #expect(ours == theirs, "\(bytes)")
        }
        let edges: [[UInt8]] = [
            [], [0x41], [0x7F], [0x80], [0xC0, 0xAF], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0x80],
            [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xFF], [0xE1, 0x80], [0xF0, 0x90, 0x80], [0xD7, 0x90, 0xD7], [0xC3, 0x41],
        ]
        for bytes in edges { agree(bytes) }
        var rng = SeededGenerator(seed: 5)
        let alphabet: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            agree((0..<Int.random(in: 1...6, using: &rng)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
        }
    }

    @Test("Thousands of mutated files: the strict reader never accepts more, never reads otherwise")
    func mutatedFiles() throws {
        var random = RandomDeals(seed: 7)
        var rng = SeededGenerator(seed: 11)
        let pieces: [[UInt8]] =
            ["\"", "\\", "{", "}", "[", "]", ",", ":", "0", "-", ".", "e", "1", "null", "\\u00", "\u{05D0}"]
            .map { Array($0.utf8) } + [[0x80], [0xC3], [0xFF], [0x00], [0x1B]]
        var accepted = 0
        for round in 0..<1500 {
            var bytes = Array(try Self.encoded(random.deal(owners: ["dana", nil])))
            if round.isMultiple(of: 4) { bytes = Array(Self.base.utf8) }
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(contentsOf: pieces[Int.random(in: 0..<pieces.count, using: &rng)], at: at)
                default: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                }
            }
            let data = Data(bytes)
            if Self.strict(data) != nil { accepted += 1 }
            Self.expectAgreement(data)
        }
        // Many mutations land inside a string and leave a valid file: both paths are exercised.
        #expect(accepted > 40 && accepted < 1500, "\(accepted) accepted")
    }
}

extension StrictJSONDifferentialTests {
    @Test("A big object's repeated key is found as a small one's (a set beyond 32 keys)")
    func repeatedKeysInABigObject() throws {
        let keys = (0..<200).map { "\"k\($0)\": \($0)" }
        let distinct = "{" + keys.joined(separator: ", ") + "}"
        let repeated = "{" + (keys + ["\"k150\": 1"]).joined(separator: ", ") + "}"
        let value = try Data(distinct.utf8).withUnsafeBytes { try StrictJSONParser.parse($0) }
        guard case .object(let object) = value else { throw StrictJSONGaveUp() }
        #expect(object.keys.count == 200)
        #expect((try? Data(repeated.utf8).withUnsafeBytes { try StrictJSONParser.parse($0) }) == nil)
    }
}

extension StrictJSONDifferentialTests {
    /// The deal's object in a file funnel wrote, parsed.
    static func dealObject(_ deal: Deal) throws -> StrictJSONObject {
        let value = try Self.encoded(deal).withUnsafeBytes { try StrictJSONParser.parse($0) }
        guard case .object(let file) = value, let i = file.keys.firstIndex(of: "deal"), case .object(let body) = file.values[i] else {
            throw StrictJSONGaveUp()
        }
        return body
    }

    @Test("A deal is read field by field (no container) as Codable reads it, its members in any order")
    func fieldByField() throws {
        var random = RandomDeals(seed: 23)
        for round in 0..<200 {
            let deal = random.deal(owners: ["dana", nil, "yossi"])
            var body = try Self.dealObject(deal)
            if round.isMultiple(of: 2) { (body.keys, body.values) = (body.keys.reversed(), body.values.reversed()) }
            #expect(try StrictFields.read(Deal.self, .object(body)) == deal)
        }
    }

    @Test("Reading field by field gives up on a member never asked for, a wrong type or a value out of its rules")
    func fieldByFieldGivesUp() throws {
        var random = RandomDeals(seed: 29)
        let deal = random.deal(owners: ["dana"])
        let body = try Self.dealObject(deal)
        func without(_ key: String) -> StrictJSONObject {
            var object = body
            if let i = object.keys.firstIndex(of: key) {
                object.keys.remove(at: i)
                object.values.remove(at: i)
            }
            return object
        }
        func with(_ key: String, _ value: StrictJSONValue) -> StrictJSONObject {
            var object = without(key)
            object.keys.append(key)
            object.values.append(value)
            return object
        }
        var extra = body
        extra.keys.append("colour")
        extra.values.append(.string("red"))
        let refused: [StrictJSONObject] = [
            extra, without("title"), with("title", .integer(3)), with("value", .string("12,5")), with("created", .string("yesterday")),
            with("priority", .string("urgent")), with("pipeline", .string("main")), with("next_action", .object(StrictJSONObject())),
            with("history", .object(StrictJSONObject())), with("revision", .otherNumber),
        ]
        for object in refused { #expect(throws: StrictJSONGaveUp.self) { try StrictFields.read(Deal.self, .object(object)) } }
        #expect(try StrictFields.read(Deal.self, .object(with("notes", .null))).notes == "")
    }

    @Test("A team is read member by member as JSONDecoder reads it, and what it refuses, the strict reader refuses")
    func teamFieldByField() throws {
        typealias TeamFile = StoredFile<[User]>
        let users = [
            User(account: "dana", name: "Dana Levi", role: .manager, email: "dana@example.com"),
            User(account: "yossi", name: "יוסי כהן", role: .rep), User(account: "layla", name: "", role: .rep),
        ]
        let data = try FunnelJSON.encoder().encode(TeamFile(body: users))
        let fast = try StrictJSONDecoder.decode(TeamFile.self, from: data)
        let slow = try FunnelJSON.decoder().decode(TeamFile.self, from: data)
        #expect(fast.body == users && fast.body == slow.body)
        let text = String(decoding: data, as: UTF8.self)
        let refused = [
            text.replacingOccurrences(of: "\"yossi\"", with: "\"9yossi\""),
            text.replacingOccurrences(of: "dana@example.com", with: "dana at example"),
            text.replacingOccurrences(of: "\"rep\"", with: "\"boss\""),
            text.replacingOccurrences(of: "\"role\"", with: "\"colour\" : \"red\", \"role\""),
        ]
        for bad in refused {
            #expect(bad != text)
            #expect(throws: (any Error).self) { try StrictJSONDecoder.decode(TeamFile.self, from: Data(bad.utf8)) }
            #expect(throws: (any Error).self) { try FunnelJSON.decoder().decode(TeamFile.self, from: Data(bad.utf8)) }
        }
    }
}
