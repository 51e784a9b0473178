import CFriBidi

/// What FriBidi changes in the characters themselves once levels are known: brackets and
/// other mirrored characters in right-to-left runs become their mirror images, and Arabic
/// letters (when asked) become the presentation form of their place in a word, so that a
/// terminal which draws each cell on its own still shows them joined.
enum BidiShaping {
    /// Shapes `scalars` (logical order, with the levels of `paragraph`) in place: mirroring
    /// always, Arabic joining and lam-alef ligatures when `arabic` is set. A ligature leaves
    /// `fill` (U+FEFF) where its second letter was; callers drop it.
    static func apply(to scalars: inout [UInt32], paragraph: BidiParagraph, arabic: Bool) {
        let count = scalars.count
        guard count > 0 else { return }
        let levels = paragraph.levels.map { FriBidiLevel(truncatingIfNeeded: $0) }
        var flags = funnel_fribidi_flags_mirroring()
        guard arabic else {
            fribidi_shape(flags, levels, FriBidiStrIndex(count), nil, &scalars)
            return
        }
        flags |= funnel_fribidi_flags_arabic()
        var props = [FriBidiArabicProp](repeating: 0, count: count)
        scalars.withUnsafeBufferPointer { text in
            fribidi_get_joining_types(text.baseAddress, FriBidiStrIndex(count), &props)
        }
        fribidi_join_arabic(paragraph.types, FriBidiStrIndex(count), levels, &props)
        fribidi_shape(flags, levels, FriBidiStrIndex(count), &props, &scalars)
    }

    /// What a lam-alef ligature leaves in place of its second letter.
    static let fill: UInt32 = funnel_fribidi_char_fill()
}
