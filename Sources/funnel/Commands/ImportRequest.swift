import Foundation
import FunnelCore

/// The flags of `funnel import`, checked before any data is read.
struct ImportRequest {
    let path: String
    let source: ImportSource?
    let encoding: TextEncoding?
    let map: [String: ImportField]
    let owner: String?

    init(_ arguments: Arguments<ImportCommand.Option>, session: Session) throws {
        path = arguments.positionals[0]
        source = try arguments.choice(.from, as: ImportSource.self)
        encoding = try arguments.choice(.encoding, as: TextEncoding.self)
        var map: [String: ImportField] = [:]
        for pair in arguments.list(.map) {
            guard let eq = pair.lastIndex(of: "="), eq != pair.startIndex else {
                throw CommandFailure.usage("--map “\(pair)” is not COLUMN=FIELD, e.g. --map \"שם העסקה=title\"")
            }
            let column = ImportSource.normalize(String(pair[..<eq]))
            let name = String(pair[pair.index(after: eq)...]).trimmingCharacters(in: .whitespaces).lowercased()
            guard let field = ImportField(rawValue: name) else {
                let known = ImportField.allCases.map(\.rawValue)
                var message = "--map: “\(name)” is not a field; fields are: \(known.joined(separator: ", "))"
                if let guess = Suggest.closest(name, among: known) { message += "; did you mean \(guess)?" }
                throw CommandFailure.usage(message)
            }
            map[column] = field
        }
        self.map = map
        owner = arguments[.owner]
    }

    /// The file's bytes, decoded and split into rows; a file that cannot be read is a usage error.
    func table() throws -> ImportTable {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let read = FileManager.default.contents(atPath: path)
            else {
                throw CommandFailure.usage("import: cannot read \(path)")
            }
            data = read
        }
        let bytes = [UInt8](data)
        if encoding != .utf16le, let why = TextEncoding.notText(bytes) {
            throw CommandFailure.usage("import: \(why); nothing was imported")
        }
        if encoding == nil, let mixed = TextEncoding.mixedLines(bytes) {
            throw CommandFailure.usage(
                "import: line \(mixed.utf8) is UTF-8 but line \(mixed.other) is not: the file mixes two "
                    + "encodings; save it in one, or choose one with --encoding; nothing was imported")
        }
        let text: String
        switch (encoding ?? TextEncoding.detect(bytes)).decode(bytes) {
        case .failure(let error): throw CommandFailure.usage("import: \(error.message); nothing was imported")
        case .success(let decoded): text = decoded
        }
        switch ImportTable.parse(text) {
        case .failure(let error): throw CommandFailure.usage("import: \(error.message); nothing was imported")
        case .success(let table): return table
        }
    }

    /// The source with most column names only it uses (csv when none has any).
    static func guessSource(_ header: [String]) -> ImportSource {
        func only(_ source: ImportSource) -> Int {
            header.filter { source.field(for: $0) != nil && ImportSource.csv.field(for: $0) == nil }.count
        }
        let pipedrive = only(.pipedrive) + header.filter { ImportSource.normalize($0).hasPrefix("deal - ") }.count
        let kommo = only(.kommo)
        if pipedrive == 0 && kommo == 0 { return .csv }
        return pipedrive >= kommo ? .pipedrive : .kommo
    }
}
