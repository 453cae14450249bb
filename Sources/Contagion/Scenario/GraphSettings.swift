/// The `graph` section: where the social graph comes from.
///
/// `type` picks the source; each type takes its own keys (see `Docs/Scenarios.md`). Keys not
/// listed for the type are errors.
public struct GraphSettings: Codable, Sendable, Equatable {
    /// The graph sources.
    public enum Source: String, Codable, Sendable, CaseIterable {
        /// Erdős–Rényi G(n, p); keys `nodes`, `mean_degree`.
        case erdosRenyi = "erdos_renyi"
        /// Barabási–Albert preferential attachment; keys `nodes`, `edges_per_node`.
        case barabasiAlbert = "barabasi_albert"
        /// Watts–Strogatz small world; keys `nodes`, `neighbours`, `rewiring`.
        case wattsStrogatz = "watts_strogatz"
        /// Stochastic block model; keys `block_sizes`, `p_in`, `p_out`.
        case stochasticBlockModel = "stochastic_block_model"
        /// Configuration model with power-law degrees; keys `nodes`, `exponent`, `min_degree`, `max_degree`.
        case configurationModel = "configuration_model"
        /// An edge-list file; keys `path`, `format`.
        case file
        /// A built-in data set; key `name`.
        case builtin
    }

    /// The graph source (required); it decides which other keys are allowed.
    public var type: Source
    /// Whether arcs are one-way; `nil` for built-in graphs (always undirected).
    public var directed: Bool?
    /// Number of nodes for `erdos_renyi` (≥ 1), `barabasi_albert` (≥ 2), `watts_strogatz` (≥ 3) and
    /// `configuration_model` (≥ 2), at most ``maximumNodes`` (default 1000).
    public var nodes: Int?
    /// `erdos_renyi`: expected out-degree (degree if undirected), in [0, nodes − 1] (default min(8, nodes − 1)).
    public var meanDegree: Double?
    /// `barabasi_albert`: edges each new node makes, in [1, nodes − 1] (default min(4, nodes − 1)).
    public var edgesPerNode: Int?
    /// `watts_strogatz`: the ring lattice's degree `k`, even, in [2, nodes − 1] (default 6, or the
    /// largest even number ≤ nodes − 1 if smaller).
    public var neighbours: Int?
    /// `watts_strogatz`: the probability of rewiring each lattice link, in [0, 1] (default 0.1).
    public var rewiring: Double?
    /// `stochastic_block_model`: nodes per block, a non-empty list of sizes ≥ 1 (default four blocks of 250).
    public var blockSizes: [Int]?
    /// `stochastic_block_model`: edge probability of a pair in the same block, in [0, 1] (default 0.05).
    public var pIn: Double?
    /// `stochastic_block_model`: edge probability of a pair in different blocks, in [0, 1] (default 0.002).
    public var pOut: Double?
    /// `configuration_model`: the power-law exponent of the degree distribution, > 1 (default 2.5).
    public var exponent: Double?
    /// `configuration_model`: the smallest degree drawn, ≥ 1 (default 2).
    public var minDegree: Int?
    /// `configuration_model`: the largest degree drawn, ≥ `minDegree` (default max(`minDegree`, ⌊√nodes⌋)).
    public var maxDegree: Int?
    /// `file`: the edge list's path, relative to the scenario file's folder unless absolute (required).
    public var path: String?
    /// `file`: the edge list's text layout (default `auto`).
    public var format: EdgeListFormat?
    /// `builtin`: which built-in graph (required).
    public var name: BuiltinGraph?
    /// Generated graphs: how tie strengths are drawn (default uniform in [0.1, 1]); `nil` for `file` and `builtin`.
    public var tieStrength: TieStrengthSettings?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, directed, nodes
        case meanDegree = "mean_degree"
        case edgesPerNode = "edges_per_node"
        case neighbours, rewiring
        case blockSizes = "block_sizes"
        case pIn = "p_in"
        case pOut = "p_out"
        case exponent
        case minDegree = "min_degree"
        case maxDegree = "max_degree"
        case path, format, name
        case tieStrength = "tie_strength"
    }

    private static func keys(for source: Source) -> [CodingKeys] {
        let generated: [CodingKeys] = [.type, .directed, .tieStrength]
        switch source {
        case .erdosRenyi: return generated + [.nodes, .meanDegree]
        case .barabasiAlbert: return generated + [.nodes, .edgesPerNode]
        case .wattsStrogatz: return generated + [.nodes, .neighbours, .rewiring]
        case .stochasticBlockModel: return generated + [.blockSizes, .pIn, .pOut]
        case .configurationModel: return generated + [.nodes, .exponent, .minDegree, .maxDegree]
        case .file: return [.type, .directed, .path, .format]
        case .builtin: return [.type, .name]
        }
    }

    /// The most nodes a graph may have (node ids are 32-bit).
    public static let maximumNodes = Int(Int32.max) - 1

    public init(from decoder: any Decoder) throws {
        let loose = try decoder.container(keyedBy: CodingKeys.self)
        type = try loose.decode(Source.self, forKey: .type)
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self, allowed: Self.keys(for: type))
        if type != .builtin { directed = try c.decode(.directed, default: false) }
        if type != .file && type != .builtin {
            tieStrength = try c.decode(.tieStrength, default: TieStrengthSettings())
        }
        switch type {
        case .erdosRenyi:
            nodes = try c.decode(.nodes, default: 1000, in: 1...Self.maximumNodes)
            meanDegree = try c.decode(.meanDegree, default: min(8.0, Double(nodes! - 1)), in: 0...Double(nodes! - 1))
        case .barabasiAlbert:
            nodes = try c.decode(.nodes, default: 1000, in: 2...Self.maximumNodes)
            edgesPerNode = try c.decode(.edgesPerNode, default: min(4, nodes! - 1), in: 1...(nodes! - 1))
        case .wattsStrogatz:
            nodes = try c.decode(.nodes, default: 1000, in: 3...Self.maximumNodes)
            neighbours = try c.decode(.neighbours, default: min(6, (nodes! - 1) / 2 * 2), in: 2...(nodes! - 1))
            try c.check(neighbours! % 2 == 0, .neighbours, "must be even", got: neighbours!)
            rewiring = try c.decode(.rewiring, default: 0.1, in: 0...1)
        case .stochasticBlockModel:
            blockSizes = try c.decode(.blockSizes, default: [250, 250, 250, 250])
            try c.check(
                !blockSizes!.isEmpty && blockSizes!.allSatisfy { $0 >= 1 }, .blockSizes,
                "must be a non-empty list of sizes ≥ 1", got: blockSizes!)
            pIn = try c.decode(.pIn, default: 0.05, in: 0...1)
            pOut = try c.decode(.pOut, default: 0.002, in: 0...1)
        case .configurationModel:
            nodes = try c.decode(.nodes, default: 1000, in: 2...Self.maximumNodes)
            exponent = try c.decode(.exponent, default: 2.5)
            try c.check(exponent! > 1, .exponent, "must be > 1", got: exponent!)
            minDegree = try c.decode(.minDegree, default: 2, atLeast: 1)
            maxDegree = try c.decode(
                .maxDegree, default: max(minDegree!, Int(Double(nodes!).squareRoot())), atLeast: minDegree!)
        case .file:
            path = try c.decode(String.self, forKey: .path)
            format = try c.decode(.format, default: .auto)
        case .builtin:
            name = try c.decode(BuiltinGraph.self, forKey: .name)
        }
    }
}

