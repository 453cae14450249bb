/// How collaborative filtering measures the similarity of two binary click vectors over `N`
/// positions (a user's clicks over the `N` items, an item's clickers over the `N` users), from
/// `c` positions both have, `a` and `b` each has.
public enum ClickSimilarity: String, Sendable, Codable, CaseIterable {
    /// Cosine: `c / √(a·b)`.
    case cosine
    /// Pearson correlation of the two 0/1 vectors (the phi coefficient):
    /// `(N·c − a·b) / √((N·a − a²)·(N·b − b²))`, 0 when either vector is constant. Unlike
    /// cosine it discounts overlap that chance alone would give two heavy clickers.
    case pearson

    /// The similarity of two vectors with `common` positions in common, `a` and `b` set.
    public func value(common c: Int, _ a: Int, _ b: Int, positions n: Int) -> Float {
        switch self {
        case .cosine:
            return Float(c) / (Float(a) * Float(b)).squareRoot()
        case .pearson:
            let n = Double(n)
            let spread = (n * Double(a) - Double(a) * Double(a)) * (n * Double(b) - Double(b) * Double(b))
            guard spread > 0 else { return 0 }
            return Float((n * Double(c) - Double(a) * Double(b)) / spread.squareRoot())
        }
    }
}
