import Foundation
import FunnelCore

/// A message in the status line.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool

    public init(text: String, isError: Bool) {
        self.text = text
        self.isError = isError
    }
}
