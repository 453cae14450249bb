/// One possible world of a cascade: every random decision a kernel makes, as a pure function
/// of the world's key and of what the decision concerns (an arc, a node, a step, a count).
///
/// Replicate `r` of every arm runs in the same world, so two seed sets are compared on the
/// same live arcs, thresholds, online draws and clicks (common random numbers that actually
/// couple): the same seed set in any order gives the same cascade, and two sets that share
/// most seeds give nearly the same spread in every replicate. Nothing is drawn from a stream
/// consumed in cascade order.
///
/// A draw is wyrand's output function (Wang Yi's generator, which passes BigCrush and
/// PractRand) applied to the Weyl sequence `s = key + index·γ`: `hi ⊕ lo` of the 128-bit
/// product `s·(s ⊕ c)`. That is the `index`-th output of a wyrand stream started at `key`, so
/// a draw has that generator's quality, costs one multiplication, and does not depend on the
/// order draws are asked for. ``aspect(_:)`` and ``subworld(_:)`` derive the keys of
/// independent families (one per kind of decision, one per step) with SplitMix64's mixer.
public struct PossibleWorld: Sendable, Equatable {
    /// The world's key; every draw is a function of it.
    public let key: UInt64

    /// The world with key `key`.
    public init(key: UInt64) { self.key = key }

    /// A fresh world drawn from `rng`: for runs that need no coupling (spread estimates,
    /// benchmarks, training episodes).
    public init<Generator: RandomNumberGenerator>(using rng: inout Generator) { key = rng.next() }

    /// The kinds of decision a kernel makes; each draws from its own independent family.
    public enum Aspect: UInt64, Sendable {
        /// Whether an arc transmits (independent cascade, per arc; SIR/SIS, per arc and step).
        case transmission = 1
        /// A node's own decisions: its LT threshold, its live out-arcs under geometric skipping.
        case node = 2
        /// Recovery of an infected node (SIR/SIS, per node and step).
        case recovery = 3
        /// Whether a user is online (content-aware and feed, per user and step).
        case online = 4
        /// Whether an exposure is clicked.
        case click = 5
        /// Whether a click becomes a purchase (per user and click).
        case purchase = 6
        /// Whether a click becomes a share (per user and click).
        case share = 7
    }

    /// The independent family of draws for one kind of decision.
    @inlinable
    public func aspect(_ aspect: Aspect) -> PossibleWorld {
        PossibleWorld(key: SplitMix64.mix(key ^ (aspect.rawValue &* 0xD1B5_4A32_D192_ED03)))
    }

    /// The independent family of draws indexed by `index` (a step, a node, an item).
    @inlinable @inline(__always)
    public func subworld(_ index: Int) -> PossibleWorld {
        PossibleWorld(key: SplitMix64.mix(bits(index) ^ 0x5851_F42D_4C95_7F2D))
    }

    /// 64 random bits for decision `index`.
    @inlinable @inline(__always)
    public func bits(_ index: Int) -> UInt64 {
        let s = key &+ UInt64(truncatingIfNeeded: index) &* 0xA076_1D64_78BD_642F
        let product = s.multipliedFullWidth(by: s ^ 0xE703_7ED1_A0B4_28DB)
        return product.high ^ product.low
    }

    /// `true` with probability `threshold / 2³²` (always for `UInt32.max`), as
    /// ``RandomNumberGenerator/bernoulli(threshold:)``.
    @inlinable @inline(__always)
    public func bernoulli(_ index: Int, threshold: UInt32) -> Bool {
        UInt32(truncatingIfNeeded: bits(index) >> 32) < threshold || threshold == .max
    }

    /// A uniform double in [0, 1) for decision `index`.
    @inlinable @inline(__always)
    public func unit(_ index: Int) -> Double { Double(bits(index) >> 11) * 0x1.0p-53 }

    /// A uniform double in (0, 1] for decision `index`, safe to pass to `log`.
    @inlinable @inline(__always)
    public func openUnit(_ index: Int) -> Double { Double((bits(index) >> 11) + 1) * 0x1.0p-53 }

    /// A uniform integer in 0..<bound for decision `index` (Lemire's multiply-shift).
    @inlinable @inline(__always)
    public func index(_ index: Int, below bound: Int) -> Int {
        Int(truncatingIfNeeded: UInt64(truncatingIfNeeded: bound).multipliedFullWidth(by: bits(index)).high)
    }

    /// A generator whose whole sequence belongs to decision `index`: for a node's run of
    /// geometric skips over its out-arcs.
    @inlinable @inline(__always)
    public func stream(_ index: Int) -> SplitMix64 { SplitMix64(seed: bits(index)) }
}

extension RandomStreams {
    /// The world of replicate `replicate` for catalogue item `item`: the same for every arm,
    /// every policy and every listing order of the items.
    public func world(replicate: Int, item: Int) -> PossibleWorld {
        var rng = generator(.cascade, replicate, item)
        return PossibleWorld(using: &rng)
    }
}
