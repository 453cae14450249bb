import Foundation

/// One axis of a chart: its label (with the unit) and scale, and the mapping from data to
/// the drawing.
public struct ChartAxis: Sendable {
    /// Linear, or logarithmic (base 10; values ≤ 0 cannot be drawn and are left out).
    public enum Scale: Sendable { case linear, logarithmic }

    /// The label, with the unit in parentheses (`adopters (users)`).
    public var label: String
    /// The scale.
    public var scale: Scale
    /// Whether the linear range is stretched to include 0 (counts, rates).
    public var includesZero: Bool

    /// An axis labelled `label`.
    public init(_ label: String, scale: Scale = .linear, includesZero: Bool = false) {
        self.label = label
        self.scale = scale
        self.includesZero = includesZero
    }

    /// The drawn range for data spanning `values`, and its ticks: "nice" steps of 1, 2 or 5
    /// times a power of ten (linear), or powers of ten (logarithmic, with 2 and 5 when the
    /// range spans less than two decades).
    func ticks(for values: [Double]) -> (domain: ClosedRange<Double>, ticks: [Double]) {
        let finite = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
        switch scale {
        case .linear:
            var low = finite.min() ?? 0
            var high = finite.max() ?? 1
            if includesZero {
                low = min(low, 0)
                high = max(high, 0)
            }
            if low == high { (low, high) = (low - 1, high + 1) }
            let rough = (high - low) / 5
            let power = pow(10, floor(log10(rough)))
            let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
            let start = floor(low / step) * step
            let end = ceil(high / step) * step
            let ticks = stride(from: start, through: end + step / 2, by: step).map { abs($0) < step * 1e-9 ? 0 : $0 }
            return (start...end, ticks)
        case .logarithmic:
            let low = floor(log10(finite.min() ?? 1))
            let high = max(ceil(log10(finite.max() ?? 10)), low + 1)
            var ticks = stride(from: low, through: high, by: 1).map { pow(10, $0) }
            if high - low < 2 {
                ticks = ticks.flatMap { [$0, 2 * $0, 5 * $0] }.filter { $0 <= pow(10, high) }
            }
            return (pow(10, low)...pow(10, high), ticks)
        }
    }

    /// Where `value` falls in `domain`, from 0 (low end) to 1 (high end).
    func fraction(_ value: Double, in domain: ClosedRange<Double>) -> Double {
        switch scale {
        case .linear: return (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        case .logarithmic:
            return (log10(value) - log10(domain.lowerBound)) / (log10(domain.upperBound) - log10(domain.lowerBound))
        }
    }

    /// Whether `value` can be drawn on this axis.
    func accepts(_ value: Double) -> Bool { value.isFinite && (scale == .linear || value > 0) }
}
