import LedeCore

/// Rolls quotation stances up to one stance per speaker and target, and per document and target.
///
/// A majority vote over the quotations that take the target up (label other than `none`): a
/// speaker quoted twice in favour and once neutral is in favour. Ties go to the label with more
/// summed confidence, then to `neutral`, because a split record is not a position. The score is
/// the winner's summed confidence over all voting quotations, so it drops both with weak cues and
/// with disagreement.
public enum StanceRollup {
    public struct Tally: Sendable, Equatable {
        public var label: StanceValue
        public var score: Double
        public var quotes: Int
    }

    /// The majority of `labels` (ignoring `none`), or nil when none of them takes the target up.
    public static func majority(_ labels: [StanceLabel]) -> Tally? {
        let voting = labels.filter { $0.label != .none }
        guard !voting.isEmpty else { return nil }
        var count: [StanceValue: Int] = [:]
        var mass: [StanceValue: Double] = [:]
        for l in voting { count[l.label, default: 0] += 1; mass[l.label, default: 0] += l.score }
        // Fixed candidate order keeps ties deterministic; neutral first wins exact ties.
        let order: [StanceValue] = [.neutral, .favor, .against]
        var best = StanceValue.neutral
        for v in order where (count[v] ?? 0, mass[v] ?? 0) > (count[best] ?? 0, mass[best] ?? 0) { best = v }
        return Tally(label: best, score: (mass[best] ?? 0) / Double(voting.count), quotes: voting.count)
    }

    /// One ``SpeakerStance`` per resolved speaker and target, ordered by speaker then target order.
    public static func speakers(_ quotes: [Quote], targets: [String]) -> [SpeakerStance] {
        var bySpeaker: [Int: [StanceLabel]] = [:]
        for q in quotes { if let s = q.speaker?.speaker { bySpeaker[s, default: []] += q.stance } }
        var out: [SpeakerStance] = []
        for speaker in bySpeaker.keys.sorted() {
            let labels = bySpeaker[speaker]!
            for t in targets {
                if let tally = majority(labels.filter { $0.target == t }) {
                    out.append(SpeakerStance(speaker: speaker, target: t, label: tally.label, score: tally.score, quotes: tally.quotes))
                }
            }
        }
        return out
    }

    /// The document's stance per target, over every quotation whoever said it.
    public static func document(_ quotes: [Quote], targets: [String]) -> [(target: String, tally: Tally)] {
        // One pass, skipping `none` early: most quotations leave most targets out of play.
        var byTarget = [[StanceLabel]](repeating: [], count: targets.count)
        for q in quotes {
            for (i, l) in q.stance.enumerated() where l.label != .none {
                let t = i < targets.count && targets[i] == l.target ? i : targets.firstIndex(of: l.target)
                if let t { byTarget[t].append(l) }
            }
        }
        return targets.indices.compactMap { t in majority(byTarget[t]).map { (targets[t], $0) } }
    }
}
