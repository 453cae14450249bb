import Foundation

/// Adam (Kingma & Ba 2015): gradient steps scaled by running estimates of the gradient's first
/// and second moments, with bias correction.
///
/// `m ← β₁m + (1 − β₁)g`, `v ← β₂v + (1 − β₂)g²`, `θ ← θ − α·m̂/(√v̂ + ε)` with
/// `m̂ = m/(1 − β₁ᵗ)`, `v̂ = v/(1 − β₂ᵗ)`.
public struct AdamOptimizer: Sendable, Equatable {
    /// The step size `α`.
    public var learningRate: Double
    /// The moment decay rates `β₁`, `β₂` and the denominator's `ε`.
    public var beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8
    private var firstMoment: [Double]
    private var secondMoment: [Double]
    private var steps = 0

    /// An optimiser for `parameterCount` parameters.
    public init(parameterCount: Int, learningRate: Double = 1e-3) {
        self.learningRate = learningRate
        firstMoment = [Double](repeating: 0, count: parameterCount)
        secondMoment = [Double](repeating: 0, count: parameterCount)
    }

    /// One step of `parameters` against `gradient` (the loss's gradient, to descend).
    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        precondition(parameters.count == firstMoment.count && gradient.count == firstMoment.count)
        steps += 1
        let correction1 = 1 - pow(beta1, Double(steps))
        let correction2 = 1 - pow(beta2, Double(steps))
        for index in parameters.indices {
            let g = gradient[index]
            firstMoment[index] = beta1 * firstMoment[index] + (1 - beta1) * g
            secondMoment[index] = beta2 * secondMoment[index] + (1 - beta2) * g * g
            let m = firstMoment[index] / correction1
            let v = secondMoment[index] / correction2
            parameters[index] -= learningRate * m / (v.squareRoot() + epsilon)
        }
    }
}
