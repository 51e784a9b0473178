/// The top of the first page: the logo on the start side beside the seller's block on the end
/// side, then the title and the facts (label: value rows).
enum QuoteHeader {
    static let logoMaxWidth = 170.0
    static let logoMaxHeight = 60.0
    /// Seller lines beyond this many are left out, so the header always fits the first page.
    static let maxSellerLines = 12

    /// Logo and seller side by side, as one block; nothing when both are absent.
    static func logoAndSeller(_ layout: QuoteLayout, logo: LogoImage?, in document: DocumentContext) -> [FlowItem] {
        let page = document.page
        let sellerWidth = page.contentWidth * 0.5
        let sellerX = page.x(startOffset: page.contentWidth - sellerWidth, width: sellerWidth)
        let blocks = layout.seller.prefix(maxSellerLines).enumerated().map { index, line in
            TextBlock(
                line, style: index == 0 ? .sellerName : .seller, width: sellerWidth, side: page.endSide,
                maxHeight: 40, in: document)
        }
        let sellerHeight = blocks.reduce(0) { $0 + $1.height }
        let height = max(logo?.height ?? 0, sellerHeight)
        guard height > 0 else { return [] }
        let logoX = logo.map { page.x(startOffset: 0, width: $0.width) } ?? 0
        return [
            .block(
                Drawable(height: height) { top in
                    logo?.draw(on: document.cairo, x: logoX, y: top)
                    var y = top
                    for block in blocks {
                        block.draw(on: document.cairo, x: sellerX, y: y)
                        y += block.height
                    }
                })
        ]
    }

    /// The title's lines on the start side.
    static func title(_ title: String, in document: DocumentContext) -> [FlowItem] {
        let page = document.page
        return PlainText.lines(title).flatMap { line in
            let block = TextBlock(line, style: .title, width: page.contentWidth, side: page.startSide, in: document)
            return ParagraphFlow.lines(of: block, x: page.x(startOffset: 0, width: block.width), in: document)
        }
    }

    /// One row per fact: the label in a narrow column on the start side, the value beside it.
    static func facts(_ facts: [LabeledValue], in document: DocumentContext) -> [FlowItem] {
        let page = document.page
        let labelWidth = page.contentWidth * 0.28
        let valueWidth = page.contentWidth - labelWidth - 10
        let labelX = page.x(startOffset: 0, width: labelWidth)
        let valueX = page.x(startOffset: labelWidth + 10, width: valueWidth)
        return facts.map { fact in
            let label = TextBlock(
                fact.label, style: .factLabel, width: labelWidth, side: page.startSide,
                maxHeight: 80, in: document)
            let value = TextBlock(
                fact.value, style: .factValue, width: valueWidth, side: page.startSide,
                maxHeight: 120, in: document)
            let baseline = SharedBaseline([label, value])
            return .block(
                Drawable(height: baseline.height + 2) { top in
                    label.draw(on: document.cairo, x: labelX, y: top + baseline.offsets[0])
                    value.draw(on: document.cairo, x: valueX, y: top + baseline.offsets[1])
                })
        }
    }
}
