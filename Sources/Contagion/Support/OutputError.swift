import Foundation

/// An output file or folder that could not be written.
public enum OutputError: InputError, Equatable {
    /// The path could not be created or written; `reason` is the system's, when known
    /// (`No space left on device`).
    case cannotWrite(String, reason: String? = nil)
    /// A folder stands where an output file belongs; it is never removed.
    case folderInTheWay(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write output" + (reason.map { " (\($0))" } ?? "")
        case .folderInTheWay(let path):
            return "\(path): is a folder where an output file belongs; nothing was written or removed"
        }
    }

    /// `path` could not be written because of `error`: the system's reason, from the POSIX
    /// error beneath Foundation's.
    static func writing(_ path: String, _ error: any Error) -> OutputError {
        var error = error as NSError
        while error.domain != NSPOSIXErrorDomain, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
            error = underlying
        }
        let reason =
            error.domain == NSPOSIXErrorDomain
            ? String(cString: strerror(Int32(error.code))) : error.localizedDescription
        return .cannotWrite(path, reason: reason)
    }
}
