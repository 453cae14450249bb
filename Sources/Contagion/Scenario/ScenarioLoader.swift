import Foundation

/// Reads scenario files: JSON5 text, `--set` overrides, then the typed schema.
public enum ScenarioLoader {
    /// Loads and checks the scenario at `path`, applying `overrides` (`key.path`, value text)
    /// in order.
    ///
    /// - Parameter readsPolicyFiles: whether `rl` policies read their files now (`contagion
    ///   train`, which writes such a file, loads its scenario without).
    /// - Throws: ``ScenarioError`` naming the file and key path.
    public static func load(path: String, overrides: [(String, String)] = [], readsPolicyFiles: Bool = true) throws
        -> Scenario
    {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ScenarioError(file: path, keyPath: "", message: exists ? "cannot be read" : "no such file")
        }
        return try decode(data, path: path, overrides: overrides, readsPolicyFiles: readsPolicyFiles)
    }

    /// Decodes the scenario text `data`, as read from `path` (which names the file in errors,
    /// gives the default name and resolves relative paths).
    ///
    /// - Throws: ``ScenarioError`` naming `path` and the key path or line:column.
    public static func decode(
        _ data: Data, path: String, overrides: [(String, String)] = [], readsPolicyFiles: Bool = true
    ) throws -> Scenario {
        do {
            var tree: JSONValue
            do {
                tree = try JSON5Parser.parse(Array(data))
            } catch {
                throw ScenarioError(file: "\(path):\(error.line):\(error.column)", keyPath: "", message: error.message)
            }
            for (keyPath, text) in overrides {
                tree = try tree.setting(keyPath, to: JSONValue.parseLiteral(text))
            }
            if let keyPath = tree.nonFiniteNumberPath() {
                throw ScenarioError(keyPath: keyPath, message: "must be a finite number")
            }
            let decoder = JSONDecoder()
            decoder.userInfo[Scenario.defaultNameKey] =
                URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            decoder.userInfo[Scenario.baseDirectoryKey] = URL(fileURLWithPath: path).deletingLastPathComponent().path
            decoder.userInfo[Scenario.readsPolicyFilesKey] = readsPolicyFiles
            return try decoder.decode(Scenario.self, from: JSONEncoder().encode(tree))
        } catch var error as ScenarioError {
            error.file = error.file ?? path
            throw error
        } catch let error as DecodingError {
            var mapped = scenarioError(error)
            mapped.file = path
            throw mapped
        }
    }

    /// Turns Foundation's decoding errors into one-line key-path messages.
    static func scenarioError(_ error: DecodingError) -> ScenarioError {
        switch error {
        case .typeMismatch(let type, let context):
            let found = context.debugDescription.range(of: "found ").map {
                context.debugDescription[$0.lowerBound...].replacingOccurrences(of: " instead.", with: "")
            }
            return ScenarioError(at: context.codingPath, "expected \(typeName(type))" + (found.map { ", \($0)" } ?? ""))
        case .keyNotFound(let key, let context):
            return ScenarioError(at: context.codingPath + [key], "is required but missing")
        case .valueNotFound(let type, let context):
            return ScenarioError(at: context.codingPath, "expected \(typeName(type)), found null")
        case .dataCorrupted(let context):
            return ScenarioError(at: context.codingPath, context.debugDescription)
        @unknown default:
            return ScenarioError(keyPath: "", message: "\(error)")
        }
    }

    /// How an error message names what a key expects.
    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type: return "an integer"
        case is UInt64.Type: return "a non-negative integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is String.Type: return "a string"
        case is [Int].Type: return "a list of integers"
        case is [String].Type: return "a list of strings"
        default:
            return "\(type)".hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
