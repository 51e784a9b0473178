/// A visual edge (or the middle) a line of text hugs within its box.
enum HorizontalSide {
    case left, right, center
}

/// An A4 page's size and margins, and the mirroring of a right-to-left page: offsets are measured
/// from the start side (left on an LTR page, right on an RTL one).
struct PageGeometry {
    static let a4Width = 595.28
    static let a4Height = 841.89

    let width = PageGeometry.a4Width
    let height = PageGeometry.a4Height
    let marginSide = 50.0
    let marginTop = 48.0
    let marginBottom = 64.0
    let rightToLeft: Bool

    /// Width between the side margins.
    var contentWidth: Double { width - 2 * marginSide }
    /// Where content starts and must end on every page.
    var contentTop: Double { marginTop }
    var contentBottom: Double { height - marginBottom }

    /// The side where reading starts: text and first columns hug it.
    var startSide: HorizontalSide { rightToLeft ? .right : .left }
    /// The side where reading ends: numbers and totals hug it.
    var endSide: HorizontalSide { rightToLeft ? .left : .right }

    /// The left x of a box `width` wide that begins `offset` points from the start side.
    func x(startOffset offset: Double, width boxWidth: Double) -> Double {
        rightToLeft ? marginSide + contentWidth - offset - boxWidth : marginSide + offset
    }
}
