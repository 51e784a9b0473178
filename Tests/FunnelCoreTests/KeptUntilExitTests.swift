import Testing

@testable import FunnelCore

/// What is kept (a command's deals, the board's last state) lives until the process ends, not
/// freed deal by deal at the end.
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
