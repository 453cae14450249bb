/// How generated edges draw their tie strength `w_uv` in (0, 1].
public enum TieStrengthDistribution: Sendable, Equatable {
    /// Every tie has the same strength.
    case constant(Double)
    /// Strengths uniform in [`min`, `max`].
    case uniform(min: Double, max: Double)
    /// Strengths from Beta(`alpha`, `beta`), floored at 10⁻³ so that no tie is zero.
    case beta(alpha: Double, beta: Double)

    /// Draws one strength.
    public func sample(using rng: inout some RandomNumberGenerator) -> Float {
        switch self {
        case .constant(let value):
            return Float(value)
        case .uniform(let low, let high):
            return Float(low + (high - low) * rng.nextUnit())
        case .beta(let alpha, let beta):
            return Float(max(1e-3, Distributions.beta(alpha: alpha, beta: beta, using: &rng)))
        }
    }
}
