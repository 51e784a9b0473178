/// Where each column of the lines table sits: widths are the columns' shares of the text width,
/// the first column on the start side (the right of a right-to-left page).
struct TableGeometry {
    /// Space between a cell's edge and its text.
    static let padding = 4.0

    /// Each column's left x and width on the page.
    let columns: [(x: Double, width: Double)]

    init(_ columns: [QuoteColumn], page: PageGeometry) {
        let weights = columns.map { $0.weight.isFinite && $0.weight > 0 ? $0.weight : 1 }
        let total = weights.reduce(0, +)
        var offset = 0.0
        var placed: [(x: Double, width: Double)] = []
        for weight in weights {
            let width = page.contentWidth * weight / total
            placed.append((page.x(startOffset: offset, width: width), width))
            offset += width
        }
        self.columns = placed
    }

    /// The left x and width of the text inside column `index`.
    func textBox(_ index: Int) -> (x: Double, width: Double) {
        let column = columns[index]
        return (column.x + TableGeometry.padding, max(column.width - 2 * TableGeometry.padding, 1))
    }
}
