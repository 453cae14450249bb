import Testing

@testable import Contagion

@Suite struct SampleSummaryTests {}

// MARK: - SampleSummary

extension SampleSummaryTests {
    /// By hand: mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32, variance 32/7,
    /// sd √(32/7) = 2.1380899…; half-width t₇·sd/√8 with t₇ = 2.364624 (the table's entry).
    @Test func summaryOfASmallSample() {
        let summary = SampleSummary([2, 4, 4, 4, 5, 5, 7, 9])
        let sd = (32.0 / 7).squareRoot()
        let halfWidth = 2.364624 * sd / 8.0.squareRoot()
        #expect(summary.count == 8)
        #expect(summary.mean == 5)
        #expect(abs(summary.standardDeviation - 2.138089935299395) < 1e-12)
        #expect(abs(summary.standardError - sd / 8.0.squareRoot()) < 1e-12)
        #expect(abs(summary.lower95 - (5 - halfWidth)) < 1e-12)
        #expect(abs(summary.upper95 - (5 + halfWidth)) < 1e-12)
    }

    @Test func summaryOfTwoValues() {
        // Mean 2, sd √2, half-width 12.706205·√2/√2.
        let summary = SampleSummary([1.0, 3.0])
        #expect(summary.mean == 2)
        #expect(abs(summary.standardDeviation - 2.0.squareRoot()) < 1e-12)
        #expect(abs(summary.upper95 - (2 + 12.706205)) < 1e-9)
        #expect(abs(summary.lower95 - (2 - 12.706205)) < 1e-9)
    }

    @Test func summaryOfAConstantSampleHasZeroWidth() {
        let summary = SampleSummary([Double](repeating: 3.25, count: 100))
        #expect(summary.mean == 3.25)
        #expect(summary.standardDeviation == 0)
        #expect(summary.lower95 == 3.25 && summary.upper95 == 3.25)
    }

    /// One observation says nothing about spread: the deviation and interval are NaN (empty
    /// in CSV), not a zero-width interval that looks certain.
    @Test func summaryOfOneValue() {
        let summary = SampleSummary([7.5])
        #expect(summary.count == 1)
        #expect(summary.mean == 7.5)
        #expect(summary.standardDeviation.isNaN)
        #expect(summary.lower95.isNaN && summary.upper95.isNaN)
        #expect(CSVWriter.format(summary.upper95) == "")
    }

    @Test func summaryOfNothing() {
        let summary = SampleSummary([Double]())
        #expect(summary.count == 0)
        #expect(summary.mean.isNaN)
        #expect(summary.standardDeviation.isNaN)
        #expect(summary.standardError.isNaN)
    }

    @Test func summaryIsStableForALargeOffset() {
        // The naive Σx² − n·mean² formula loses every digit here; Welford's does not.
        let summary = SampleSummary([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])
        #expect(summary.mean == 1e9 + 10)
        #expect(abs(summary.standardDeviation - 30.0.squareRoot()) < 1e-6)
    }
}

// MARK: - StudentT

extension SampleSummaryTests {
    /// Reference quantiles from `scipy.stats.t.ppf(0.975, df)`.
    static let quantiles: [(degreesOfFreedom: Int, quantile: Double)] = [
        (1, 12.706204736174694), (2, 4.302652729749462), (10, 2.228138851986274), (29, 2.045229642132703),
        (30, 2.0422724563012378), (31, 2.039513446396408), (100, 1.9839715185235518),
        (1000, 1.9623390808264083),
    ]

    @Test(arguments: quantiles.indices)
    func quantile975MatchesReferenceValues(index: Int) {
        let (degrees, reference) = Self.quantiles[index]
        #expect(abs(StudentT.quantile975(degreesOfFreedom: degrees) - reference) < 1e-5)
    }

    @Test func quantile975MatchesTheTextbookTable() {
        let table: [(Int, Double)] = [(1, 12.706), (10, 2.228), (30, 2.042), (31, 2.0395), (100, 1.984), (1000, 1.962)]
        for (degrees, value) in table {
            #expect(abs(StudentT.quantile975(degreesOfFreedom: degrees) - value) < 0.0006)
        }
    }

    @Test func quantile975DecreasesTowardTheNormalQuantile() {
        var previous = Double.infinity
        for degrees in 1...500 {
            let quantile = StudentT.quantile975(degreesOfFreedom: degrees)
            #expect(quantile < previous, "not decreasing at \(degrees) degrees of freedom")
            #expect(quantile > 1.959963984540054)
            previous = quantile
        }
        #expect(abs(StudentT.quantile975(degreesOfFreedom: 1_000_000) - 1.959963984540054) < 1e-5)
    }
}