/// The `tie_strength` section of a generated graph: how `w_uv` is drawn.
public struct TieStrengthSettings: Codable, Sendable, Equatable {
    /// `constant`, `uniform` or `beta`.
    public var distribution: String
    /// `constant`: every tie's strength, in (0, 1] (default 1).
    public var value: Double?
    /// `uniform`: the lower bound, in (0, 1] (default 0.1).
    public var min: Double?
    /// `uniform`: the upper bound, in [`min`, 1] (default 1).
    public var max: Double?
    /// `beta`: the shape `α` > 0 (default 2).
    public var alpha: Double?
    /// `beta`: the shape `β` > 0 (default 5).
    public var beta: Double?

    enum CodingKeys: String, CodingKey, CaseIterable { case distribution, value, min, max, alpha, beta }

    /// The default: uniform in [0.1, 1].
    public init() {
        distribution = "uniform"
        min = 0.1
        max = 1
    }

    public init(from decoder: any Decoder) throws {
        let loose = try decoder.container(keyedBy: CodingKeys.self)
        distribution = try loose.decode(.distribution, default: "uniform")
        let allowed: [CodingKeys]
        switch distribution {
        case "constant": allowed = [.distribution, .value]
        case "uniform": allowed = [.distribution, .min, .max]
        case "beta": allowed = [.distribution, .alpha, .beta]
        default:
            throw ScenarioError(
                at: decoder.codingPath + [CodingKeys.distribution],
                "expected one of: constant, uniform, beta, got '\(distribution)'")
        }
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self, allowed: allowed)
        switch distribution {
        case "constant":
            value = try c.decode(.value, default: 1.0)
            try c.check(value! > 0 && value! <= 1, .value, "must be in (0, 1]", got: value!)
        case "uniform":
            min = try c.decode(.min, default: 0.1)
            try c.check(min! > 0 && min! <= 1, .min, "must be in (0, 1]", got: min!)
            max = try c.decode(.max, default: 1.0, in: min!...1)
        default:
            alpha = try c.decodePositive(.alpha, default: 2)
            beta = try c.decodePositive(.beta, default: 5)
        }
    }

    /// The distribution to draw from.
    public var distributionValue: TieStrengthDistribution {
        switch distribution {
        case "constant": return .constant(value!)
        case "uniform": return .uniform(min: min!, max: max!)
        default: return .beta(alpha: alpha!, beta: beta!)
        }
    }
}
