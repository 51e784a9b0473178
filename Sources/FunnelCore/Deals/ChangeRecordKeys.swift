import Foundation

/// The coding keys of a record of one change to a deal (an `Assignment`, a `StageChange`):
/// when it was made (`at`), by whom (`by`) and what it changed from (`from`, nil for none).
protocol ChangeRecordKeys: CodingKey, CaseIterable {
    static var at: Self { get }
    static var by: Self { get }
    static var from: Self { get }
}

extension FieldSource {
    /// When, by whom and from what the recorded change was made.
    mutating func changeHead<K: ChangeRecordKeys>(_ keys: K.Type) throws -> (at: Date, by: String, from: String?) {
        (try date(K.at), try string(K.by), try stringIfPresent(K.from))
    }
}
