/// Something of a fixed height drawn with its top at a given y.
struct Drawable {
    let height: Double
    let draw: (_ top: Double) -> Void
}

/// One piece of the page's vertical flow, in reading order.
enum FlowItem {
    /// Kept whole: moves to the next page when it does not fit.
    case block(Drawable)
    /// Vertical space; dropped at the top of a page.
    case space(Double)
    /// A table row: kept whole, and on every page where the table starts or continues the
    /// heading row is drawn first (never alone at a page's foot).
    case tableRow(Drawable, heading: Drawable)
}

/// A drawable placed on a page at `top`.
struct Placed {
    let top: Double
    let drawable: Drawable
}

/// Breaks a flow into pages between `top` and `bottom`.
enum PageFlow {
    /// Each page's placed drawables; always at least one (possibly empty) page. Anything taller
    /// than a whole page is placed at a page's top and left to run over its foot.
    static func paginate(_ items: [FlowItem], top: Double, bottom: Double) -> [[Placed]] {
        var pages: [[Placed]] = [[]]
        var cursor = top
        var headingPage = -1
        func fits(_ height: Double) -> Bool { cursor + height <= bottom + 0.01 || cursor <= top }
        func newPage() {
            pages.append([])
            cursor = top
        }
        func place(_ drawable: Drawable) {
            pages[pages.count - 1].append(Placed(top: cursor, drawable: drawable))
            cursor += drawable.height
        }
        for item in items {
            switch item {
            case .space(let height):
                if cursor > top { cursor = min(cursor + height, bottom) }
            case .block(let drawable):
                if !fits(drawable.height) { newPage() }
                place(drawable)
            case .tableRow(let row, let heading):
                let needsHeading = headingPage != pages.count - 1
                if !fits(row.height + (needsHeading ? heading.height : 0)) { newPage() }
                if headingPage != pages.count - 1 {
                    place(heading)
                    headingPage = pages.count - 1
                }
                place(row)
            }
        }
        return pages
    }
}
