/// A propagation model compiled for one graph and item, as one of the concrete kernel types.
///
/// Kernels are generic (over arc probabilities and over the observer); Swift specialises a
/// generic call only where the concrete types are known. An `any DiffusionModel` would
/// leave every per-arc call going through witness tables, so callers instead hand a
/// ``DiffusionModelVisitor`` to ``visit(_:)``, which calls it with the concrete model type:
/// the existential is opened once, and the whole kernel is specialised.
public enum CompiledModel: Sendable {
    /// ``IndependentCascade`` with the same probability on every arc (which allows geometric skipping).
    case uniformCascade(IndependentCascade<UniformArcProbability>)
    /// ``IndependentCascade`` with a probability per arc.
    case cascade(IndependentCascade<PerArcProbabilities>)
    /// The ``LinearThreshold`` model.
    case linearThreshold(LinearThreshold)
    /// The ``ContentAware`` model, compiled for one item.
    case contentAware(ContentAware)
    /// An SIR or SIS ``Epidemic`` with a transmission probability per arc.
    case epidemic(Epidemic<PerArcProbabilities>)

    /// Calls `visitor` with the concrete model.
    @inlinable
    public func visit<Visitor: DiffusionModelVisitor>(_ visitor: Visitor) -> Visitor.Result {
        switch self {
        case .uniformCascade(let model): return visitor.visit(model)
        case .cascade(let model): return visitor.visit(model)
        case .linearThreshold(let model): return visitor.visit(model)
        case .contentAware(let model): return visitor.visit(model)
        case .epidemic(let model): return visitor.visit(model)
        }
    }

    /// The model's name.
    public var name: String { visit(ModelName()) }
}

/// Reads a compiled model's name.
private struct ModelName: DiffusionModelVisitor {
    func visit<Model: DiffusionModel>(_ model: Model) -> String { model.name }
}

/// Work to do with a compiled model, written once, generic over the model type.
public protocol DiffusionModelVisitor {
    /// What the work produces.
    associatedtype Result
    /// Does the work with the concrete `model`.
    func visit<Model: DiffusionModel>(_ model: Model) -> Result
}
