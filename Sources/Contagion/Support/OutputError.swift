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
    /// error beneath Foundation's (Foundation's own out-of-space error read as ENOSPC).
    static func writing(_ path: String, _ error: any Error) -> OutputError {
        var error = error as NSError
        while error.domain != NSPOSIXErrorDomain, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
            error = underlying
        }
        let code: Int32? =
            switch (error.domain, error.code) {
            case (NSPOSIXErrorDomain, let code): Int32(code)
            case (NSCocoaErrorDomain, NSFileWriteOutOfSpaceError): ENOSPC
            default: nil
            }
        let reason = code.map { String(cString: strerror($0)) } ?? error.localizedDescription
        return .cannotWrite(path, reason: reason)
    }
}
