/// User profiling for a generated dataset: k-means (or, under the Manhattan distance,
/// k-medians) segments of the users from what they did (and from their graph embedding), and
/// how well the segments recover the true communities.
///
/// A user's behaviour is the mean topic vector of the items they clicked; users with no click
/// have no behaviour and no segment. Embedding vectors are normalised to unit length first
/// (skip-gram geometry is cosine). Agreement is the normalised mutual information with the
/// communities, over the users segmented.
struct UserSegments {
    /// k.
    let clusters: Int
    /// Each user's behaviour segment, −1 without a click.
    let behaviour: [Int32]
    /// Users with a behaviour segment.
    let behaviourUsers: Int
    /// NMI(behaviour segments, communities) over those users.
    let behaviourAgreement: Double
    /// Each user's embedding segment, when the dataset has an embedding.
    let embedding: [Int32]?
    /// NMI(embedding segments, communities) over every user.
    let embeddingAgreement: Double?

    init(
        tally: DatasetTally, embedding: NodeEmbedding?, world: World, clusters: Int,
        distance: KMeans.Distance = .euclidean, streams: RandomStreams, threads: Int
    ) {
        let users = world.users
        let d = users.topicCount
        let active = (0..<users.count).filter { tally.userClicks[$0] > 0 }
        var points = [Float](repeating: 0, count: active.count * d)
        for (row, user) in active.enumerated() {
            let clicks = Float(tally.userClicks[user])
            for k in 0..<d { points[row * d + k] = tally.behaviour[user * d + k] / clicks }
        }
        var labels = [Int32](repeating: -1, count: users.count)
        var agreement = 0.0
        if !active.isEmpty {
            var rng = streams.generator(.dataset, 2, 0)
            let kMeans = KMeans(
                points: points, dimension: d, clusters: clusters, distance: distance, threads: threads, using: &rng)
            for (row, user) in active.enumerated() { labels[user] = kMeans.assignments[row] }
            agreement = normalizedMutualInformation(kMeans.assignments, active.map { users.communities[$0] })
        }
        self.clusters = clusters
        behaviour = labels
        behaviourUsers = active.count
        behaviourAgreement = agreement
        if let embedding {
            var rng = streams.generator(.dataset, 3, 0)
            let unit = embedding.normalised()
            let kMeans = KMeans(
                points: unit.vectors, dimension: unit.dimensions, clusters: clusters, distance: distance,
                threads: threads, using: &rng)
            self.embedding = kMeans.assignments
            embeddingAgreement = normalizedMutualInformation(kMeans.assignments, users.communities)
        } else {
            self.embedding = nil
            embeddingAgreement = nil
        }
    }
}
