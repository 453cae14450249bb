/// The few places where the library relies on a value that cannot be missing, each stated
/// once: a failure here is a bug in the library, never bad input.

extension UnsafeMutableBufferPointer {
    /// The buffer's first element's address. An empty buffer has no address; it gets an
    /// aligned stand-in that is never dereferenced, since no index of it is valid.
    var start: UnsafeMutablePointer<Element> {
        // Safe unwrap: the alignment is never 0, so the bit pattern is never the null pointer.
        // swift-format-ignore: NeverForceUnwrap
        baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }
}

extension UnsafeBufferPointer {
    /// The buffer's first element's address (an aligned stand-in for an empty buffer, never
    /// dereferenced).
    var start: UnsafePointer<Element> {
        // Safe unwrap: the alignment is never 0, so the bit pattern is never the null pointer.
        // swift-format-ignore: NeverForceUnwrap
        baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }
}

extension CaseIterable where Self: Equatable {
    /// The case's position in `allCases` (for tables with one slot per case).
    var caseIndex: Int {
        guard let index = Self.allCases.firstIndex(of: self) else { preconditionFailure("a case not in allCases") }
        return Self.allCases.distance(from: Self.allCases.startIndex, to: index)
    }
}

extension Collection {
    /// The index of the first largest element by `areInIncreasingOrder`, for a collection
    /// that the caller knows is not empty.
    func indexOfFirstMaximum(by areInIncreasingOrder: (Element, Element) -> Bool) -> Index {
        var best = startIndex
        precondition(best != endIndex, "indexOfFirstMaximum of an empty collection")
        for index in indices where areInIncreasingOrder(self[best], self[index]) { best = index }
        return best
    }
}
