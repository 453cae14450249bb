/// An output file or folder that could not be written.
public enum OutputError: InputError, Equatable {
    /// The path could not be created or written.
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path): return "\(path): cannot write output"
        }
    }
}
