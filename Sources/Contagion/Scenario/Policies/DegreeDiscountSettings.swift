/// `type: degree_discount`: ``DegreeDiscount`` (Chen, Wang & Yang 2009).
public struct DegreeDiscountSettings: SeedingPolicyEntry {
    public static let type = "degree_discount"
    public static let summary = "degree, discounted for neighbours of the seeds already chosen"

    /// The propagation probability the discount assumes, in [0, 1] (default 0.01).
    public var probability = 0.01

    public enum CodingKeys: String, CodingKey, CaseIterable { case probability }

    /// The defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        probability = try c.decode(.probability, default: probability, in: 0...1)
    }

    public func makePolicy(name: String) -> any SeedingPolicy { DegreeDiscount(name: name, probability: probability) }
}
