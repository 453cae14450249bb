import Contagion
import Dispatch
import Foundation

/// Ctrl-C and `kill`: the command stops, its unfinished files go, the earlier outputs stay.
enum Interrupts {
    /// On SIGINT and SIGTERM: remove every pending temporary file, say so in one line, and exit
    /// 130 or 143 (128 + the signal), the shell convention. Returns the signal sources, which
    /// must stay alive while the command runs.
    static func install() -> [any DispatchSourceSignal] {
        [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { signalNumber, name in
            // The default action would end the process before the files are removed.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                let removed = PendingFiles.removeAll()
                let clear = isatty(2) == 1 ? "\r\u{1B}[K" : ""
                let line =
                    "\(clear)interrupted (\(name)): removed \(removed) unfinished file(s); earlier outputs are as they were\n"
                FileHandle.standardError.write(Data(line.utf8))
                exit(128 + signalNumber)
            }
            source.resume()
            return source
        }
    }
}
