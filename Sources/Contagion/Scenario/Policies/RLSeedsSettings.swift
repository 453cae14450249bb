import Foundation

/// `type: rl`: ``RLSeeds``, a trained Q-network policy read from a ``PolicyFile``.
public struct RLSeedsSettings: SeedingPolicyEntry {
    public static let type = "rl"
    public static let summary = "greedy on a trained Q-network over (user, item) features (contagion train)"

    /// The policy file, as written (relative paths are relative to the scenario's folder).
    public var file: String
    /// The policy read from ``file`` when the scenario was loaded (`nil` if it was loaded
    /// without reading policy files, for `contagion train`).
    public var policyFile: PolicyFile?

    public enum CodingKeys: String, CodingKey, CaseIterable { case file }

    /// The policy in `file`, already read as `policyFile`.
    public init(file: String, policyFile: PolicyFile?) {
        self.file = file
        self.policyFile = policyFile
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        let base = decoder.userInfo[Scenario.baseDirectoryKey] as? String ?? "."
        let path = file.hasPrefix("/") ? file : URL(fileURLWithPath: base).appendingPathComponent(file).path
        if decoder.userInfo[Scenario.readsPolicyFilesKey] as? Bool ?? true {
            do { policyFile = try PolicyFile.read(path: path) } catch let error as PolicyFileError {
                throw ScenarioError(at: c.codingPath + [CodingKeys.file], error.description)
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
    }

    public func makePolicy(name: String) throws -> any SeedingPolicy {
        guard let policyFile else {
            throw ScenarioError(keyPath: "policies", message: "the rl policy '\(name)' was loaded without its file")
        }
        return RLSeeds(name: name, file: policyFile)
    }

    /// How the scenario's setting differs from the one recorded in the policy file: the model,
    /// the budget, the content mode (one item or a choice among several) and the rounds
    /// (the policy's own).
    public func playNotes(in scenario: Scenario, budgets: Budgets, rounds: Int, choosesItems: Bool) -> [String] {
        guard let policyFile else { return [] }
        let environment = policyFile.environment
        let training = policyFile.training
        var notes: [String] = []
        if let model = training.model, model != scenario.model.canonicalJSON {
            notes.append("trained under the model \(model), played under \(scenario.model.canonicalJSON)")
        } else if training.model == nil {
            notes.append("its file does not record the model it was trained under")
        }
        if budgets.values != [environment.budget] {
            let played = budgets.values.map(String.init).joined(separator: ", ")
            notes.append("trained for k = \(environment.budget), played at k = \(played)")
        }
        if let items = training.items, (items > 1) != choosesItems {
            notes.append(
                items > 1
                    ? "trained to choose each seed's item among \(items), played for one item at a time (content each)"
                    : "trained on one item, played choosing each seed's item among \(scenario.simulation.items.count)")
        }
        if environment.rounds != rounds {
            notes.append("trained to seed over \(environment.rounds) round(s), played over \(rounds)")
        }
        return notes
    }

    /// Whether the policy was trained with the embedding-similarity feature.
    public var usesEmbedding: Bool { policyFile?.training.usesEmbedding == true }
}
