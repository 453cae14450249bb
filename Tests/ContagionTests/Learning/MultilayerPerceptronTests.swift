import Foundation
import Testing

@testable import Contagion

/// The network's backward pass against finite differences, and Adam against known behaviour.
@Suite struct MultilayerPerceptronTests {
    /// For `L = g · f(x)` with a random `g`, every parameter's analytic derivative matches the
    /// central difference `(L(θ + h) − L(θ − h)) / 2h` to 1e-6 relative.
    @Test(arguments: [[5, 1], [4, 8, 1], [6, 16, 16, 3]])
    func gradientsMatchFiniteDifferences(sizes: [Int]) {
        var rng = Xoshiro256StarStar(seed: UInt64(sizes.count))
        let network = MultilayerPerceptron(layerSizes: sizes, using: &rng)
        for _ in 0..<3 {
            let input = (0..<sizes[0]).map { _ in Distributions.normal(using: &rng) }
            let outputGradient = (0..<sizes.last!).map { _ in Distributions.normal(using: &rng) }
            var gradient = [Double](repeating: 0, count: network.parameters.count)
            network.accumulateGradient(
                activations: network.activations(input[...]), outputGradient: outputGradient, into: &gradient)
            func loss(_ parameters: [Double]) -> Double {
                let output = MultilayerPerceptron(layerSizes: sizes, parameters: parameters)(input[...])
                return zip(output, outputGradient).reduce(0) { $0 + $1.0 * $1.1 }
            }
            let h = 1e-6
            for index in network.parameters.indices {
                var plus = network.parameters
                var minus = network.parameters
                plus[index] += h
                minus[index] -= h
                let numeric = (loss(plus) - loss(minus)) / (2 * h)
                #expect(abs(numeric - gradient[index]) <= 1e-6 * max(1, abs(numeric)), "parameter \(index)")
            }
        }
    }

    @Test func theParameterCountFollowsTheLayerSizes() {
        var rng = Xoshiro256StarStar(seed: 1)
        #expect(MultilayerPerceptron(layerSizes: [3, 4, 2], using: &rng).parameters.count == 4 * 4 + 2 * 5)
        #expect(MultilayerPerceptron.parameterCount([3, 4, 2]) == 26)
    }

    /// Adam's first step moves every parameter by the learning rate against its gradient's
    /// sign (m̂/√v̂ = g/|g|); on a badly scaled quadratic it reaches the minimum.
    @Test func adamStepsAndConverges() {
        var adam = AdamOptimizer(parameterCount: 2, learningRate: 0.01)
        var x = [1.0, -2.0]
        adam.step(&x, gradient: [300, -0.003])
        #expect(abs(x[0] - 0.99) < 1e-9 && abs(x[1] - -1.99) < 1e-6)
        adam = AdamOptimizer(parameterCount: 2, learningRate: 0.05)
        x = [3, -4]
        for _ in 0..<3000 { adam.step(&x, gradient: [200 * (x[0] - 1), 0.02 * (x[1] + 2)]) }
        #expect(abs(x[0] - 1) < 1e-3 && abs(x[1] + 2) < 1e-2)
    }

    /// A network trained by Adam on squared error fits a nonlinear function (XOR of signs).
    @Test func aNetworkLearnsANonlinearFunction() {
        var rng = Xoshiro256StarStar(seed: 9)
        var network = MultilayerPerceptron(layerSizes: [2, 16, 1], using: &rng)
        var adam = AdamOptimizer(parameterCount: network.parameters.count, learningRate: 0.01)
        let points: [([Double], Double)] = [([1, 1], 0), ([-1, -1], 0), ([1, -1], 1), ([-1, 1], 1)]
        func meanSquaredError() -> Double {
            points.reduce(0) { $0 + pow(network($1.0[...])[0] - $1.1, 2) } / 4
        }
        for _ in 0..<2000 {
            var gradient = [Double](repeating: 0, count: network.parameters.count)
            for (input, target) in points {
                let activations = network.activations(input[...])
                network.accumulateGradient(
                    activations: activations, outputGradient: [(activations.last![0] - target) / 2], into: &gradient)
            }
            adam.step(&network.parameters, gradient: gradient)
        }
        #expect(meanSquaredError() < 1e-4)
    }
}
