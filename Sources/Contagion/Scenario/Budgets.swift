/// A seed budget `k`: one number, or a list to sweep (`k: [1, 5, 10, 20, 50]`).
///
/// Each budget in a sweep is a separate arm of the comparison: the policy chooses its seeds
/// again for every `k`, so its selection time is that of choosing `k` seeds.
public struct Budgets: Codable, Sendable, Equatable, ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral {
    /// The budgets, in the order listed; distinct, each ≥ 1.
    public var values: [Int]

    /// One budget.
    public init(integerLiteral value: Int) { values = [value] }

    /// A sweep.
    public init(arrayLiteral elements: Int...) { values = elements }

    public init(from decoder: any Decoder) throws {
        let found = try JSONValue(from: decoder)
        switch found {
        case .integer(let k): values = [Int(k)]
        case .array(let list) where list.allSatisfy({ if case .integer = $0 { true } else { false } }):
            values = list.map { if case .integer(let k) = $0 { Int(k) } else { 0 } }
        default:
            throw ScenarioError(
                at: decoder.codingPath, "expected an integer or a list of integers, got \(found.jsonText)")
        }
        guard !values.isEmpty else {
            throw ScenarioError(at: decoder.codingPath, "must list at least one budget, got []")
        }
        if let bad = values.first(where: { $0 < 1 }) {
            throw ScenarioError(at: decoder.codingPath, "must be ≥ 1, got \(bad)")
        }
        if let twice = values.indices.first(where: { values[..<$0].contains(values[$0]) }) {
            throw ScenarioError(at: decoder.codingPath, "lists budget \(values[twice]) twice")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if values.count == 1 { try container.encode(values[0]) } else { try container.encode(values) }
    }

    /// The largest budget (0 for an empty list, which decoding refuses).
    public var largest: Int { values.reduce(0, max) }
}
