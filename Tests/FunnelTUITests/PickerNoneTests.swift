import Foundation
import FunnelCore
import Testing

@testable import FunnelBoard

/// A list's "none in particular" entry (every seller, all cards, no payment terms, leave it) is
/// a nil value, never a string that could also be an account, a flag or a method.
@Suite struct PickerNoneTests {
    func picker(_ state: BoardState) -> Picker? {
        if case .picker(let picker)? = state.modal { return picker }
        return nil
    }

    @Test func everySellerIsNil() throws {
        var state = BoardFixtures.state(boss: false)
        #expect(state.peopleOptions(everyone: true).first?.value == nil)
        #expect(state.peopleOptions(everyone: false).allSatisfy { $0.value != nil })
        _ = ModalUpdate.choose("layla", purpose: .seller, &state)
        #expect(state.scope == .seller("layla"))
        _ = ModalUpdate.choose(nil, purpose: .seller, &state)
        #expect(state.scope == .everyone)
    }

    @Test func allCardsIsNil() throws {
        var state = BoardFixtures.state()
        BoardFixtures.press([.char("f")], &state)
        let flags = try #require(picker(state))
        #expect(flags.options.first?.value == nil)
        _ = ModalUpdate.choose(DealFlag.overdue.rawValue, purpose: .flag, &state)
        #expect(state.flagFilter == .overdue)
        _ = ModalUpdate.choose(nil, purpose: .flag, &state)
        #expect(state.flagFilter == nil && state.priorityFilter == nil)
        #expect(state.columns.joined().count == BoardFixtures.mixedDeals.count)
    }

    @Test func noPaymentTermsIsNil() throws {
        var state = BoardFixtures.state()
        let effects = ModalUpdate.choose(PaymentMethod.cheques.rawValue, purpose: .paymentMethod(dealID: "aaaa1111"), &state)
        #expect(!effects.isEmpty && state.deals["aaaa1111"]?.paymentTerms?.method == .cheques)
        _ = ModalUpdate.choose(nil, purpose: .paymentMethod(dealID: "aaaa1111"), &state)
        #expect(state.deals["aaaa1111"]?.paymentTerms == nil)
    }

    @Test func leaveItChangesNothing() {
        var state = BoardFixtures.state()
        let before = state.deals
        #expect(ModalUpdate.choose(nil, purpose: .stuck(dealID: "aaaa1111"), &state).isEmpty)
        #expect(ModalUpdate.choose(nil, purpose: .priority(dealID: "aaaa1111"), &state).isEmpty)
        #expect(ModalUpdate.choose(nil, purpose: .stage(dealID: "aaaa1111"), &state).isEmpty, "a list of names has no nil entry")
        #expect(state.deals == before)
    }
}
