import Testing

@testable import Contagion

@Suite struct RandomNumbersTests {
    /// A generator that returns the same word forever, to pin the conversions down exactly.
    struct ConstantGenerator: RandomNumberGenerator {
        var word: UInt64
        mutating func next() -> UInt64 { word }
    }
}

// MARK: - Published sequences

extension RandomNumbersTests {
    // Expected words from a 20-line Python transcription of the published C reference code
    // (Vigna's splitmix64.c and xoshiro256starstar.c, the latter seeded with four SplitMix64
    // outputs), run once and pasted here. SplitMix64(1234567) is also the test vector of
    // Java's SplittableRandom: 6457827717110365317 = 0x599E_D017_FB08_FC85.
    static let splitMixVectors: [(seed: UInt64, words: [UInt64])] = [
        (
            0,
            [
                0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC,
                0x1B39_896A_51A8_749B,
            ]
        ),
        (
            1_234_567,
            [
                0x599E_D017_FB08_FC85, 0x2C73_F084_5854_0FA5, 0x883E_BCE5_A3F2_7C77, 0x3FBE_F740_E917_7B3F,
                0xE3B8_3467_08CB_5ECD,
            ]
        ),
    ]

    static let xoshiroVectors: [(seed: UInt64, words: [UInt64])] = [
        (
            0,
            [
                0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0, 0x6AA5_94F1_262D_2D2C,
                0xBBA5_AD4A_1F84_2E59,
            ]
        ),
        (
            1_234_567,
            [
                0x30A3_A1C3_6360_0467, 0x1940_5F0F_5799_29CA, 0x115B_EAAC_046D_DBD9, 0xEB17_CAF4_8F27_D7F6,
                0xA0C9_4FE1_CCE9_D136,
            ]
        ),
    ]

    @Test(arguments: splitMixVectors.indices)
    func splitMix64MatchesTheReferenceImplementation(vector: Int) {
        let (seed, words) = Self.splitMixVectors[vector]
        var rng = SplitMix64(seed: seed)
        #expect((0..<words.count).map { _ in rng.next() } == words)
    }

    @Test(arguments: xoshiroVectors.indices)
    func xoshiro256StarStarMatchesTheReferenceImplementation(vector: Int) {
        let (seed, words) = Self.xoshiroVectors[vector]
        var rng = Xoshiro256StarStar(seed: seed)
        #expect((0..<words.count).map { _ in rng.next() } == words)
    }

    @Test func splitMixOutputIsTheMixOfTheAdvancedState() {
        var rng = SplitMix64(seed: 42)
        #expect(rng.next() == SplitMix64.mix(42 &+ 0x9E37_79B9_7F4A_7C15))
        #expect(rng.next() == SplitMix64.mix(42 &+ 2 &* 0x9E37_79B9_7F4A_7C15))
    }
}

// MARK: - Conversions

extension RandomNumbersTests {
    @Test func unitIntervalsAtTheExtremeWords() {
        var zero = ConstantGenerator(word: 0)
        var ones = ConstantGenerator(word: .max)
        #expect(zero.nextUnit() == 0)
        #expect(ones.nextUnit() == 1 - 0x1.0p-53)
        #expect(zero.nextOpenUnit() == 0x1.0p-53)
        #expect(ones.nextOpenUnit() == 1)
    }

    @Test func nextIndexAtTheExtremeWords() {
        var zero = ConstantGenerator(word: 0)
        var ones = ConstantGenerator(word: .max)
        var half = ConstantGenerator(word: 1 << 63)
        #expect(zero.nextIndex(below: 10) == 0)
        #expect(ones.nextIndex(below: 10) == 9)
        #expect(half.nextIndex(below: 10) == 5)
        #expect(ones.nextIndex(below: 1) == 0)
    }

    @Test(arguments: [1, 2, 3, 7, 1_000_003, Int(Int32.max), Int.max])
    func nextIndexStaysBelowTheBound(bound: Int) {
        var rng = Xoshiro256StarStar(seed: UInt64(truncatingIfNeeded: bound))
        for _ in 0..<5_000 {
            let index = rng.nextIndex(below: bound)
            #expect(index >= 0 && index < bound)
        }
    }

