import Foundation
import FunnelCore

/// Undo and redo, as two stacks of steps (taskell's past and future). Each step is a domain
/// `restore` saved like any change, or for a deal created on the board its removal (and its
/// creation again on redo). A step applies only while the deal is exactly the version it
/// expects; when a step makes a new version, the steps below it that expected the version it
/// put back are chained to the new one, so several undos in a row on one deal each work.
enum UndoFlow {
    /// How many steps are kept.
    static let limit = 100

    /// Records a change just made on the board; it clears what could be redone.
    static func record(_ entry: UndoEntry, _ state: inout BoardState) {
        state.undo.append(entry)
        if state.undo.count > limit { state.undo.removeFirst() }
        state.redo = []
    }

    static func undo(_ state: inout BoardState) -> [Effect] {
        guard let entry = state.undo.popLast() else {
            state.status = StatusMessage(text: state.text(.statusNothingToUndo), isError: false)
            return []
        }
        guard let (effects, made) = step(entry, &state) else { return [] }
        chain(entry, made: made, in: &state.undo)
        state.redo.append(UndoEntry(id: entry.id, before: entry.after, after: made))
        state.status = StatusMessage(text: state.text(.statusUndone, ["title": title(entry)]), isError: false)
        return effects
    }

    static func redo(_ state: inout BoardState) -> [Effect] {
        guard let entry = state.redo.popLast() else {
            state.status = StatusMessage(text: state.text(.statusNothingToRedo), isError: false)
            return []
        }
        guard let (effects, made) = step(entry, &state) else { return [] }
        chain(entry, made: made, in: &state.redo)
        state.undo.append(UndoEntry(id: entry.id, before: entry.after, after: made))
        state.status = StatusMessage(text: state.text(.statusRedone, ["title": title(entry)]), isError: false)
        return effects
    }

    static func title(_ entry: UndoEntry) -> String { entry.before?.title ?? entry.after?.title ?? entry.id }

    /// Steps further down that expected the version `entry` put back now expect the version made.
    static func chain(_ entry: UndoEntry, made: Deal?, in stack: inout [UndoEntry]) {
        for i in stack.indices where stack[i].id == entry.id && stack[i].after == entry.before {
            stack[i].after = made
        }
    }

    /// Applies one step: the deal must be exactly `entry.after` (or absent when nil); it becomes
    /// `entry.before` (or goes, when nil). The version made, or nil when refused.
    static func step(_ entry: UndoEntry, _ state: inout BoardState) -> ([Effect], Deal?)? {
        let current = state.deals[entry.id]
        // Only the version this board made may be changed back: anything newer (another
        // process's edit, a change made elsewhere) would be erased.
        guard current == entry.after else {
            let name = current?.title ?? entry.after?.title ?? entry.id
            state.status = StatusMessage(text: state.text(current == nil ? .statusUndoGone : .statusUndoChanged, ["title": name]), isError: true)
            return nil
        }
        switch (current, entry.before) {
        case (let current?, let target?):
            switch state.funnel.apply(.restore(target), to: current, by: state.actor, now: state.now, utcOffset: state.utcOffset) {
            case .success(let after):
                state.replace(after, focus: after.id)
                return ([.save(before: current, after: after)], after)
            case .failure(let refusal):
                state.status = StatusMessage(text: refusal.message.text(in: state.language), isError: true)
                return nil
            }
        case (let current?, nil):
            state.remove(current.id)
            return ([.delete(current)], nil)
        case (nil, let target?):
            state.replace(target, focus: target.id)
            return ([.create(target)], target)
        case (nil, nil):
            return nil
        }
    }
}
