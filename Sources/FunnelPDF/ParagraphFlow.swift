/// Paragraphs as flow items, one per laid-out line, so a long paragraph continues on the next page.
enum ParagraphFlow {
    /// `paragraphs` across the text width on the start side, `gap` points apart. A line break
    /// inside a paragraph (a signature block) starts a new line without the gap.
    static func items(
        _ paragraphs: [String], style: TextStyle, gap: Double,
        in document: DocumentContext
    ) -> [FlowItem] {
        var items: [FlowItem] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { items.append(.space(gap)) }
            for line in PlainText.lines(paragraph) {
                let block = TextBlock(
                    line, style: style, width: document.page.contentWidth,
                    side: document.page.startSide, in: document)
                items += lines(of: block, x: document.page.x(startOffset: 0, width: block.width), in: document)
            }
        }
        return items
    }

    /// Each line of `block` as a flow item drawn at `x`.
    static func lines(of block: TextBlock, x: Double, in document: DocumentContext) -> [FlowItem] {
        block.lines.indices.map { index in
            let line = block.lines[index]
            return .block(
                Drawable(height: line.bottom - line.top) { top in
                    block.draw(lines: index..<(index + 1), on: document.cairo, x: x, y: top)
                })
        }
    }
}
