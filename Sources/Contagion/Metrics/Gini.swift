/// The Gini coefficient of a distribution of counts: 0 when every entry is equal, (n − 1)/n
/// when one entry holds everything.
///
/// `G = Σᵢ (2i − n − 1)·xᵢ / (n·Σ x)` over the values sorted ascending, i = 1…n (the mean
/// absolute difference over twice the mean).
///
/// - Complexity: O(n log n).
public func giniCoefficient(_ values: [Int]) -> Double {
    let sorted = values.sorted()
    let n = Double(sorted.count)
    let total = Double(sorted.reduce(0, +))
    guard total > 0 else { return 0 }
    var weighted = 0.0
    for (index, value) in sorted.enumerated() { weighted += (2 * Double(index + 1) - n - 1) * Double(value) }
    return weighted / (n * total)
}
