import Foundation

/// The parameters of the ``ContentAware`` model; defaults are documented in `Docs/Models.md`.
public struct ContentAwareParameters: Sendable, Equatable {
    /// Which rule gives the probability that an exposure leads to a click.
    public enum Variant: String, Sendable, Codable, CaseIterable {
        /// Logistic click, purchase and share stages.
        case funnel
        /// `P(u→v) = α·S(u,v)/D(v) + β·C(i,v)/N(v)` for adoption (click and share at once).
        case seedFormula = "seed_formula"
    }

    /// The click rule: the funnel or the seed formula (default `funnel`).
    public var variant = Variant.funnel
    /// How `c(v, i)` is measured.
    public var affinity = AffinityMeasure.cosine
    /// Click logit: intercept and weights of tie strength, affinity and appeal.
    public var clickIntercept = -3.0, clickTie = 2.0, clickAffinity = 3.0, clickAppeal = 1.0
    /// Purchase logit (given a click): intercept, affinity, appeal, and price (per unit, subtracted).
    public var purchaseIntercept = -1.5, purchaseAffinity = 2.0, purchaseAppeal = 1.0, purchasePrice = 0.02
    /// Share logit (given a click), scaled by the user's share propensity `s_v`.
    public var shareIntercept = 0.0, shareAffinity = 2.0
    /// `γ` in [0, 1]: the click probability is multiplied by `γ^e` after `e` earlier exposures.
    public var fatigue = 0.7
    /// `α`, `β` of the seed formula.
    public var alpha = 0.5, beta = 0.5

    /// The documented defaults.
    public init() {}
}

extension ContentAwareParameters {
    /// `p_click = σ(b₀ + b_tie·w + b_aff·c + b_app·q)`: the funnel's click probability for an
    /// exposure over a tie of strength `w` (0 for an exposure that no friend caused).
    public func clickProbability(tie: Double, affinity: Double, appeal: Double) -> Double {
        sigmoid(clickIntercept + clickTie * tie + clickAffinity * affinity + clickAppeal * appeal)
    }

    /// `p_buy = σ(d₀ + d_aff·c + d_app·q − d_price·price)`, given a click.
    public func purchaseProbability(affinity: Double, appeal: Double, price: Double) -> Double {
        sigmoid(purchaseIntercept + purchaseAffinity * affinity + purchaseAppeal * appeal - purchasePrice * price)
    }

    /// `p_share = s·σ(e₀ + e_aff·c)`, given a click, for a user of share propensity `s`.
    public func shareProbability(propensity: Double, affinity: Double) -> Double {
        propensity * sigmoid(shareIntercept + shareAffinity * affinity)
    }

    /// The seed formula `α·w/D + β·c/N`, clamped to [0, 1], for a user with attention `D`
    /// (summed in-tie strength) and `N` friends (in-degree).
    public func seedFormulaProbability(tie: Double, attention: Double, affinity: Double, friends: Double) -> Double {
        min(1, max(0, alpha * tie / attention + beta * affinity / friends))
    }

    private func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}

