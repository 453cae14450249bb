import Foundation

/// `policy.json`: a trained seeding policy and how it was trained, versioned.
///
/// ```json
/// { "format": "contagion-rl-policy", "version": 1,
///   "features": ["log_out_degree", …], "layer_sizes": [15, 32, 32, 1], "parameters": [ … ],
///   "environment": { "budget": 10, "rounds": 1, "candidates": 50, "reward_sets": 20000 },
///   "training": { "scenario": "rl-static", "seed": 1, "episodes": 400, "uses_embedding": false, … } }
/// ```
///
/// Reading checks the format name, the version, that the features are the ones this build
/// computes (in order) and that the network's shape fits them.
public struct PolicyFile: Codable, Sendable, Equatable {
    /// The `format` value of every policy file.
    public static let formatName = "contagion-rl-policy"
    /// The version this build writes and reads.
    public static let currentVersion = 1

    /// How the policy was trained.
    public struct Training: Codable, Sendable, Equatable {
        /// The training scenario's name.
        public var scenario: String
        /// Its master seed.
        public var seed: UInt64
        /// Episodes run.
        public var episodes: Int
        /// The learner's hyper-parameters.
        public var learner: DeepQLearning.Parameters
        /// Whether the training graphs were embedded: a scenario playing the policy then
        /// trains its own graph's embedding for it.
        public var usesEmbedding: Bool
        /// The training scenario's `model` section, as compact JSON with sorted keys
        /// (``ModelSettings/canonicalJSON``); `nil` in files written before it was recorded.
        public var model: String?
        /// How many items each training episode offered (1: users only; more: the policy
        /// chose each seed's item); `nil` in files written before it was recorded.
        public var items: Int?
        /// What the rewards counted (`rl.objective`); `nil` in files written before it was
        /// recorded, which were trained on adopters.
        public var objective: SpreadObjective?

        enum CodingKeys: String, CodingKey {
            case scenario, seed, episodes, learner, model, items, objective
            case usesEmbedding = "uses_embedding"
        }

        /// A training record; see the properties.
        public init(
            scenario: String, seed: UInt64, episodes: Int, learner: DeepQLearning.Parameters, usesEmbedding: Bool,
            model: String? = nil, items: Int? = nil, objective: SpreadObjective? = nil
        ) {
            self.scenario = scenario
            self.seed = seed
            self.episodes = episodes
            self.learner = learner
            self.usesEmbedding = usesEmbedding
            self.model = model
            self.items = items
            self.objective = objective
        }
    }

    /// Always ``formatName``.
    public var format = Self.formatName
    /// Always ``currentVersion`` when written by this build.
    public var version = Self.currentVersion
    /// The feature names, in input order (``CandidateFeatures/names``).
    public var features = CandidateFeatures.names
    /// The Q-network's layer sizes.
    public var layerSizes: [Int]
    /// Its weights and biases.
    public var parameters: [Double]
    /// The environment the policy was trained in.
    public var environment: SeedingEnvironment.Configuration
    /// How it was trained.
    public var training: Training

    enum CodingKeys: String, CodingKey {
        case format, version, features
        case layerSizes = "layer_sizes"
        case parameters, environment, training
    }

    /// The file of a trained `policy`.
    public init(policy: QNetworkPolicy, environment: SeedingEnvironment.Configuration, training: Training) {
        layerSizes = policy.network.layerSizes
        parameters = policy.network.parameters
        self.environment = environment
        self.training = training
    }

    /// The policy it holds.
    public var policy: QNetworkPolicy {
        QNetworkPolicy(network: MultilayerPerceptron(layerSizes: layerSizes, parameters: parameters))
    }

    /// Reads and checks the policy file at `path`.
    ///
    /// - Throws: ``PolicyFileError`` naming the file and what is wrong with it.
    public static func read(path: String) throws -> PolicyFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PolicyFileError(
                path: path, message: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        let file: PolicyFile
        do { file = try JSONDecoder().decode(PolicyFile.self, from: data) } catch {
            throw PolicyFileError(path: path, message: "is not a policy file (\(Self.reason(error)))")
        }
        guard file.format == formatName else {
            throw PolicyFileError(path: path, message: "format is '\(file.format)', expected '\(formatName)'")
        }
        guard file.version == currentVersion else {
            throw PolicyFileError(
                path: path, message: "is version \(file.version); this build reads version \(currentVersion)")
        }
        guard file.features == CandidateFeatures.names else {
            throw PolicyFileError(
                path: path,
                message: "was trained on features [\(file.features.joined(separator: ", "))]; this build computes "
                    + "[\(CandidateFeatures.names.joined(separator: ", "))]")
        }
        guard file.layerSizes.count >= 2, file.layerSizes.first == CandidateFeatures.count, file.layerSizes.last == 1,
            file.layerSizes.allSatisfy({ $0 >= 1 }),
            file.parameters.count == MultilayerPerceptron.parameterCount(file.layerSizes),
            file.parameters.allSatisfy(\.isFinite)
        else {
            throw PolicyFileError(
                path: path,
                message: "layer_sizes \(file.layerSizes) and \(file.parameters.count) parameters do not make a "
                    + "network from \(CandidateFeatures.count) features to one value")
        }
        return file
    }

    /// The file's JSON text: pretty-printed, keys sorted.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Writes the file to `path` (``encoded()``), through a temporary name; a folder at `path`
    /// is refused, never removed.
    ///
    /// - Throws: ``OutputError`` if it cannot be written.
    public func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        do {
            try encoded().write(to: temporary)
            // rename(2) replaces an earlier file atomically and refuses a folder in the way.
            guard rename(temporary.path, url.path) == 0 else { throw OutputError.cannotWrite(path) }
        } catch {
            unlink(temporary.path)  // the temporary file only: unlink never removes a folder
            throw OutputError.cannotWrite(path)
        }
    }

    private static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        switch error {
        case .keyNotFound(let key, _): return "missing key '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case .dataCorrupted: return "not JSON"
        @unknown default: return "unreadable"
        }
    }
}

/// A policy file that cannot be used: missing, malformed, or made for another build.
public struct PolicyFileError: InputError, Equatable {
    /// The file's path.
    public var path: String
    /// What is wrong.
    public var message: String

    public var description: String { "\(path): \(message)" }
}
