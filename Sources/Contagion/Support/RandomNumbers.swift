/// SplitMix64 (Steele, Lea & Flood 2014): a tiny generator used to seed and derive streams.
///
/// It passes BigCrush on its own, but Contagion uses it only to expand a 64-bit seed into
/// the state of ``Xoshiro256StarStar`` and to hash stream positions.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function: a bijective 64-bit hash.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman & Vigna 2018): the generator every simulation kernel draws from.
///
/// Four words of state, period 2²⁵⁶ − 1, about 1 ns per draw. Seeded through ``SplitMix64``
/// as its authors recommend, which is also what the C reference loop of `Docs/Performance.md` does.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0, s1, s2, s3: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    @inlinable @inline(__always)
    func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

extension RandomNumberGenerator {
    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable @inline(__always)
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in (0, 1], safe to pass to `log`.
    @inlinable @inline(__always)
    public mutating func nextOpenUnit() -> Double {
        Double((next() >> 11) + 1) * 0x1.0p-53
    }

    /// A uniform integer in 0..<bound by Lemire's multiply-shift (bias below 2⁻³²).
    @inlinable @inline(__always)
    public mutating func nextIndex(below bound: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: bound).multipliedFullWidth(by: next())).high)
    }

    /// `true` with probability `threshold / 2³²`, and always for `UInt32.max`: the 32-bit
    /// Bernoulli trial the kernels use (see ``bernoulliThreshold(_:)``).
    @inlinable @inline(__always)
    public mutating func bernoulli(threshold: UInt32) -> Bool {
        (UInt32(truncatingIfNeeded: next() >> 32) < threshold) || threshold == .max
    }
}

/// Converts a probability to the 32-bit threshold that ``RandomNumberGenerator/bernoulli(threshold:)``
/// compares against: `⌊p·2³²⌋`, with 1 (and anything within 2⁻³² of it) mapped to
/// `UInt32.max`, which means *certain*, so that p = 0 and p = 1 are exact.
@inlinable
public func bernoulliThreshold(_ probability: Double) -> UInt32 {
    let scaled = (probability * 4_294_967_296.0).rounded(.down)
    if !(scaled > 0) { return 0 }
    return scaled >= 4_294_967_295.0 ? UInt32.max : UInt32(scaled)
}

/// The probability a ``bernoulliThreshold(_:)`` stands for: `threshold / 2³²`, and 1 for
/// `UInt32.max`.
@inlinable @inline(__always)
public func thresholdProbability(_ threshold: UInt32) -> Double {
    threshold == .max ? 1 : Double(threshold) * 0x1p-32
}
