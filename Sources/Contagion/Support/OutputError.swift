/// An output file or folder that could not be written.
public enum OutputError: InputError, Equatable {
    /// The path could not be created or written.
    case cannotWrite(String)
    /// A folder stands where an output file belongs; it is never removed.
    case folderInTheWay(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path): return "\(path): cannot write output"
        case .folderInTheWay(let path):
            return "\(path): is a folder where an output file belongs; nothing was written or removed"
        }
    }
}