    /// Pearson's statistic over `bound` equally likely cells follows χ² with `bound − 1`
    /// degrees of freedom: mean ν, variance 2ν. The band is the mean plus 5 standard deviations.
    @Test(arguments: [2, 10, 37, 1000])
    func nextIndexIsUniform(bound: Int) {
        let draws = 200 * bound
        var counts = [Int](repeating: 0, count: bound)
        var rng = Xoshiro256StarStar(seed: 2024)
        for _ in 0..<draws { counts[rng.nextIndex(below: bound)] += 1 }
        let expected = Double(draws) / Double(bound)
        let chiSquare = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        let degrees = Double(bound - 1)
        #expect(chiSquare < degrees + 5 * (2 * degrees).squareRoot())
    }

    @Test func nextUnitHasTheUniformMean() {
        var rng = Xoshiro256StarStar(seed: 77)
        let draws = 100_000
        var sum = 0.0
        for _ in 0..<draws { sum += rng.nextUnit() }
        let standardError = (1.0 / 12 / Double(draws)).squareRoot()
        #expect(abs(sum / Double(draws) - 0.5) < 5 * standardError)
    }
}

// MARK: - Bernoulli trials

extension RandomNumbersTests {
    @Test func bernoulliThresholdZeroNeverSucceeds() {
        var rng = Xoshiro256StarStar(seed: 5)
        #expect((0..<10_000).allSatisfy { _ in !rng.bernoulli(threshold: 0) })
        var zero = ConstantGenerator(word: 0)
        let succeeded = zero.bernoulli(threshold: 0)
        #expect(!succeeded)
    }

    @Test func bernoulliThresholdMaxAlwaysSucceeds() {
        var rng = Xoshiro256StarStar(seed: 5)
        #expect((0..<10_000).allSatisfy { _ in rng.bernoulli(threshold: .max) })
        // The one word whose top half is not below UInt32.max.
        var ones = ConstantGenerator(word: .max)
        let succeeded = ones.bernoulli(threshold: .max)
        #expect(succeeded)
    }

    @Test func bernoulliComparesTheTopThirtyTwoBits() {
        var low = ConstantGenerator(word: 0x0000_0009_FFFF_FFFF)
        var high = ConstantGenerator(word: 0x0000_000A_0000_0000)
        let (lowSucceeded, highSucceeded) = (low.bernoulli(threshold: 10), high.bernoulli(threshold: 10))
        #expect(lowSucceeded)
        #expect(!highSucceeded)
    }

    @Test func bernoulliThresholdOfExactProbabilities() {
        #expect(bernoulliThreshold(0) == 0)
        #expect(bernoulliThreshold(1) == UInt32.max)
        #expect(bernoulliThreshold(0.5) == 1 << 31)
        #expect(bernoulliThreshold(0.25) == 1 << 30)
    }

    @Test func bernoulliThresholdOfOutOfRangeProbabilities() {
        #expect(bernoulliThreshold(-0.5) == 0)
        #expect(bernoulliThreshold(.nan) == 0)
        #expect(bernoulliThreshold(1.5) == UInt32.max)
        #expect(bernoulliThreshold(1 - 0x1.0p-40) == UInt32.max)
        #expect(bernoulliThreshold(0x1.0p-40) == 0)
    }

    @Test(arguments: [0.01, 0.3, 0.5, 0.9])
    func bernoulliFrequencyMatchesTheProbability(probability: Double) {
        let trials = 50_000
        let threshold = bernoulliThreshold(probability)
        var rng = Xoshiro256StarStar(seed: 99)
        var successes = 0
        for _ in 0..<trials where rng.bernoulli(threshold: threshold) { successes += 1 }
        let standardError = (probability * (1 - probability) / Double(trials)).squareRoot()
        #expect(abs(Double(successes) / Double(trials) - probability) < 5 * standardError)
    }
}
