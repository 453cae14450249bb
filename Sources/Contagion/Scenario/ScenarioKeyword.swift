/// A closed set of names a scenario key accepts; decoding an unknown name fails with
/// `expected one of: …, got '…'` at the key's path.
public protocol ScenarioKeyword: RawRepresentable, CaseIterable, Codable where RawValue == String {}

extension ScenarioKeyword {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let text = try? container.decode(String.self) else {
            throw ScenarioError(at: decoder.codingPath, "expected one of: \(Self.choices), found a non-string value")
        }
        guard let value = Self(rawValue: text) else {
            throw ScenarioError(at: decoder.codingPath, "expected one of: \(Self.choices), got '\(text)'")
        }
        self = value
    }

    static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

extension GraphFileFormat: ScenarioKeyword {}
extension EdgeWeights: ScenarioKeyword {}
extension BuiltinGraph: ScenarioKeyword {}
extension UserSettings.CommunitySource: ScenarioKeyword {}

extension ContentAwareParameters.Variant: ScenarioKeyword {}
extension AffinityMeasure: ScenarioKeyword {}
extension SpreadObjective: ScenarioKeyword {}
extension ClickSimilarity: ScenarioKeyword {}
extension KMeans.Distance: ScenarioKeyword {}
extension SimulationSettings.ContentMode: ScenarioKeyword {}
extension ContentRule: ScenarioKeyword {}
