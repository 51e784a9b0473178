import Foundation
import FunnelCore

/// The stage editor's list: which stage is selected (an index into the pipeline's stages).
public struct StageEditor: Hashable, Sendable {
    public var selected: Int

    public init(selected: Int) { self.selected = selected }
}
