import Foundation

/// One entry of the `policies` list: a seeding policy, its label and its budget.
public struct PolicySettings: Codable, Sendable, Equatable {
    /// The built-in policies, by scenario name.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// ``ExplicitSeeds`` (key `users`), ``RandomSeeds`` and ``DegreeSeeds``.
        case explicit, random, degree
        /// ``DegreeDiscount``; key `probability`.
        case degreeDiscount = "degree_discount"
        /// ``PageRankSeeds``; key `damping`.
        case pagerank
        /// ``CELF``; key `simulations`.
        case celf
        /// ``IMM``; keys `epsilon`, `ell`.
        case imm
        /// ``EmbeddingSeeds`` (trains the scenario's `embedding`); key `audience`.
        case embedding
        /// ``RLSeeds``, a trained policy read from a ``PolicyFile``; key `file`.
        case rl
    }

    /// The policy (required); it decides which other keys are allowed.
    public var type: Kind
    /// The label in outputs (default: the type; must be unique).
    public var name: String
    /// Seeds to choose, one budget or a sweep (default: the scenario's `budget`).
    public var k: Budgets?
    /// `explicit`: the users to seed, by name (as in the edge list) or index.
    public var users: [String]?
    /// `degree_discount`: the propagation probability the discount assumes.
    public var probability: Double?
    /// `pagerank`: the damping factor.
    public var damping: Double?
    /// `celf`: live-edge worlds (Monte-Carlo simulations) per spread estimate.
    public var simulations: Int?
    /// `imm`: the approximation slack `ε`.
    public var epsilon: Double?
    /// `imm`: the confidence exponent `ℓ` (the guarantee holds with probability `1 − n^−ℓ`).
    public var ell: Double?
    /// `embedding`: users sampled to measure audience coverage.
    public var audience: Int?
    /// `rl`: the policy file, as written (relative paths are relative to the scenario's folder).
    public var file: String?
    /// `rl`: the policy read from ``file`` when the scenario was loaded (`nil` if it was loaded
    /// without reading policy files, for `contagion train`).
    public var policyFile: PolicyFile?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, name, k, users, probability, damping, simulations, epsilon, ell, audience, file
    }

    public init(from decoder: any Decoder) throws {
        let loose = try decoder.container(keyedBy: CodingKeys.self)
        type = try loose.decode(Kind.self, forKey: .type)
        var allowed: [CodingKeys] = [.type, .name, .k]
        switch type {
        case .explicit: allowed.append(.users)
        case .degreeDiscount: allowed.append(.probability)
        case .pagerank: allowed.append(.damping)
        case .celf: allowed.append(.simulations)
        case .imm: allowed += [.epsilon, .ell]
        case .embedding: allowed.append(.audience)
        case .rl: allowed.append(.file)
        case .random, .degree: break
        }
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self, allowed: allowed)
        name = try c.decode(.name, default: type.rawValue)
        k = try c.decodeIfPresent(Budgets.self, forKey: .k)
        switch type {
        case .explicit:
            users = try c.decode([String].self, forKey: .users)
            try c.check(!users!.isEmpty, .users, "must list at least one user", got: "[]")
            var listed = Set<String>()
            for (index, user) in users!.enumerated() where !listed.insert(user).inserted {
                throw ScenarioError(
                    at: c.codingPath + [CodingKeys.users, AnyKey(intValue: index)], "lists user '\(user)' twice")
            }
            if let k {
                try c.check(k.largest <= users!.count, .k, "must be ≤ the \(users!.count) users listed", got: k.largest)
            }
            k = k ?? Budgets(integerLiteral: users!.count)
        case .degreeDiscount:
            probability = try c.decode(.probability, default: 0.01, in: 0...1)
        case .pagerank:
            damping = try c.decode(.damping, default: 0.85, in: 0...1)
            try c.check(damping! < 1, .damping, "must be < 1", got: damping!)
        case .celf:
            simulations = try c.decode(.simulations, default: 100, atLeast: 1)
        case .imm:
            epsilon = try c.decode(.epsilon, default: 0.1)
            try c.check(epsilon! > 0 && epsilon! < 1, .epsilon, "must be in (0, 1)", got: epsilon!)
            ell = try c.decodePositive(.ell, default: 1)
        case .embedding:
            audience = try c.decode(.audience, default: 5000, atLeast: 1)
        case .rl:
            let file = try c.decode(String.self, forKey: .file)
            let base = decoder.userInfo[Scenario.baseDirectoryKey] as? String ?? "."
            let path = file.hasPrefix("/") ? file : URL(fileURLWithPath: base).appendingPathComponent(file).path
            if decoder.userInfo[Scenario.readsPolicyFilesKey] as? Bool ?? true {
                do { policyFile = try PolicyFile.read(path: path) } catch let error as PolicyFileError {
                    throw ScenarioError(at: c.codingPath + [CodingKeys.file], error.description)
                }
            }
            self.file = file
        case .random, .degree:
            break
        }
    }

    /// The policy object.
    public func makePolicy() -> any SeedingPolicy {
        switch type {
        case .explicit: return ExplicitSeeds(name: name, userNames: users!)
        case .random: return RandomSeeds(name: name)
        case .degree: return DegreeSeeds(name: name)
        case .degreeDiscount: return DegreeDiscount(name: name, probability: probability!)
        case .pagerank: return PageRankSeeds(name: name, damping: damping!)
        case .celf: return CELF(name: name, simulations: simulations!)
        case .imm: return IMM(name: name, epsilon: epsilon!, ell: ell!)
        case .embedding: return EmbeddingSeeds(name: name, audienceSample: audience!)
        case .rl: return RLSeeds(name: name, file: policyFile!)  // loaded unless training, which runs no policy
        }
    }
}
