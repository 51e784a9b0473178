import Foundation
import FunnelBoard
import FunnelCore
import FunnelStore

/// 5. Another process's change: a deal's file replaced through the store (as `funnel edit` run
/// by someone else does), noticed through inotify (`LiveWatch`), only that deal read again, put
/// on the board and the frame drawn, as the board's loop does. Timed from the write's return to
/// the frame; the board must then show the change. Without inotify, nothing is timed.
func measureOutsideChanges(_ board: inout BoardState, store: FunnelStore, repetitions: Int) throws -> [Double] {
    let watch = LiveWatch(store: store)
    guard let descriptor = watch.descriptor else {
        // The board polls then, once a second: nothing to time here.
        FileHandle.standardError.write(Data("funnel-bench: outside changes not timed: \(watch.mode)\n".utf8))
        return []
    }
    var times: [Double] = []
    for (i, id) in board.deals.keys.sorted().prefix(repetitions).enumerated() {
        let note = "changed elsewhere \(i)"
        _ = try store.update(id: id) { deal in
            var changed = deal
            changed.notes = note
            return .success(changed)
        }
        var failure: (any Error)?
        times.append(
            Measure.time {
                var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&ready, 1, 5_000) == 1 else { return failure = WrongResult(description: "no inotify event for \(id)") }
                // As the board's loop reads them (`BoardApp.readDeals`).
                let read = store.readAgain(watch.drain().deals.sorted())
                if let error = read.failure { return failure = error }
                _ = BoardUpdate.apply(.changedElsewhere(changed: read.changed, removed: read.removed), &board)
                _ = BoardRender.render(board)
            })
        if let failure { throw failure }
        try check(board.deals[id]?.notes == note, "the board does not show the change to \(id)")
    }
    return times
}
