import Foundation
import FunnelStore

/// `funnel merge-deal BASE OURS THEIRS`: git's merge driver for funnel's JSON files (`funnel sync
/// init` registers it): merges a deal, pipeline.json or team.json field by field and writes the
/// result into OURS; exit 0 when merged, 4 when it cannot be (OURS is then left as it was).
enum MergeDealCommand: Command {
    static let spec = CommandSpec(
        name: "merge-deal", summary: "Merge two versions of a deal (or pipeline.json, team.json) field by field: git's merge driver.",
        arguments: [
            ArgumentSpec(name: "BASE", required: true, help: "the common version (empty: none)"),
            ArgumentSpec(name: "OURS", required: true, help: "our version; the merged file is written here"),
            ArgumentSpec(name: "THEIRS", required: true, help: "their version"),
        ],
        details: """
            Registered by funnel sync init as git's merge driver (merge.funnel-deal.driver = funnel merge-deal %O %A %B).
            A field changed on one side takes that side; changed on both, the later change wins and the other value is
            kept as a note on the deal; history, activities, assignments and modules are unions. Exit 0 when merged,
            4 when a version cannot be read (OURS is left as it was). See docs/sync.md.
            """)

    static func run(_ arguments: Arguments<Option>, session: Session) throws {
        // git passes names relative to the repository (".merge_file_XXXXXX").
        let cwd = FileManager.default.currentDirectoryPath
        let paths = arguments.positionals.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 }
        func read(_ path: String) throws -> Data {
            try session.data {
                guard let data = try AtomicFile.readFile(path, limit: FunnelStore.maximumFileBytes)?.data else {
                    throw StoreError.io(path: path, detail: "no such file")
                }
                return data
            }
        }
        let base = try read(paths[0]), ours = try read(paths[1]), theirs = try read(paths[2])
        try session.data {
            let outcome = try FileMerge.merge(base: base, ours: ours, theirs: theirs, path: paths[1])
            try AtomicFile.write(outcome.data, to: paths[1])
        }
    }
}
