import Foundation

/// Normalised mutual information between two labellings of the same items:
/// `NMI = I(A; B) / ((H(A) + H(B)) / 2)`, the arithmetic-mean normalisation (scikit-learn's
/// default; Vinh, Epps & Bailey 2010). 1 when the labellings agree up to renaming, near 0 when
/// they are independent; 1 by convention when both have a single label.
///
/// Labels are any non-negative integers.
///
/// - Complexity: O(n + |A|·|B|).
public func normalizedMutualInformation(_ a: [Int32], _ b: [Int32]) -> Double {
    precondition(a.count == b.count, "labellings of different lengths")
    guard !a.isEmpty else { return 0 }
    let rows = Int(a.reduce(-1, max)) + 1
    let columns = Int(b.reduce(-1, max)) + 1
    var joint = [Double](repeating: 0, count: rows * columns)
    for (x, y) in zip(a, b) { joint[Int(x) * columns + Int(y)] += 1 }
    let n = Double(a.count)
    var rowSums = [Double](repeating: 0, count: rows)
    var columnSums = [Double](repeating: 0, count: columns)
    for x in 0..<rows {
        for y in 0..<columns {
            rowSums[x] += joint[x * columns + y]
            columnSums[y] += joint[x * columns + y]
        }
    }
    func entropy(_ counts: [Double]) -> Double {
        counts.reduce(0) { $1 > 0 ? $0 - $1 / n * log($1 / n) : $0 }
    }
    var information = 0.0
    for x in 0..<rows {
        for y in 0..<columns where joint[x * columns + y] > 0 {
            let p = joint[x * columns + y] / n
            information += p * log(p * n * n / (rowSums[x] * columnSums[y]))
        }
    }
    let mean = (entropy(rowSums) + entropy(columnSums)) / 2
    return mean > 0 ? max(0, information / mean) : 1
}
