import Foundation

/// How an import reads a file: where it comes from, extra column names, and what to do with
/// stages and owners it cannot match.
public struct ImportOptions: Sendable {
    public var source: ImportSource
    /// `--map COLUMN=FIELD`: headers (as `ImportSource.normalize` gives them) to fields.
    public var map: [String: ImportField]
    /// Refuse a row whose stage is not one of ours instead of sending it to the first open stage.
    public var strict: Bool
    /// `--owner USER`: the owner of rows without one, or with one not on the team.
    public var defaultOwner: String?

    /// Options as the command line gives them.
    public init(source: ImportSource, map: [String: ImportField] = [:], strict: Bool = false, defaultOwner: String? = nil) {
        self.source = source
        self.map = map
        self.strict = strict
        self.defaultOwner = defaultOwner
    }
}
