import Foundation
import FunnelCore

extension CardIndex {
    /// One card: its deal, its title's rank and what every order compares. A value kept in its
    /// column's array, side by side (56 bytes; as an object it took 88 with its reference and its
    /// heap header, one allocation per card). What a filter and a total read of it is in its
    /// `Facts`, and its search text in its column's `texts`.
    struct Entry: Sendable {
        /// Its deal's id (read from the deal: a card keeps no copy).
        var id: String { deal.id }
        /// The id's first bytes as a number (`CardOrder.idKey`), so most ties of a sort compare no string.
        let idKey: UInt64
        /// The deal shown, so a sort looks none up.
        let deal: Deal
        /// The rank of its title (`CardOrder.sortTitle`) among the index's titles (`TitleRanking`):
        /// every order's tie-break.
        let titleRank: Int
        /// What each order compares first.
        let figures: CardFigures

        init(_ deal: Deal, titleRank: Int, utcOffset: Int) {
            self.deal = deal
            self.titleRank = titleRank
            idKey = CardOrder.idKey(deal.id)
            figures = CardFigures(deal, utcOffset: utcOffset)
        }
    }

    /// A card made: the card, its facts, and its weighted value when that is in the pipeline's
    /// currency but not in hundredths (rare: the index keeps those by id, `inexactWeighted`).
    typealias Made = (entry: Entry, facts: Facts, inexactWeighted: Decimal?)

    /// The card of `deal` at `place`, its search text put at the end of `texts` (its `Facts` say
    /// where it starts, from `texts`' start).
    static func card(_ deal: Deal, _ place: Place, titleRank: Int, texts: inout [UInt8]) -> Made {
        var made = card(deal, place, titleRank: titleRank)
        made.facts.search(deal, in: &texts)
        return made
    }

    /// The card of `deal` at `place`, its facts without a search text (`Facts.search` gives it one).
    static func card(_ deal: Deal, _ place: Place, titleRank: Int) -> Made {
        let own = deal.currency == place.currency
        let weightedCents = own ? WeightedValue.hundredths(of: deal, in: place.stage) : nil
        let inexact = own && weightedCents == nil ? WeightedValue.of(deal, in: place.stage) : nil
        let entry = Entry(deal, titleRank: titleRank, utcOffset: place.utcOffset)
        var flags: UInt8 = 0
        if place.archived { flags |= Facts.archived }
        if !own && deal.value != nil { flags |= Facts.foreign }
        if own && deal.value != nil { flags |= Facts.value }
        if own && deal.hundredths != nil { flags |= Facts.valueInCents }
        if weightedCents != nil || inexact != nil { flags |= Facts.weighted }
        if weightedCents != nil { flags |= Facts.weightedInCents }
        let facts = Facts(
            mask: 0, textStart: 0, textCount: 0, valueCents: own ? deal.hundredths ?? 0 : 0, weightedCents: weightedCents ?? 0,
            flags: flags)
        return (entry, facts, inexact)
    }

    /// What a card's figures depend on beside its deal.
    struct Place {
        let stage: Stage
        let currency: String
        let utcOffset: Int
        let archived: Bool
    }

    /// What the filter and the column totals read of a card, kept side by side in one array per
    /// column: a filter or a total reads these, not 100,000 cards all over memory.
    struct Facts: Sendable {
        /// The bytes of its search text (`SearchMask`).
        var mask: UInt64
        /// Where its search text lies in the column's `texts`, and how many bytes it has.
        var textStart: UInt32
        var textCount: UInt32
        /// Its value and weighted value in hundredths, when `flags` says it has them.
        let valueCents: UInt64
        let weightedCents: UInt64
        let flags: UInt8

        static let archived: UInt8 = 1
        static let foreign: UInt8 = 2
        static let value: UInt8 = 4
        static let valueInCents: UInt8 = 8
        static let weighted: UInt8 = 16
        static let weightedInCents: UInt8 = 32

        func has(_ flag: UInt8) -> Bool { flags & flag != 0 }

        /// `deal`'s search text (`SearchText.appendHaystack`) put at the end of `texts`, and these
        /// facts told where it lies and which bytes it holds.
        mutating func search(_ deal: Deal, in texts: inout [UInt8]) {
            let start = texts.count
            SearchText.appendHaystack(of: deal, to: &texts)
            (mask, textStart, textCount) = (SearchMask.of(bytes: texts[start...]), UInt32(start), UInt32(texts.count - start))
        }
    }
}
