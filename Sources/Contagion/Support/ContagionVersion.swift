/// The library's version, written into every manifest and report.
public enum ContagionVersion {
    /// Semantic version of this build.
    public static let string = "0.1.0"
}