/// The content-aware social-commerce model: exposure → click → purchase and/or share.
///
/// A user `u` who shares item `i` at step `t` exposes each out-neighbour `v` at step `t + 1`,
/// if `v` is online in that step and has not shared `i` yet. Each user is online in a step
/// with probability `a_v`, one draw per (user, step), so a user offline in a step misses
/// every share of that step. On its `e`-th exposure (`e = 0, 1, …`), `v` clicks with
/// probability `p_click(u, v)·γ^e` (fatigue). A click leads to a purchase with probability
/// `p_buy(v)` (once per user) and, independently, to a share with probability `p_share(v)`;
/// a sharer exposes its own followers in the next step.
///
/// In a ``PossibleWorld``: online is draw `v` of the online family's step subworld, the
/// click over arc `a` is draw `a` of the click family (compared with the fatigued
/// probability), and the purchase and share after `v`'s `c`-th click are draws `(v, c)` of
/// their families.
///
/// Funnel variant, with `σ` the logistic function and `c = c(v, i)`:
/// - `p_click = σ(b₀ + b_tie·w_uv + b_aff·c + b_app·q_i)`
/// - `p_buy = σ(d₀ + d_aff·c + d_app·q_i − d_price·price_i)`
/// - `p_share = s_v·σ(e₀ + e_aff·c)`
///
/// Seed-formula variant: adoption (click and share together) has probability
/// `P(u→v) = α·w_uv/D(v) + β·c(v, i)/N(v)`, clamped to [0, 1], where `D(v)` is the summed tie
/// strength of `v`'s in-arcs (its attention budget) and `N(v)` its in-degree (friend count);
/// purchases follow `p_buy`.
///
/// Its arc-independent approximation is the independent cascade with
/// `p_uv = a_v·p_click(u, v)·p_share(v)` (``independentProbability(ofArc:)``): exact when
/// `γ = 1` and users are always online (`a_v = 1`) or never reached twice in one step;
/// otherwise fatigue and the shared online draw of a step couple the arcs into a user.
///
/// - Complexity: O(seeds + arcs out of sharers) per run; no allocation.
public struct ContentAware: DiffusionModel {
    /// The graph the cascade runs on.
    public let graph: Graph
    /// The item being shared.
    public let item: Int
    /// The item's price.
    public let price: Double
    /// The step limit `T`.
    public let maximumSteps: Int
    /// Online probability `a_v`, per user (threshold form).
    let online: [UInt32]
    /// `p_click(u, v)` per arc (threshold form).
    let click: [UInt32]
    /// `p_buy(v)` per user (threshold form).
    let purchase: [UInt32]
    /// `p_share(v)` per user (threshold form).
    let share: [UInt32]
    /// `γ^e` for e = 0…63.
    let fatiguePowers: [Double]

    /// Compiles the model for `item` in `world`.
    public init(world: World, item: Int, parameters: ContentAwareParameters, maximumSteps: Int) {
        let graph = world.graph
        let users = world.users
        let affinity = world.affinities(to: item, measure: parameters.affinity)
        let appeal = Double(world.catalogue.appeal[item])
        let price = world.catalogue.prices[item]
        self.graph = graph
        self.item = item
        self.price = price
        self.maximumSteps = maximumSteps
        online = users.activity.map { bernoulliThreshold(Double($0)) }
        purchase = affinity.map {
            bernoulliThreshold(parameters.purchaseProbability(affinity: Double($0), appeal: appeal, price: price))
        }
        switch parameters.variant {
        case .funnel:
            click = (0..<graph.arcCount).map { arc in
                bernoulliThreshold(
                    parameters.clickProbability(
                        tie: Double(graph.tieStrengths[arc]), affinity: Double(affinity[Int(graph.targets[arc])]),
                        appeal: appeal))
            }
            share = (0..<users.count).map {
                bernoulliThreshold(
                    parameters.shareProbability(
                        propensity: Double(users.sharePropensity[$0]), affinity: Double(affinity[$0])))
            }
        case .seedFormula:
            let attention = graph.inStrengths()
            let friends = graph.inDegrees()
            click = (0..<graph.arcCount).map { arc in
                let v = Int(graph.targets[arc])
                return bernoulliThreshold(
                    parameters.seedFormulaProbability(
                        tie: Double(graph.tieStrengths[arc]), attention: attention[v], affinity: Double(affinity[v]),
                        friends: Double(friends[v])))
            }
            share = [UInt32](repeating: .max, count: users.count)
        }
        fatiguePowers = (0..<64).map { pow(parameters.fatigue, Double($0)) }
    }

    /// The number of users, ``graph``'s node count.
    public var nodeCount: Int { graph.nodeCount }
    /// Always `content_aware`.
    public var name: String { "content_aware" }

    /// The arc-independent approximation's probability of `arc`: `a_v·p_click·p_share`.
    public func independentProbability(ofArc arc: Int) -> Double {
        let v = Int(graph.targets[arc])
        return [online[v], click[arc], share[v]].reduce(1.0) { $0 * thresholdProbability($1) }
    }

    /// Whether the arc-independent form is exact: no fatigue and every user always online.
    public var isArcIndependent: Bool {
        fatiguePowers.allSatisfy { $0 == 1 } && online.allSatisfy { $0 == .max }
    }

    /// The independent cascade with `p_uv = a_v·p_click(u, v)·p_share(v)`.
    public func liveEdgeModel() -> LiveEdgeModel {
        LiveEdgeModel(independentArcsOf: graph, maximumSteps: maximumSteps, approximation: liveEdgeApproximation) {
            bernoulliThreshold(independentProbability(ofArc: $0))
        }
    }

