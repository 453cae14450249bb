extension ExperimentResult {
    /// Adds a joint plan's campaign totals for `replicates`: per arm, recommender, model variant
    /// and replicate, one run under the variant's campaign target whose statistics are those of
    /// its items' runs taken together (``CascadeStatistics/init(campaign:)``), with their
    /// per-step counts summed and no events. The runs stay ordered by arm, recommender, target
    /// and replicate. Does nothing for a plan in content mode `each`.
    mutating func addCampaignTotals(plan: ExperimentPlan, replicates: Range<Int>) {
        guard plan.joint != nil else { return }
        struct Key: Hashable {
            var arm: Int, recommender: Int, target: Int, replicate: Int
        }
        var positions: [Key: Int] = [:]
        for (position, run) in runs.enumerated() where replicates.contains(run.replicate) {
            positions[
                Key(arm: run.arm, recommender: run.recommender, target: run.itemIndex, replicate: run.replicate)] =
                position
        }
        for arm in arms.indices {
            for recommender in 0..<recommenderCount {
                for (campaign, target) in plan.targets.enumerated() where target.isCampaign {
                    let members = plan.seededTargets(ofVariant: target.variant)
                    for replicate in replicates {
                        let parts = members.map { member in
                            guard
                                let position = positions[
                                    Key(arm: arm, recommender: recommender, target: member, replicate: replicate)]
                            else { preconditionFailure("every seeded target ran every replicate") }
                            return runs[position]
                        }
                        runs.append(
                            RunResult(
                                arm: arm, recommender: recommender, replicate: replicate, itemIndex: campaign,
                                statistics: CascadeStatistics(campaign: parts.map { ($0.statistics, $0.steps) }),
                                steps: CascadeStatistics.sum(parts.map(\.steps)), events: []))
                    }
                }
            }
        }
        runs.sort {
            ($0.arm, $0.recommender, $0.itemIndex, $0.replicate) < ($1.arm, $1.recommender, $1.itemIndex, $1.replicate)
        }
    }
}
