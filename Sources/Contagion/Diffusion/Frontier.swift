/// The breadth-first queue shared by the one-shot models (independent cascade, linear
/// threshold, content-aware): a user activated in step `t` acts once, in step `t + 1`.
///
/// The queue holds every user activated in the run, in activation order; ``takeLayer()``
/// hands out the users activated in the previous step. Activation marks live in
/// ``RunStamps``, so starting a run costs O(1).
struct Frontier {
    private let active: RunStamps
    private let queue: UnsafeMutablePointer<NodeID>
    private var head = 0
    private var tail = 0

    /// A frontier over a workspace's marks and queue; call `active.beginRun()` first.
    init(active: RunStamps, queue: ScratchArray<NodeID>) {
        self.active = active
        self.queue = queue.base
    }

    /// Activates `node` unless it is already active; returns whether it was activated now.
    @inline(__always)
    mutating func activate(_ node: NodeID) -> Bool {
        guard active.mark(Int(node)) else { return false }
        queue[tail] = node
        tail &+= 1
        return true
    }

    /// Activates the seeds (a repeated seed counts once) in ascending id order, whatever the
    /// order they are listed in, and returns their queue positions. Every later layer is
    /// built in the order the one before it acts, so the whole run — counts, cascade tree
    /// and event order — depends on the seed *set* and the world only. Seeds given in
    /// ascending order (as the experiment passes them) cost no sort.
    mutating func activateSeeds(_ seeds: [NodeID]) -> Range<Int> {
        let start = tail
        var isAscending = true
        for seed in seeds where activate(seed) {
            if tail - start > 1 && queue[tail - 2] > seed { isAscending = false }
        }
        if !isAscending {
            var layer = UnsafeMutableBufferPointer(start: queue + start, count: tail - start)
            layer.sort()
        }
        return start..<tail
    }

    /// Whether `node` is active.
    @inline(__always)
    func isActive(_ node: Int) -> Bool { active.isMarked(node) }

    /// Whether users activated in the last step are waiting to act.
    var hasLayer: Bool { head < tail }

    /// Users activated since the last call and not yet acted: they can still spread.
    var pending: Int { tail - head }

    /// The queue positions of the users activated in the previous step; read them with
    /// ``user(at:)``. Users activated from now on form the next layer.
    @inline(__always)
    mutating func takeLayer() -> Range<Int> {
        defer { head = tail }
        return head..<tail
    }

    /// The user at queue position `index`.
    @inline(__always)
    func user(at index: Int) -> NodeID { queue[index] }
}
