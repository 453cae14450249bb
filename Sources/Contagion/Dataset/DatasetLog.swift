/// The ``InteractionLog`` of `contagion generate`: stamps each interaction with a time, adds
/// ratings after purchases, writes `interactions.csv` and the RecBole `.inter` file a step
/// at a time, and tallies the dataset's statistics.
///
/// Every exposure gets a uniform second within its step, shared by what follows from it
/// (click, purchase, rating, share), so the files are in time order and causes come before
/// their effects; a share at step `t` exposes followers at step `t + 1`. Memory holds one
/// step's interactions at most.
struct DatasetLog: InteractionLog {
    /// One row of `interactions.csv` before it is written.
    private struct Row {
        var time: Int64
        var order: Int32
        var interaction: Interaction
        var stars: Int8
    }

    private(set) var tally: DatasetTally
    /// The first write error; writing stops at it and the generator reports it.
    private(set) var failure: (any Error)?
    private let truth: FeedClickModel
    private let ratings: RatingModel
    private let settings: DatasetSettings
    private let names: [String]
    private let interactionsFile: CSVWriter
    private let clicksFile: CSVWriter
    private var rng: Xoshiro256StarStar
    private var rows: [Row] = []
    private var exposureTime: Int64 = 0
    private var exposureDecile = 0
    private var exposureClick: Int?
    private let progress: ((Int, Int) -> Void)?

    /// The columns of `interactions.csv`.
    static let columns = ["timestamp", "user", "item", "action", "rating", "sentiment", "channel", "source_user"]
    /// The typed header of the RecBole `.inter` file (one row per click).
    static let recBoleColumns = ["user_id:token", "item_id:token", "rating:float", "timestamp:float", "channel:token"]

    /// A log writing to `interactionsFile` and `clicksFile`; `progress` hears (step, interactions)
    /// after each step.
    init(
        world: World, truth: FeedClickModel, ratings: RatingModel, settings: DatasetSettings,
        interactionsFile: CSVWriter, clicksFile: CSVWriter, rng: Xoshiro256StarStar,
        progress: ((Int, Int) -> Void)?
    ) {
        tally = DatasetTally(userCount: world.users.count, catalogue: world.catalogue)
        self.truth = truth
        self.ratings = ratings
        self.settings = settings
        names = (0..<world.graph.nodeCount).map { world.graph.name(of: NodeID($0)) }
        self.interactionsFile = interactionsFile
        self.clicksFile = clicksFile
        self.rng = rng
        self.progress = progress
    }

    mutating func record(_ interaction: Interaction) {
        let user = Int(interaction.user)
        let item = Int(interaction.item)
        if interaction.action == .impression || interaction.channel == .seed {
            let stepStart = Int64(settings.startTime) + Int64(interaction.step) * Int64(settings.stepSeconds)
            exposureTime = stepStart + Int64(rng.nextIndex(below: settings.stepSeconds))
            exposureDecile = ratings.decile(of: truth.affinity(user: user, item: item))
            exposureClick = nil
        }
        if interaction.action == .click { exposureClick = rows.count }
        append(interaction, stars: 0)
        if interaction.action == .purchase,
            let stars = ratings.rating(affinity: truth.affinity(user: user, item: item), using: &rng)
        {
            var rating = interaction
            rating.action = .rating
            append(rating, stars: stars)
            tally.countRating(stars)
            if let click = exposureClick { rows[click].stars = Int8(stars) }
        }
    }

    private mutating func append(_ interaction: Interaction, stars: Int) {
        rows.append(Row(time: exposureTime, order: Int32(rows.count), interaction: interaction, stars: Int8(stars)))
        tally.count(interaction, decile: exposureDecile)
    }

    mutating func finishedStep(_ step: Int) {
        rows.sort { ($0.time, $0.order) < ($1.time, $1.order) }
        if failure == nil {
            do {
                for row in rows { try write(row) }
            } catch {
                failure = error
            }
        }
        rows.removeAll(keepingCapacity: true)
        progress?(step, tally.total)
    }

    /// Flushes and closes both files.
    func close() throws {
        try interactionsFile.close()
        try clicksFile.close()
    }

    private func write(_ row: Row) throws {
        let interaction = row.interaction
        let time = String(row.time)
        let user = names[Int(interaction.user)]
        let item = String(interaction.item)
        let rated = interaction.action == .rating
        try interactionsFile.writeRow([
            time, user, item, interaction.action.rawValue, rated ? String(row.stars) : "",
            rated ? RatingModel.sentiment(of: Int(row.stars)) : "", interaction.channel.rawValue,
            interaction.source >= 0 ? names[Int(interaction.source)] : "",
        ])
        if interaction.action == .click {
            try clicksFile.writeRow([user, item, String(row.stars), time, interaction.channel.rawValue])
        }
    }
}
