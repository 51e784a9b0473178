/// Text blocks side by side (a table row, a fact, a total) lined up on their first baseline:
/// Hebrew or Arabic fonts rise higher than Latin ones, so equal tops would put a number in one
/// cell above the words in the next.
struct SharedBaseline {
    /// How far below the row's top each block's top goes.
    let offsets: [Double]
    /// The row's height: the lowest block bottom.
    let height: Double

    init(_ blocks: [TextBlock]) {
        let baselines = blocks.map { $0.lines.first?.baseline ?? 0 }
        let shared = baselines.max() ?? 0
        offsets = baselines.map { shared - $0 }
        height = zip(blocks, offsets).map { $1 + $0.height }.max() ?? 0
    }
}
