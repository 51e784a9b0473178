import Foundation

/// The coding keys of a record of one change to a deal (an `Assignment`, a `StageChange`):
/// when it was made (`at`), by whom (`by`) and what it changed from (`from`, nil for none).
protocol ChangeRecordKeys: CodingKey, CaseIterable {
    static var at: Self { get }
    static var by: Self { get }
    static var from: Self { get }
}

extension KeyedDecodingContainer where Key: ChangeRecordKeys {
    /// When, by whom and from what the recorded change was made.
    func decodeChangeHead() throws -> (at: Date, by: String, from: String?) {
        (try decode(Date.self, forKey: .at), try decode(String.self, forKey: .by), try decodeIfPresent(String.self, forKey: .from))
    }
}
