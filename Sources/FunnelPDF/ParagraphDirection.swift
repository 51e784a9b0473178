import CFriBidi

/// The direction a paragraph is set in: the page's, as a person writing in a Hebrew or English
/// document would see it, unless the paragraph has no letter of the page's direction and some
/// of the other (an English company name on a Hebrew page keeps its full stop at the end).
enum ParagraphDirection {
    /// True when `text` is set right to left on a page whose direction is `pageRightToLeft`.
    static func isRightToLeft(_ text: String, pageRightToLeft: Bool) -> Bool {
        var hasRightToLeft = false
        var hasLeftToRight = false
        for scalar in text.unicodeScalars {
            var type = fribidi_get_bidi_type(FriBidiChar(scalar.value))
            if funnel_fribidi_type_is_rtl_strong(type) == 1 {
                hasRightToLeft = true
            } else if fribidi_get_par_direction(&type, 1) == funnel_fribidi_par_ltr() {
                hasLeftToRight = true
            }
        }
        return pageRightToLeft ? hasRightToLeft || !hasLeftToRight : hasRightToLeft && !hasLeftToRight
    }
}
