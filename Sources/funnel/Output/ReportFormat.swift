import Foundation
import FunnelCore
import FunnelText

/// Formatting shared by the report's outputs.
enum ReportFormat {
    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
    static func days(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "—" }
    static func ratio(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }
}
