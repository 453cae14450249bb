/// Community detection by label propagation (Raghavan, Albert & Kumara 2007).
///
/// Every node starts in its own community; sweeps visit the nodes in a random order and move
/// each to the label most common among its neighbours (in- and out-arcs alike), ties broken
/// at random, until no node moves or `maximumSweeps` is reached. Labels are then renumbered
/// `0..<k` by first appearance. Used to give users a community when the graph has none.
///
/// - Complexity: O(n + arcs) per sweep, no hashing: neighbour labels are tallied in a dense
///   counter array.
public enum LabelPropagation {
    /// The community label of every node of `graph`.
    public static func communities(
        of graph: Graph, maximumSweeps: Int = 20, using rng: inout some RandomNumberGenerator
    ) -> [Int32] {
        let n = graph.nodeCount
        let reverse = ReverseGraph(graph)
        var labels = (0..<n).map { Int32($0) }
        var order = (0..<n).map { NodeID($0) }
        var tally = [Int](repeating: 0, count: n)
        var seen: [Int32] = []
        var best: [Int32] = []
        for _ in 0..<maximumSweeps {
            order.fisherYatesShuffle(using: &rng)
            var moved = false
            for node in order {
                seen.removeAll(keepingCapacity: true)
                func count(_ neighbour: NodeID) {
                    let label = labels[Int(neighbour)]
                    if tally[Int(label)] == 0 { seen.append(label) }
                    tally[Int(label)] += 1
                }
                graph.successors(of: node).forEach(count)
                reverse.predecessors(of: node).forEach(count)
                guard !seen.isEmpty else { continue }
                let top = seen.reduce(Int.min) { max($0, tally[Int($1)]) }
                best.removeAll(keepingCapacity: true)
                for label in seen where tally[Int(label)] == top { best.append(label) }
                for label in seen { tally[Int(label)] = 0 }
                let current = labels[Int(node)]
                if !best.contains(current) {
                    labels[Int(node)] = best[rng.nextIndex(below: best.count)]
                    moved = true
                }
            }
            if !moved { break }
        }
        var renumbered = [Int32](repeating: -1, count: n)
        var next: Int32 = 0
        return labels.map { label in
            if renumbered[Int(label)] < 0 {
                renumbered[Int(label)] = next
                next += 1
            }
            return renumbered[Int(label)]
        }
    }
}
