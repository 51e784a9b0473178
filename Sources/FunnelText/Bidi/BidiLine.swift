import CFriBidi

/// One field on one line as a terminal that does no bidi must be given it: its grapheme
/// clusters in visual order, left to right, mirrored and (when asked) Arabic shaped.
///
/// The levels come from FriBidi for the whole field (`BidiParagraph`); the reordering moves
/// whole grapheme clusters, so niqqud, harakat and accents stay on their letter and widths
/// stay those of `DisplayWidth`. Cut the field to width in logical order first, then build
/// its line: the logical start stays on screen.
public struct BidiLine: Sendable {
    /// The clusters in visual order, left to right, as drawn.
    public let clusters: [String]
    /// For each visual position, the logical index of its cluster (in `Array(text)`).
    public let logicalIndex: [Int]
    /// For each visual position, the resolved embedding level (odd: right to left).
    public let levels: [Int]
    /// Whether the field's paragraph direction is right to left.
    public let isRightToLeft: Bool
    /// The number of clusters of the logical text (a dropped ligature fill included).
    public let logicalCount: Int

    /// Lays out `text`: reordered (unless `reorder` is false, for a terminal that reorders
    /// itself), mirrored in right-to-left runs, Arabic shaped when `shapeArabic`.
    public init(_ text: String, direction: BaseDirection = .auto, reorder: Bool = true, shapeArabic: Bool = false) {
        let logical = Array(text)
        logicalCount = logical.count
        let scalars = text.unicodeScalars.map(\.value)
        if Self.isLeftToRightOnly(scalars), direction != .rightToLeft, !text.unicodeScalars.contains(where: Sanitize.isBidiMark) {
            clusters = logical.map(String.init)
            logicalIndex = Array(logical.indices)
            levels = Array(repeating: 0, count: logical.count)
            isRightToLeft = false
            return
        }
        let paragraph = BidiParagraph(scalars, direction: direction)
        var shaped = scalars
        if reorder || shapeArabic {
            BidiShaping.apply(to: &shaped, paragraph: paragraph, arabic: shapeArabic)
        }
        let units = Self.clusters(logical, original: scalars, shaped: shaped, paragraph: paragraph)
        let order =
            reorder
            ? BidiParagraph.reorder(types: units.map(\.type), levels: units.map(\.level), rightToLeft: paragraph.isRightToLeft)
            : Array(units.indices)
        let shown = order.filter { !units[$0].text.isEmpty }
        clusters = shown.map { units[$0].text }
        logicalIndex = shown
        levels = shown.map { reorder ? units[$0].level : 0 }
        isRightToLeft = paragraph.isRightToLeft
    }

    /// The line as one string, left to right.
    public var text: String { clusters.joined() }

    /// Where a cursor standing before logical cluster `index` is drawn.
    public struct CursorPlace: Sendable, Equatable {
        /// The boundary between visual positions: 0 is the left edge, `clusters.count` the right.
        public var boundary: Int
        /// Whether the cluster the cursor belongs to stands on its right (a bar is then drawn
        /// on the right edge of the cursor's cell, against it).
        public var belongsRight: Bool
    }

    /// The cursor before logical cluster `index` (`logicalCount` for the end): just after the
    /// cluster it follows in reading order (on that cluster's left when it runs right to left),
    /// or, at the start, just before the first cluster (on its right when it runs right to left).
    public func cursor(logical index: Int) -> CursorPlace {
        if index > 0, let (position, level) = visual(of: index - 1) {
            let rtl = level % 2 == 1
            return CursorPlace(boundary: rtl ? position : position + 1, belongsRight: rtl)
        }
        if let (position, level) = visual(of: 0) {
            let rtl = level % 2 == 1
            return CursorPlace(boundary: rtl ? position + 1 : position, belongsRight: !rtl)
        }
        return CursorPlace(boundary: 0, belongsRight: false)
    }

    /// The visual position and level of logical cluster `index`, or of the nearest shown one
    /// before it (a ligature's fill is not shown).
    private func visual(of index: Int) -> (Int, Int)? {
        var candidate = min(index, logicalCount - 1)
        while candidate >= 0 {
            if let position = logicalIndex.firstIndex(of: candidate) { return (position, levels[position]) }
            candidate -= 1
        }
        return nil
    }

    /// Whether `scalars` hold no right-to-left character: none from the blocks whose default
    /// bidi class is R or AL (Hebrew to Arabic Extended, Hebrew and Arabic presentation forms,
    /// the right-to-left ranges of the supplementary planes) and no RLM. Such text in a paragraph
    /// that is not forced right to left has every level 0: nothing to reorder, mirror or shape,
    /// and FriBidi is not asked. A filter for speed, not a bidi rule: anything else goes to FriBidi.
    static func isLeftToRightOnly<S: Sequence>(_ scalars: S) -> Bool where S.Element == UInt32 {
        !scalars.contains { v in
            v >= 0x0590
                && ((0x0590...0x08FF).contains(v) || v == 0x200F || (0xFB1D...0xFDFF).contains(v)
                    || (0xFE70...0xFEFF).contains(v) || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v))
        }
    }

    /// One grapheme cluster with the level and bidi type of its first code point.
    struct Unit {
        var text: String
        var level: Int
        var type: FriBidiCharType
    }

    /// The clusters of `logical` built from the shaped code points, a ligature's fill and the
    /// bidi marks dropped.
    static func clusters(_ logical: [Character], original: [UInt32], shaped: [UInt32], paragraph: BidiParagraph) -> [Unit] {
        var units: [Unit] = []
        units.reserveCapacity(logical.count)
        var offset = 0
        for character in logical {
            let count = character.unicodeScalars.count
            var text = String.UnicodeScalarView()
            // A bidi mark has done its work once the levels are known: never drawn.
            for i in offset..<(offset + count)
            where !(shaped[i] == BidiShaping.fill && original[i] != BidiShaping.fill)
                && !(Unicode.Scalar(original[i]).map(Sanitize.isBidiMark) ?? false)
            {
                if let scalar = Unicode.Scalar(shaped[i]) { text.append(scalar) }
            }
            units.append(Unit(text: String(text), level: paragraph.levels[offset], type: paragraph.types[offset]))
            offset += count
        }
        return units
    }
}
