import Foundation

/// Whose deals a query shows (R15).
public enum Scope: Hashable, Sendable {
    /// The acting user's own deals and the unassigned inbox.
    case mine
    /// Every seller's deals (boss mode; managers only).
    case everyone
    /// One seller's deals (managers only, or a rep naming themselves).
    case seller(String)
}

/// Which deals a user may see, and which they asked to see.
public enum Visibility {
    /// Whether `actor` may ask for `scope`.
    public static func allowed(_ scope: Scope, for actor: User) -> Refusal? {
        switch scope {
        case .mine: return nil
        case .everyone: return actor.role == .manager ? nil : Refusal(.onlyManagersSeeAll)
        case .seller(let account): return actor.role == .manager || account == actor.account ? nil : Refusal(.onlyManagersSeeAll)
        }
    }

    /// Whether `deal` falls in `scope` for `actor`.
    public static func includes(_ deal: Deal, scope: Scope, actor: User) -> Bool {
        includes(owner: deal.owner, scope: scope, actor: actor)
    }

    /// Whether a deal owned by `owner` (nil: the inbox) falls in `scope` for `actor`.
    public static func includes(owner: String?, scope: Scope, actor: User) -> Bool {
        switch scope {
        case .mine: return owner == nil || owner == actor.account
        case .everyone: return actor.role == .manager
        case .seller(let account): return owner == account && (actor.role == .manager || account == actor.account)
        }
    }

    /// Whether `actor` may look at `deal` at all.
    public static func canSee(_ deal: Deal, actor: User) -> Bool {
        canSee(owner: deal.owner, actor: actor)
    }

    /// Whether `actor` may look at a deal owned by `owner` (nil: the inbox).
    public static func canSee(owner: String?, actor: User) -> Bool {
        actor.role == .manager || owner == nil || owner == actor.account
    }
}
