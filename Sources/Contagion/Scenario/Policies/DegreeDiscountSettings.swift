/// `type: degree_discount`: ``DegreeDiscount`` (Chen, Wang & Yang 2009).
public struct DegreeDiscountSettings: SeedingPolicyEntry {
    public static let type = "degree_discount"
    public static let summary = "degree, discounted for neighbours of the seeds already chosen"

    /// The propagation probability the discount assumes, in [0, 1] (default: each node's from
    /// the model, ``LiveEdgeModel/meanInArcProbabilities()``).
    public var probability: Double?

    public enum CodingKeys: String, CodingKey, CaseIterable { case probability }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        probability = try c.decodeIfPresent(Double.self, forKey: .probability)
        if let probability {
            try c.check((0...1).contains(probability), .probability, "must be in [0, 1]", got: probability)
        }
    }

    public func makePolicy(name: String) -> any SeedingPolicy { DegreeDiscount(name: name, probability: probability) }
}
