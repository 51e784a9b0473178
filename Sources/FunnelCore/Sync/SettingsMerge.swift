import Foundation

/// pipeline.json, team.json, products.json and goals.json merged from two versions changed apart (`funnel sync`), against
/// their common base, on the JSON itself:
///
/// - objects field by field; a field changed on one side takes that side;
/// - lists of objects with an identity (`id`: stages, `account`: users, `code`: products; month,
///   seller and kind: goals) element by element, matched
///   by it: one added on either side is in (after the element it follows there), one removed on a
///   side and unchanged on the other is out, one changed on both is merged field by field; the
///   order is the side that reordered, else ours;
/// - lists of text (lost reasons, requirements, payment methods) as sets keeping order;
/// - a value both sides changed differently: settings carry no times, so the one already shared
///   (theirs: what `funnel sync` fetched) wins, and the conflict is reported.
///
/// The caller decodes the result with the store's strict reader and checks it.
public enum SettingsMerge {
    /// Fields whose list elements are matched by identity.
    static let identities = ["id", "account", "code"]

    public static func merge(base: JSONValue?, ours: JSONValue, theirs: JSONValue) -> (value: JSONValue, conflicts: [String]) {
        var conflicts: [String] = []
        let value = merge(base: base, ours: ours, theirs: theirs, path: "", conflicts: &conflicts)
        return (value, conflicts)
    }

    static func merge(base: JSONValue?, ours: JSONValue, theirs: JSONValue, path: String, conflicts: inout [String]) -> JSONValue {
        if let picked = ThreeWay.pick(base: base, ours: ours, theirs: theirs) { return picked }
        switch (ours, theirs) {
        case (.object(let o), .object(let t)):
            var out: [String: JSONValue] = [:]
            let baseFields: [String: JSONValue]? = if case .object(let b)? = base { b } else { nil }
            for key in Set(o.keys).union(t.keys).sorted() {
                let b = baseFields?[key]
                switch (o[key], t[key]) {
                case let (ov?, tv?):
                    out[key] = merge(base: b, ours: ov, theirs: tv, path: path + "." + key, conflicts: &conflicts)
                case let (ov?, nil):
                    if b == nil || b != ov { out[key] = ov }  // added on our side, or removed there and changed here
                case let (nil, tv?):
                    if b == nil || b != tv { out[key] = tv }
                case (nil, nil): break
                }
            }
            return .object(out)
        case (.array(let o), .array(let t)):
            let b: [JSONValue]? = if case .array(let b)? = base { b } else { nil }
            if let identity = identity(of: o + t + (b ?? [])) {
                return .array(mergeKeyed(base: b, ours: o, theirs: t, id: identity, path: path, conflicts: &conflicts))
            }
            if (o + t).allSatisfy({ if case .string = $0 { true } else { false } }) {
                return .array(ThreeWay.list(base: b, ours: o, theirs: t))
            }
            fallthrough
        default:
            conflicts.append(path.isEmpty ? "the whole file" : String(path.dropFirst()))
            return theirs
        }
    }

    /// What identifies each element of `items`, if they have an identity: a field every one
    /// carries (`id`, `account`, `code`), or for goals their month, seller and kind together.
    static func identity(of items: [JSONValue]) -> ((JSONValue) -> String)? {
        guard !items.isEmpty else { return nil }
        func text(_ value: JSONValue, _ key: String) -> String? { if case .string(let s)? = value[key] { s } else { nil } }
        if let key = identities.first(where: { key in items.allSatisfy { text($0, key) != nil } }) {
            return { text($0, key) ?? "" }
        }
        if items.allSatisfy({ text($0, "month") != nil && text($0, "kind") != nil }) {
            return { [text($0, "month"), text($0, "seller") ?? "", text($0, "kind")].map { $0 ?? "" }.joined(separator: "/") }
        }
        return nil
    }

    static func mergeKeyed(
        base: [JSONValue]?, ours: [JSONValue], theirs: [JSONValue], id: (JSONValue) -> String, path: String,
        conflicts: inout [String]
    ) -> [JSONValue] {
        func index(_ list: [JSONValue]) -> [String: JSONValue] {
            Dictionary(list.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        }
        let b = index(base ?? []), o = index(ours), t = index(theirs)
        let baseOrder = (base ?? []).map(id)
        let ourOrder = ours.map(id), theirOrder = theirs.map(id)
        // The side that reordered what both kept leads; the other side's additions follow their predecessor.
        let common = Set(ourOrder).intersection(theirOrder).intersection(baseOrder)
        let theirsReordered =
            theirOrder.filter(common.contains) != baseOrder.filter(common.contains)
            && ourOrder.filter(common.contains) == baseOrder.filter(common.contains)
        let (lead, follow) = theirsReordered ? (theirOrder, ourOrder) : (ourOrder, theirOrder)
        var order = lead
        for (position, item) in follow.enumerated() where !order.contains(item) {
            let previous = follow[..<position].last(where: order.contains)
            order.insert(item, at: previous.flatMap { order.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
        }
        var out: [JSONValue] = []
        for item in order {
            switch (o[item], t[item]) {
            case let (ov?, tv?):
                out.append(merge(base: b[item], ours: ov, theirs: tv, path: "\(path)[\(item)]", conflicts: &conflicts))
            case let (ov?, nil):
                if b[item] == nil || b[item] != ov { out.append(ov) }
            case let (nil, tv?):
                if b[item] == nil || b[item] != tv { out.append(tv) }
            case (nil, nil): break
            }
        }
        return out
    }
}
