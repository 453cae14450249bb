/// A binary max-heap: ``pop()`` returns the element that ranks first by `ranksBefore`.
///
/// - Complexity: O(log count) per push and pop.
struct PriorityQueue<Element: Sendable>: Sendable {
    private var elements: [Element] = []
    private let ranksBefore: @Sendable (Element, Element) -> Bool

    /// A queue holding `elements`, built in O(count), ordered by `ranksBefore` (a strict weak
    /// order: `true` when the first comes out first).
    init(_ elements: [Element], ranksBefore: @escaping @Sendable (Element, Element) -> Bool) {
        self.elements = elements
        self.ranksBefore = ranksBefore
        for index in stride(from: elements.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    /// Adds `element`.
    mutating func push(_ element: Element) {
        elements.append(element)
        var child = elements.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard ranksBefore(elements[child], elements[parent]) else { break }
            elements.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the first element.
    mutating func pop() -> Element? {
        guard !elements.isEmpty else { return nil }
        elements.swapAt(0, elements.count - 1)
        let top = elements.removeLast()
        if !elements.isEmpty { siftDown(0) }
        return top
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var best = parent
            let left = 2 * parent + 1
            if left < elements.count && ranksBefore(elements[left], elements[best]) { best = left }
            if left + 1 < elements.count && ranksBefore(elements[left + 1], elements[best]) { best = left + 1 }
            if best == parent { return }
            elements.swapAt(parent, best)
            parent = best
        }
    }
}
