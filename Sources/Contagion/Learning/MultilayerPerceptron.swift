/// A small multilayer perceptron: affine layers with ReLU between them and a linear output,
/// with a hand-written backward pass.
///
/// Layer `l` maps `a_{l−1}` (size `n_{l−1}`) to `z_l = W_l·a_{l−1} + b_l`, `a_l = max(0, z_l)`
/// except the last, `a_L = z_L`. Parameters are one flat array, layer by layer, each layer's
/// weights row-major (`n_l × n_{l−1}`) then its biases, so an optimiser sees one vector.
/// Weights start He-normal (`N(0, 2/n_{l−1})`, He et al. 2015), biases at zero.
///
/// - Complexity: O(Σ n_l·n_{l−1}) per forward or backward pass.
public struct MultilayerPerceptron: Sendable, Equatable, Codable {
    /// Sizes of the input, the hidden layers and the output, in order.
    public let layerSizes: [Int]
    /// Every weight and bias, layer by layer.
    public var parameters: [Double]

    /// A network with the given layer sizes and He-normal weights.
    ///
    /// - Precondition: at least an input and an output size, all ≥ 1.
    public init(layerSizes: [Int], using rng: inout Xoshiro256StarStar) {
        precondition(layerSizes.count >= 2 && layerSizes.allSatisfy { $0 >= 1 })
        self.layerSizes = layerSizes
        var parameters: [Double] = []
        for l in 1..<layerSizes.count {
            let scale = (2.0 / Double(layerSizes[l - 1])).squareRoot()
            parameters += (0..<(layerSizes[l] * layerSizes[l - 1])).map { _ in
                scale * Distributions.normal(using: &rng)
            }
            parameters += [Double](repeating: 0, count: layerSizes[l])
        }
        self.parameters = parameters
    }

    /// A network with the given sizes and parameters (as read from a file).
    ///
    /// - Precondition: `parameters.count == Self.parameterCount(layerSizes)`.
    public init(layerSizes: [Int], parameters: [Double]) {
        precondition(parameters.count == Self.parameterCount(layerSizes))
        self.layerSizes = layerSizes
        self.parameters = parameters
    }

    /// The number of weights and biases of a network with these layer sizes.
    public static func parameterCount(_ layerSizes: [Int]) -> Int {
        (1..<layerSizes.count).reduce(0) { $0 + layerSizes[$1] * (layerSizes[$1 - 1] + 1) }
    }

    /// The activations of every layer for one input (`activations[0]` is the input).
    public func activations(_ input: ArraySlice<Double>) -> [[Double]] {
        precondition(input.count == layerSizes[0])
        var layers = [Array(input)]
        var offset = 0
        for l in 1..<layerSizes.count {
            let rows = layerSizes[l]
            let columns = layerSizes[l - 1]
            let previous = layers[l - 1]
            let biases = offset + rows * columns
            var output = [Double](repeating: 0, count: rows)
            for row in 0..<rows {
                var sum = parameters[biases + row]
                let start = offset + row * columns
                for column in 0..<columns { sum += parameters[start + column] * previous[column] }
                output[row] = l == layerSizes.count - 1 ? sum : max(0, sum)
            }
            layers.append(output)
            offset = biases + rows
        }
        return layers
    }

    /// The network's output for one input.
    public func callAsFunction(_ input: ArraySlice<Double>) -> [Double] { activations(input)[layerSizes.count - 1] }

    /// Adds `∂(outputGradient · output)/∂parameters` at one input to `gradient`: the backward
    /// pass. Returns the gradient with respect to the input (for learned inputs, such as
    /// embeddings).
    ///
    /// - Parameters:
    ///   - activations: the input's activations, from ``activations(_:)``.
    ///   - outputGradient: the loss's gradient with respect to the output.
    ///   - gradient: accumulated in place (same layout as ``parameters``).
    @discardableResult
    public func accumulateGradient(
        activations: [[Double]], outputGradient: [Double], into gradient: inout [Double]
    ) -> [Double] {
        var delta = outputGradient
        var end = parameters.count
        for l in stride(from: layerSizes.count - 1, through: 1, by: -1) {
            let rows = layerSizes[l]
            let columns = layerSizes[l - 1]
            let biases = end - rows
            let weights = biases - rows * columns
            let previous = activations[l - 1]
            var previousDelta = [Double](repeating: 0, count: columns)
            for row in 0..<rows where delta[row] != 0 {
                gradient[biases + row] += delta[row]
                let start = weights + row * columns
                for column in 0..<columns {
                    gradient[start + column] += delta[row] * previous[column]
                    previousDelta[column] += delta[row] * parameters[start + column]
                }
            }
            // ReLU: the gradient passes where the hidden unit was active.
            if l > 1 { for column in 0..<columns where previous[column] <= 0 { previousDelta[column] = 0 } }
            delta = previousDelta
            end = weights
        }
        return delta
    }
}
