import CFriBidi

/// The paragraph direction asked of the bidi algorithm.
public enum BaseDirection: Sendable, Hashable {
    /// From the first strong character (rules P2–P3); left to right when there is none.
    case auto
    /// Left to right whatever the text (level 0).
    case leftToRight
    /// Right to left whatever the text (level 1).
    case rightToLeft
}

/// One paragraph of code points run through GNU FriBidi's Unicode Bidirectional Algorithm
/// (UAX #9): the resolved embedding level of every code point (rules P2–P3, X1–X10, W1–W7,
/// N0–N2, I1–I2, L1) and the visual order of one line holding the whole paragraph (L2).
///
/// What it handles, and what the conformance test holds it to (`BidiCharacterTest.txt`):
/// one paragraph on one line, the three paragraph directions, code points FriBidi's tables
/// know (`unicodeVersion`). It does not handle paragraph separators inside the text (rule P1:
/// funnel draws each field on one line) nor rules L3–L4 (combining marks and mirroring are
/// done per grapheme cluster by `BidiLine`).
public struct BidiParagraph: Sendable {
    /// The code points, in logical order.
    public let scalars: [UInt32]
    /// The embedding level of each code point; even is left to right, odd right to left.
    public let levels: [Int]
    /// Whether the resolved paragraph direction is right to left.
    public let isRightToLeft: Bool
    let types: [FriBidiCharType]

    /// The Unicode version of FriBidi's character tables: code points assigned later are
    /// outside what this wrapper claims to handle.
    public static let unicodeVersion: String = String(cString: funnel_fribidi_unicode_version())

    /// Resolves the levels of `scalars` with the paragraph direction `direction`.
    public init(_ scalars: [UInt32], direction: BaseDirection = .auto) {
        self.scalars = scalars
        let count = scalars.count
        var types = [FriBidiCharType](repeating: FriBidiCharType(0), count: count)
        var brackets = [FriBidiBracketType](repeating: 0, count: count)
        var levels = [FriBidiLevel](repeating: 0, count: count)
        var base: FriBidiParType
        switch direction {
        case .auto: base = funnel_fribidi_par_auto()
        case .leftToRight: base = funnel_fribidi_par_ltr()
        case .rightToLeft: base = funnel_fribidi_par_rtl()
        }
        if count > 0 {
            scalars.withUnsafeBufferPointer { text in
                fribidi_get_bidi_types(text.baseAddress, FriBidiStrIndex(count), &types)
                fribidi_get_bracket_types(text.baseAddress, FriBidiStrIndex(count), types, &brackets)
            }
            // Returns 0 only when memory runs out; the levels then stay 0 (logical order).
            _ = fribidi_get_par_embedding_levels_ex(types, brackets, FriBidiStrIndex(count), &base, &levels)
        } else if direction == .auto {
            base = funnel_fribidi_par_ltr()
        }
        self.types = types
        self.levels = levels.map { Int($0) }
        isRightToLeft = funnel_fribidi_par_is_rtl(base) != 0
    }

    /// Whether rule X9 removes code point `index` (an explicit embedding, override or
    /// boundary neutral): it has no place in the visual order.
    public func isRemovedByX9(_ index: Int) -> Bool {
        funnel_fribidi_is_removed_by_x9(types[index]) != 0
    }

    /// Indices of the code points in visual order, left to right (rules L1 part 4 and L2),
    /// without those removed by X9. Combining marks keep their logical place in a reversed run
    /// (no L3): `BidiLine` keeps them on their base by reordering whole grapheme clusters.
    public func visualOrder() -> [Int] {
        Self.reorder(types: types, levels: levels, rightToLeft: isRightToLeft).filter { !isRemovedByX9($0) }
    }

    /// FriBidi's line reordering of any units (code points, grapheme clusters) given a bidi
    /// type and a resolved level for each: the unit indices left to right.
    static func reorder(types: [FriBidiCharType], levels: [Int], rightToLeft: Bool) -> [Int] {
        let count = types.count
        guard count > 0 else { return [] }
        var cLevels = levels.map { FriBidiLevel(truncatingIfNeeded: $0) }
        var map = (0..<count).map { FriBidiStrIndex($0) }
        let base = rightToLeft ? funnel_fribidi_par_rtl() : funnel_fribidi_par_ltr()
        // Flags 0: no NSM reordering (L3), no mirroring; mirroring is a separate step.
        let result = fribidi_reorder_line(0, types, FriBidiStrIndex(count), 0, base, &cLevels, nil, &map)
        guard result > 0 else { return Array(0..<count) }
        return map.map { Int($0) }
    }
}
