/// Dense `Float` vector kernels over raw pointers, eight lanes at a time.
///
/// Float reductions are not reassociated by the optimiser, so a plain loop's dot product runs
/// one lane at a time; these helpers accumulate in `SIMD8<Float>` explicitly. They multiply
/// and add rather than call `addProduct`, which the baseline x86-64 target (no FMA) turns into
/// one libm `fmaf` call per lane: skip-gram training measured 11× slower that way
/// (`contagion-bench --embedding --quick`, 84k → 927k words/s). The tail of a length that is
/// not a multiple of 8 is done one lane at a time.
public enum VectorMath {
    /// `Σ a[i]·b[i]` for `i` in `0..<count`.
    @inline(__always)
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var sum = SIMD8<Float>()
        var i = 0
        while i + 8 <= count {
            let x = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self)
            let y = UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Float>.self)
            sum += x * y
            i += 8
        }
        var total = sum.sum()
        while i < count {
            total += a[i] * b[i]
            i += 1
        }
        return total
    }

    /// `y[i] += scale·x[i]` for `i` in `0..<count`.
    @inline(__always)
    public static func addScaled(
        _ x: UnsafePointer<Float>, scale: Float, to y: UnsafeMutablePointer<Float>, count: Int
    ) {
        let factor = SIMD8<Float>(repeating: scale)
        var i = 0
        while i + 8 <= count {
            let xs = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
            var ys = UnsafeRawPointer(y + i).loadUnaligned(as: SIMD8<Float>.self)
            ys += xs * factor
            UnsafeMutableRawPointer(y + i).storeBytes(of: ys, as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            y[i] += scale * x[i]
            i += 1
        }
    }

    /// The cosine of the angle between two vectors (0 if either is zero).
    public static func cosine(_ a: ArraySlice<Float>, _ b: ArraySlice<Float>) -> Float {
        precondition(a.count == b.count)
        var dot: Float = 0
        var normA: Float = 0
        var normB: Float = 0
        for (x, y) in zip(a, b) {
            dot += x * y
            normA += x * x
            normB += y * y
        }
        return normA > 0 && normB > 0 ? dot / (normA.squareRoot() * normB.squareRoot()) : 0
    }
}
