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

    /// Whether the policy was trained with the embedding-similarity feature.
    public var usesEmbedding: Bool { policyFile?.training.usesEmbedding == true }
}
