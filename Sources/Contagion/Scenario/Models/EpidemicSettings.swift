/// `model.type: sir` and `sis`: an ``Epidemic`` with per-arc transmission and a recovery
/// probability per step; ``Variant`` says which.
public struct EpidemicSettings<Variant: EpidemicVariant>: PropagationModelEntry {
    public static var type: String { Variant.kind.rawValue }
    public static var summary: String { Variant.summary }

    /// `β_uv`: a number in [0, 1] or a preset (default 0.05).
    public var transmission = ProbabilitySetting.uniform(0.05)
    /// `γ` in [0, 1], the recovery probability per step (default 0.2).
    public var recovery = 0.2

    public enum CodingKeys: String, CodingKey, CaseIterable { case transmission, recovery }

    /// The defaults.
    public init() {}

    /// SIR ends by itself (every user is infected at most once); SIS need not (users are
    /// reinfected), so it runs to the step limit.
    public var endsOnItsOwn: Bool { Variant.kind == .sir }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        transmission = try c.decode(.transmission, default: transmission)
        recovery = try c.decode(.recovery, default: recovery, in: 0...1)
    }

    public func compile(
        for item: Int, in world: World, maximumSteps: Int, using rng: inout Xoshiro256StarStar
    ) -> CompiledModel {
        .epidemic(
            Epidemic(
                graph: world.graph,
                transmission: PerArcProbabilities(transmission.preset.probabilities(on: world.graph, using: &rng)),
                recovery: recovery, kind: Variant.kind, maximumSteps: maximumSteps))
    }
}

/// Which epidemic an ``EpidemicSettings`` runs.
public protocol EpidemicVariant: Sendable {
    /// SIR or SIS; its raw value is the model's `type`.
    static var kind: Epidemic<PerArcProbabilities>.Kind { get }
    /// The model's one-sentence summary.
    static var summary: String { get }
}

/// SIR: recovered users are immune.
public enum SIR: EpidemicVariant {
    public static var kind: Epidemic<PerArcProbabilities>.Kind { .sir }
    public static var summary: String {
        "infected users infect susceptible out-neighbours each step, then recover for good"
    }
}

/// SIS: recovered users are susceptible again.
public enum SIS: EpidemicVariant {
    public static var kind: Epidemic<PerArcProbabilities>.Kind { .sis }
    public static var summary: String {
        "infected users infect susceptible out-neighbours each step, then become susceptible again"
    }
}

/// `model.type: sir`.
public typealias SIRSettings = EpidemicSettings<SIR>
/// `model.type: sis`.
public typealias SISSettings = EpidemicSettings<SIS>
