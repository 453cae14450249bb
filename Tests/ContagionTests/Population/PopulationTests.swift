import Testing

@testable import Contagion

@Suite struct PopulationTests {
    static let communities: [Int32] = (0..<600).map { Int32($0 % 3) }

    func users(homophily: Double, seed: UInt64 = 2) -> Users {
        var parameters = UserParameters()
        parameters.homophily = homophily
        var rng = Xoshiro256StarStar(seed: seed)
        return Users.generate(communities: Self.communities, parameters: parameters, using: &rng)
    }

    /// Mean cosine similarity of interest vectors within and between communities.
    func similarity(_ users: Users) -> (within: Double, between: Double) {
        func cosine(_ a: Int, _ b: Int) -> Double {
            let x = users.interests(of: a).map(Double.init)
            let y = users.interests(of: b).map(Double.init)
            let dot = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
            return dot / (x.reduce(0) { $0 + $1 * $1 }.squareRoot() * y.reduce(0) { $0 + $1 * $1 }.squareRoot())
        }
        var within: [Double] = []
        var between: [Double] = []
        for a in stride(from: 0, to: 600, by: 7) {
            for b in stride(from: 1, to: 600, by: 11) where a != b {
                (users.communities[a] == users.communities[b] ? { within.append($0) } : { between.append($0) })(
                    cosine(a, b))
            }
        }
        return (SampleSummary(within).mean, SampleSummary(between).mean)
    }

    @Test func interestsLieOnTheSimplex() {
        let u = users(homophily: 0.8)
        for user in 0..<u.count { #expect(abs(u.interests(of: user).reduce(0, +) - 1) < 1e-4) }
        #expect(u.communityCount == 3)
    }

    /// With homophily 1 users of one community are much more alike than users of different
    /// communities; with homophily 0 community makes no difference.
    @Test func homophilyMakesCommunitiesAlike() {
        let strong = similarity(users(homophily: 1))
        let none = similarity(users(homophily: 0))
        #expect(strong.within - strong.between > 0.2)
        #expect(abs(none.within - none.between) < 0.02)
    }

    /// Activity ~ Beta(4, 2) has mean 2/3; share propensity ~ Beta(2, 5) mean 2/7; 5 standard
    /// errors of the sample mean.
    @Test func betaAttributesHaveTheirMeans() {
        let u = users(homophily: 0.5)
        let activity = SampleSummary(u.activity.map(Double.init))
        let propensity = SampleSummary(u.sharePropensity.map(Double.init))
        #expect(abs(activity.mean - 2.0 / 3) < 5 * activity.standardError)
        #expect(abs(propensity.mean - 2.0 / 7) < 5 * propensity.standardError)
    }

    @Test func affinitiesAreCosinesOrDots() {
        let world = Fixture.world(Fixture.star(leaves: 9))
        let cosine = world.affinities(to: 2, measure: .cosine)
        let dot = world.affinities(to: 2, measure: .dot)
        let phi = world.catalogue.topics(of: 2).map(Double.init)
        for user in 0..<world.users.count {
            let theta = world.users.interests(of: user).map(Double.init)
            let expectedDot = zip(theta, phi).reduce(0) { $0 + $1.0 * $1.1 }
            let norms = theta.reduce(0) { $0 + $1 * $1 }.squareRoot() * phi.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(Double(dot[user]) - expectedDot) < 1e-5)
            #expect(abs(Double(cosine[user]) - expectedDot / norms) < 1e-5)
            #expect((0...1.0001).contains(Double(cosine[user])))
        }
    }

    @Test func catalogueItemsHaveTopicsPricesAndCategories() {
        var rng = Xoshiro256StarStar(seed: 5)
        var parameters = CatalogueParameters()
        parameters.count = 200
        let catalogue = Catalogue.generate(topicCount: 6, parameters: parameters, using: &rng)
        for item in 0..<200 {
            let topics = catalogue.topics(of: item)
            #expect(abs(topics.reduce(0, +) - 1) < 1e-4)
            #expect(topics[topics.startIndex + Int(catalogue.categories[item])] == topics.max())
            #expect(catalogue.prices[item] > 0 && (0...1).contains(catalogue.appeal[item]))
        }
    }
}
