/// An error caused by what the user gave: a scenario, an edge list, seed names, an output
/// folder. Its description is one line naming the file and the key path or line; the
/// command line reports it with exit code 2 (anything else is exit code 1).
public protocol InputError: Error, CustomStringConvertible {}
