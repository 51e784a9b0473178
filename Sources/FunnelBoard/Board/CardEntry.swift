import Foundation
import FunnelCore

extension CardIndex {
    /// One card: its deal, what the filter searches, its value for the column's total and what
    /// every order compares. A class: columns, filters and sorts move one reference per card, not
    /// ten fields.
    final class Entry: Sendable {
        let id: String
        /// The id's first bytes as a number (`CardOrder.idKey`), so most ties of a sort compare no string.
        let idKey: UInt64
        /// The deal shown, so a sort looks none up.
        let deal: Deal
        /// What the text filter searches (`SearchText.haystack`).
        let haystack: String
        /// The value when in the pipeline's currency.
        let value: Decimal?
        /// Whether the deal has a value in another currency (not summed).
        let foreign: Bool
        /// `value` in hundredths, when it has them (`Deal.hundredths`).
        let valueCents: UInt64?
        /// Its weighted value (`WeightedValue`) when in the pipeline's currency.
        let weighted: Decimal?
        /// `weighted` in hundredths, when it has them.
        let weightedCents: UInt64?
        /// Closed long ago (`ArchiveRule`): off the columns unless asked for or searched.
        let archived: Bool
        /// The title as every order's tie-break compares it (`CardOrder.sortTitle`), and its rank
        /// among the index's titles (`TitleRanking`).
        let sortTitle: String
        let titleRank: Int
        /// What each order compares first.
        let figures: CardFigures

        init(_ deal: Deal, _ place: Place, sortTitle: String, titleRank: Int) {
            self.deal = deal
            self.sortTitle = sortTitle
            self.titleRank = titleRank
            archived = place.archived
            id = deal.id
            idKey = CardOrder.idKey(deal.id)
            figures = CardFigures(deal, utcOffset: place.utcOffset)
            haystack = SearchText.haystack(deal)
            let own = deal.currency == place.currency
            value = own ? deal.value : nil
            valueCents = own ? deal.hundredths : nil
            foreign = !own && deal.value != nil
            weightedCents = own ? WeightedValue.hundredths(of: deal, in: place.stage) : nil
            weighted = own ? weightedCents.map(Money.fromCents) ?? WeightedValue.of(deal, in: place.stage) : nil
        }
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
        let mask: UInt64
        /// Where its search text lies in the column's `texts`, and how many bytes it has.
        var textStart: UInt32 = 0
        let textCount: UInt32
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

        init(_ entry: Entry) {
            mask = SearchMask.of(entry.haystack)
            textCount = UInt32(entry.haystack.utf8.count)
            valueCents = entry.valueCents ?? 0
            weightedCents = entry.weightedCents ?? 0
            var flags: UInt8 = 0
            if entry.archived { flags |= Self.archived }
            if entry.foreign { flags |= Self.foreign }
            if entry.value != nil { flags |= Self.value }
            if entry.valueCents != nil { flags |= Self.valueInCents }
            if entry.weighted != nil { flags |= Self.weighted }
            if entry.weightedCents != nil { flags |= Self.weightedInCents }
            self.flags = flags
        }

        func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
    }
}
