import Foundation
import Testing

@testable import FunnelCore

@Suite("Deal ids and prefixes")
struct DealIDTests {
    static let ids = ["abc23456", "abd98765", "x7k2mnpq", "x7k2mnpr", "hh", "hh2"]

    @Test func exactIdIsFound() {
        #expect(DealID.resolve("abc23456", among: Self.ids) == .found("abc23456"))
    }

    @Test func aUniquePrefixIsFound() {
        #expect(DealID.resolve("abc", among: Self.ids) == .found("abc23456"))
        #expect(DealID.resolve("x7k2mnpq", among: Self.ids) == .found("x7k2mnpq"))
    }

    @Test func anAmbiguousPrefixNamesTheCandidates() {
        #expect(DealID.resolve("ab", among: Self.ids) == .ambiguous(["abc23456", "abd98765"]))
        #expect(DealID.resolve("x7k2mnp", among: Self.ids.reversed()) == .ambiguous(["x7k2mnpq", "x7k2mnpr"]))
    }

    @Test func manyMatchesAreCutToFiveSorted() {
        let many = (2...9).map { "q\($0)zzzzzz" }.reversed()
        #expect(DealID.resolve("q", among: many) == .ambiguous(["q2zzzzzz", "q3zzzzzz", "q4zzzzzz", "q5zzzzzz", "q6zzzzzz"]))
    }

    @Test func anExactIdWinsOverLongerOnesInAnyOrder() {
        #expect(DealID.resolve("hh", among: Self.ids) == .found("hh"))
        #expect(DealID.resolve("hh", among: Self.ids.reversed()) == .found("hh"))
    }

    @Test func unknownOrEmptyIsNotFound() {
        #expect(DealID.resolve("zzz", among: Self.ids) == .notFound)
        #expect(DealID.resolve("", among: Self.ids) == .notFound)
        #expect(DealID.resolve("abc", among: [String]()) == .notFound)
        #expect(DealID.resolve("abc234567", among: Self.ids) == .notFound)
    }

    @Test func lookupIsCaseInsensitive() {
        #expect(DealID.resolve("ABC", among: Self.ids) == .found("abc23456"))
        #expect(DealID.resolve("X7K2MNPR", among: Self.ids) == .found("x7k2mnpr"))
    }

    @Test func newIdsAreShortReadableAndReproducible() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        var seen = Set<String>()
        for _ in 0..<2_000 {
            let id = DealID.make(using: &a)
            #expect(id == DealID.make(using: &b))
            #expect(id.count == DealID.length)
            #expect(id.allSatisfy { DealID.alphabet.contains($0) })
            #expect(DealID.isWellFormed(id))
            seen.insert(id)
        }
        #expect(seen.count == 2_000)
        for lookAlike in "0o1li" { #expect(!DealID.alphabet.contains(lookAlike)) }
    }

    @Test func wellFormedness() {
        #expect(DealID.isWellFormed("abc"))
        #expect(DealID.isWellFormed("ABC"))
        #expect(!DealID.isWellFormed(""))
        #expect(!DealID.isWellFormed("../etc"))
        #expect(!DealID.isWellFormed("a b"))
        #expect(!DealID.isWellFormed("שלום"))
        #expect(!DealID.isWellFormed(String(repeating: "a", count: 65)))
    }
}
