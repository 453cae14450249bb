/// `model.type: content_aware`: ``ContentAware``, the social-commerce funnel (exposure → click →
/// purchase and/or share), with defaults from ``ContentAwareParameters``.
public struct ContentAwareSettings: PropagationModelEntry {
    public static let type = "content_aware"
    public static let summary =
        "a share exposes online friends, who click, buy and share with logistic probabilities of tie, affinity, appeal and price"

    /// The model's parameters (default: ``ContentAwareParameters/init()``).
    public var parameters = ContentAwareParameters()

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case variant, affinity, click, purchase, share, fatigue, alpha, beta
    }

    /// The click logit's coefficients.
    enum ClickKeys: String, CodingKey, CaseIterable { case intercept, tie, affinity, appeal }
    /// The purchase logit's coefficients.
    enum PurchaseKeys: String, CodingKey, CaseIterable { case intercept, affinity, appeal, price }
    /// The share logit's coefficients.
    enum ShareKeys: String, CodingKey, CaseIterable { case intercept, affinity }

    /// The defaults.
    public init() {}

    /// The model with `parameters`.
    public init(parameters: ContentAwareParameters) { self.parameters = parameters }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var p = ContentAwareParameters()
        p.variant = try c.decode(.variant, default: p.variant)
        p.affinity = try c.decode(.affinity, default: p.affinity)
        if c.contains(.click) {
            let click = try c.superDecoder(forKey: .click).strictContainer(keyedBy: ClickKeys.self)
            p.clickIntercept = try click.decode(.intercept, default: p.clickIntercept)
            p.clickTie = try click.decode(.tie, default: p.clickTie)
            p.clickAffinity = try click.decode(.affinity, default: p.clickAffinity)
            p.clickAppeal = try click.decode(.appeal, default: p.clickAppeal)
        }
        if c.contains(.purchase) {
            let purchase = try c.superDecoder(forKey: .purchase).strictContainer(keyedBy: PurchaseKeys.self)
            p.purchaseIntercept = try purchase.decode(.intercept, default: p.purchaseIntercept)
            p.purchaseAffinity = try purchase.decode(.affinity, default: p.purchaseAffinity)
            p.purchaseAppeal = try purchase.decode(.appeal, default: p.purchaseAppeal)
            p.purchasePrice = try purchase.decode(.price, default: p.purchasePrice)
        }
        if c.contains(.share) {
            let share = try c.superDecoder(forKey: .share).strictContainer(keyedBy: ShareKeys.self)
            p.shareIntercept = try share.decode(.intercept, default: p.shareIntercept)
            p.shareAffinity = try share.decode(.affinity, default: p.shareAffinity)
        }
        p.fatigue = try c.decode(.fatigue, default: p.fatigue, in: 0...1)
        p.alpha = try c.decode(.alpha, default: p.alpha, atLeast: 0)
        p.beta = try c.decode(.beta, default: p.beta, atLeast: 0)
        parameters = p
    }

    public func encode(to encoder: any Encoder) throws {
        let p = parameters
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(p.variant, forKey: .variant)
        try c.encode(p.affinity, forKey: .affinity)
        var click = c.nestedContainer(keyedBy: ClickKeys.self, forKey: .click)
        try click.encode(p.clickIntercept, forKey: .intercept)
        try click.encode(p.clickTie, forKey: .tie)
        try click.encode(p.clickAffinity, forKey: .affinity)
        try click.encode(p.clickAppeal, forKey: .appeal)
        var purchase = c.nestedContainer(keyedBy: PurchaseKeys.self, forKey: .purchase)
        try purchase.encode(p.purchaseIntercept, forKey: .intercept)
        try purchase.encode(p.purchaseAffinity, forKey: .affinity)
        try purchase.encode(p.purchaseAppeal, forKey: .appeal)
        try purchase.encode(p.purchasePrice, forKey: .price)
        var share = c.nestedContainer(keyedBy: ShareKeys.self, forKey: .share)
        try share.encode(p.shareIntercept, forKey: .intercept)
        try share.encode(p.shareAffinity, forKey: .affinity)
        try c.encode(p.fatigue, forKey: .fatigue)
        try c.encode(p.alpha, forKey: .alpha)
        try c.encode(p.beta, forKey: .beta)
    }

    /// `true`: affinities and appeal are the item's.
    public var dependsOnItem: Bool { true }

    /// The model's own parameters.
    public var funnel: ContentAwareParameters? { parameters }

    public func compile(
        for item: Int, in world: World, maximumSteps: Int, using rng: inout Xoshiro256StarStar
    ) -> CompiledModel {
        .contentAware(ContentAware(world: world, item: item, parameters: parameters, maximumSteps: maximumSteps))
    }
}
