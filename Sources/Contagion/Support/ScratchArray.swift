/// A fixed-size buffer of plain values for kernels' per-node scratch state.
///
/// This is the one place where Contagion's kernels hold raw memory: a kernel allocates its
/// scratch once per thread and then reads and writes it with no bounds checks, no
/// uniqueness checks and no reference counting in the loop. Indices are checked in debug
/// builds only. The raw pointer stays inside the module.
///
/// `@unchecked Sendable`: the array is shared between threads only where each thread writes
/// its own disjoint part (CELF's per-world distance rows), which the sharing site documents.
public final class ScratchArray<Element: BitwiseCopyable>: @unchecked Sendable {
    /// The buffer's start; valid for ``count`` elements while the array is alive.
    @usableFromInline let base: UnsafeMutablePointer<Element>
    /// Number of elements.
    public let count: Int

    /// Allocates `count` elements set to `value`.
    public init(repeating value: Element, count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: count)
    }

    deinit { base.deallocate() }

    /// The element at `index`.
    @inlinable
    public subscript(index: Int) -> Element {
        @inline(__always) get {
            assert(index >= 0 && index < count)
            return base[index]
        }
        @inline(__always) set {
            assert(index >= 0 && index < count)
            base[index] = newValue
        }
    }

    /// Sets every element to `value`.
    public func fill(with value: Element) { base.update(repeating: value, count: count) }
}

/// A per-run marker that makes "visited" sets O(1) to clear: a node is marked in the current
/// run when its stamp equals ``current``; starting a new run just increments it.
///
/// Kernels copy it into a local before their loop, so the stamp pointer and the current
/// stamp sit in registers.
public struct RunStamps {
    /// Keeps the stamp memory alive.
    private let storage: ScratchArray<UInt32>
    /// The stamps, one per node.
    @usableFromInline let base: UnsafeMutablePointer<UInt32>
    /// The current run's stamp.
    public private(set) var current: UInt32 = 0

    /// Stamps for `count` nodes, none marked.
    public init(count: Int) {
        storage = ScratchArray(repeating: 0, count: count)
        base = storage.base
    }

    /// Unmarks every node in O(1) (O(n) once every 2³² − 1 runs).
    public mutating func beginRun() {
        if current == UInt32.max {
            storage.fill(with: 0)
            current = 0
        }
        current += 1
    }

    /// Whether `node` is marked in this run.
    @inlinable @inline(__always)
    public func isMarked(_ node: Int) -> Bool { base[node] == current }

    /// Marks `node`; returns `false` if it was already marked.
    @inlinable @inline(__always)
    public func mark(_ node: Int) -> Bool {
        if base[node] == current { return false }
        base[node] = current
        return true
    }

    /// Unmarks `node`.
    @inlinable @inline(__always)
    public func unmark(_ node: Int) { base[node] = current &- 1 }
}
