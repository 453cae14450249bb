import Foundation

/// A cascade drawn as a tree (a forest, with several seeds): each user a dot, one row per
/// step from the seeds at the top, an edge from the user whose share reached it; the leaves
/// are spread evenly and every parent sits above the middle of its children.
///
/// Every user is a `<circle class="node" data-user data-parent data-step>`.
public struct TreeDiagram: Sendable {
    /// One user of the cascade: its name, the index of its parent in the list (`nil` for a
    /// seed) and its step.
    public struct Node: Sendable, Equatable {
        /// The user's name.
        public var user: String
        /// The index of the node whose share reached it (`nil`: a seed).
        public var parent: Int?
        /// The step it was reached in.
        public var step: Int

        /// The user `user`, reached from node `parent` at `step`.
        public init(user: String, parent: Int?, step: Int) {
            self.user = user
            self.parent = parent
            self.step = step
        }
    }

    /// The chart's title.
    public var title: String
    /// The users, every parent before its children.
    public var nodes: [Node]

    /// A tree titled `title`.
    public init(title: String, nodes: [Node]) {
        self.title = title
        self.nodes = nodes
    }

    /// The chart as one `<svg>` element.
    public func svg() -> String {
        var children = [[Int]](repeating: [], count: nodes.count)
        // A parent must come before its children; a node naming any other is drawn as a root.
        let parents = nodes.indices.map { index in nodes[index].parent.flatMap { $0 >= 0 && $0 < index ? $0 : nil } }
        for (index, parent) in parents.enumerated() { if let parent { children[parent].append(index) } }
        // Leaves in depth-first order get the x slots 0, 1, …; a parent the mean of its children's.
        var slot = [Double](repeating: 0, count: nodes.count)
        var nextLeaf = 0.0
        func place(_ index: Int) {
            guard !children[index].isEmpty else {
                slot[index] = nextLeaf
                nextLeaf += 1
                return
            }
            for child in children[index] { place(child) }
            slot[index] = children[index].map { slot[$0] }.reduce(0, +) / Double(children[index].count)
        }
        for index in nodes.indices where parents[index] == nil { place(index) }
        let depth = (nodes.map(\.step).max() ?? 0) + 1
        let frame = ChartFrame(height: max(160, 34 + 30 + Double(depth) * 36), title: title)
        let columns = max(nextLeaf - 1, 1)
        let x = { (index: Int) in frame.x(nextLeaf <= 1 ? 0.5 : slot[index] / columns) }
        let y = { (index: Int) in frame.plotY.lowerBound + 8 + Double(self.nodes[index].step) * 36 }
        var edges = ""
        var dots = ""
        for (index, node) in nodes.enumerated() {
            if let parent = parents[index] {
                edges += frame.line(x(parent), y(parent), x(index), y(index), colour: "#9aa5b1", width: 0.8)
            }
            dots += Markup.element(
                "circle",
                [
                    "class": "node", "cx": Markup.coordinate(x(index)), "cy": Markup.coordinate(y(index)),
                    "r": nodes.count > 150 ? "2.2" : "3.5",
                    "fill": parents[index] == nil ? Palette.colour(3) : Palette.colour(0),
                    "data-user": node.user, "data-parent": parents[index].map { nodes[$0].user } ?? "",
                    "data-step": String(node.step),
                ], Markup.element("title", [:], Markup.escape("\(node.user), step \(node.step)")))
        }
        var labels = ""
        for step in 0..<depth {
            labels += frame.text("step \(step)", x: 8, y: frame.plotY.lowerBound + 12 + Double(step) * 36)
        }
        return frame.svg(kind: "tree", labels + edges + dots)
    }
}
