import Foundation
import Testing

@testable import Contagion

/// The funnel's per-pair probabilities against the world's own affinities and the formulas.
@Suite struct FeedClickModelTests {
    @Test(arguments: AffinityMeasure.allCases)
    func probabilitiesFollowTheFormulasOnTheWorldsAffinities(measure: AffinityMeasure) {
        let world = Fixture.world(Fixture.star(leaves: 30))
        var parameters = ContentAwareParameters()
        parameters.affinity = measure
        let model = FeedClickModel(world: world, parameters: parameters)
        func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        for item in 0..<world.catalogue.count {
            let affinities = world.affinities(to: item, measure: measure)
            let q = Double(world.catalogue.appeal[item])
            for user in 0..<world.users.count {
                let c = Double(affinities[user])
                #expect(abs(model.affinity(user: user, item: item) - c) < 1e-6)
                let click = sigmoid(
                    parameters.clickIntercept + parameters.clickAffinity * c + parameters.clickAppeal * q)
                #expect(abs(model.recommendedClickProbability(user: user, item: item) - click) < 1e-6)
                let share =
                    Double(world.users.sharePropensity[user])
                    * sigmoid(parameters.shareIntercept + parameters.shareAffinity * c)
                #expect(abs(model.shareProbability(user: user, item: item) - share) < 1e-6)
            }
        }
    }
}
