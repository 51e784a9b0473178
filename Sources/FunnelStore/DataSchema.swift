/// The data directory's file format, for `funnel version --json`.
public enum DataSchema {
    /// The schema version this funnel writes, and the newest it reads (docs/data-format.md).
    public static let current = Schema.current
}
