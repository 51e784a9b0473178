import Testing

@testable import FunnelTUI

/// The board's last state is kept until the process ends, not freed deal by deal after `q`.
struct KeptUntilExitTests {
    final class Marker {}

    @Test func aKeptValueOutlivesItsLastReference() {
        weak var watched: Marker?
        do {
            let marker = Marker()
            watched = marker
            KeptUntilExit.keep(marker)
        }
        #expect(watched != nil)
    }
}