    /// Exact only with no fatigue and every user always online (the online draw is shared by
    /// all shares a user sees in one step).
    public var liveEdgeApproximation: String? {
        isArcIndependent ? nil : "content_aware: fatigue and the per-step online draw are not arc-independent"
    }

    /// `p_buy(v)` per user (after a click) and the item's price.
    public var purchaseStage: PurchaseStage? {
        PurchaseStage(probabilities: purchase.map(thresholdProbability), price: price)
    }

    /// Scratch: per-user marks for each funnel stage, exposure counts, the queue.
    public struct Workspace {
        var active: RunStamps
        var exposed: RunStamps
        var clicked: RunStamps
        var purchased: RunStamps
        var exposures: ScratchArray<UInt8>
        /// Clicks so far per user (valid once the user has clicked): the index of the next
        /// click's purchase and share draws.
        var clicks: ScratchArray<UInt32>
        var queue: ScratchArray<NodeID>
    }

    public func makeWorkspace() -> Workspace {
        Workspace(
            active: RunStamps(count: nodeCount), exposed: RunStamps(count: nodeCount),
            clicked: RunStamps(count: nodeCount), purchased: RunStamps(count: nodeCount),
            exposures: ScratchArray(repeating: 0, count: nodeCount),
            clicks: ScratchArray(repeating: 0, count: nodeCount),
            queue: ScratchArray(repeating: 0, count: nodeCount))
    }

    public func run<Observer: CascadeObserver>(
        seeds: [NodeID], workspace: inout Workspace, observer: inout Observer, world: PossibleWorld
    ) {
        workspace.active.beginRun()
        workspace.exposed.beginRun()
        workspace.clicked.beginRun()
        workspace.purchased.beginRun()
        let exposed = workspace.exposed
        let clicked = workspace.clicked
        let purchased = workspace.purchased
        let exposures = workspace.exposures.base
        let clicks = workspace.clicks.base
        let onlineFamily = world.aspect(.online)
        let clickDraws = world.aspect(.click)
        let purchaseDraws = world.aspect(.purchase)
        let shareDraws = world.aspect(.share)
        var frontier = Frontier(active: workspace.active, queue: workspace.queue)
        for index in frontier.activateSeeds(seeds) {
            let seed = frontier.user(at: index)
            if exposed.mark(Int(seed)) { exposures[Int(seed)] = 0 }
            if Observer.recordsFunnel { observer.exposed(seed, source: -1, step: 0) }
            observer.activated(seed, source: -1, step: 0)
        }
        var step = 0
        while frontier.hasLayer && step < maximumSteps {
            step += 1
            let onlineDraws = onlineFamily.subworld(step)
            var examined = 0
            for index in frontier.takeLayer() {
                let u = frontier.user(at: index)
                let start = graph.offsets[Int(u)]
                let end = graph.offsets[Int(u) + 1]
                examined &+= end &- start
                for arc in start..<end {
                    let v = Int(graph.targets[arc])
                    if frontier.isActive(v) { continue }
                    if !onlineDraws.bernoulli(v, threshold: online[v]) { continue }
                    var earlier = 0
                    if exposed.mark(v) {
                        exposures[v] = 1
                        if Observer.recordsFunnel { observer.exposed(NodeID(v), source: u, step: step) }
                    } else {
                        earlier = Int(exposures[v])
                        exposures[v] = UInt8(min(earlier + 1, 63))
                    }
                    let base = click[arc]
                    let threshold = earlier == 0 || base == 0 ? base : UInt32(Double(base) * fatiguePowers[earlier])
                    guard clickDraws.bernoulli(arc, threshold: threshold) else { continue }
                    if clicked.mark(v) {
                        clicks[v] = 0
                        if Observer.recordsFunnel { observer.clicked(NodeID(v), source: u, step: step) }
                    }
                    let clickIndex = v << 32 | Int(clicks[v])
                    clicks[v] &+= 1
                    if !purchased.isMarked(v) && purchaseDraws.bernoulli(clickIndex, threshold: purchase[v]) {
                        _ = purchased.mark(v)
                        if Observer.recordsFunnel {
                            observer.purchased(NodeID(v), source: u, step: step, price: price)
                        }
                    }
                    if shareDraws.bernoulli(clickIndex, threshold: share[v]) && frontier.activate(NodeID(v)) {
                        observer.activated(NodeID(v), source: u, step: step)
                    }
                }
            }
            observer.examined(arcs: examined)
            observer.finishedStep(step, infectious: frontier.pending)
        }
    }
}
