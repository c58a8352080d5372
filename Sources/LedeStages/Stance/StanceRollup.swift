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
        // Fixed slots instead of dictionaries: this runs per document and target.
        let order: [StanceValue] = [.neutral, .favor, .against]   // neutral first wins exact ties
        var count = [0, 0, 0], mass = [0.0, 0.0, 0.0]
        var voting = 0
        for l in labels {
            let slot: Int
            switch l.label { case .neutral: slot = 0; case .favor: slot = 1; case .against: slot = 2; case .none: continue }
            count[slot] += 1; mass[slot] += l.score; voting += 1
        }
        guard voting > 0 else { return nil }
        var best = 0
        for v in 1..<3 where (count[v], mass[v]) > (count[best], mass[best]) { best = v }
        // Favor and against level on both counts: a split record is not a position.
        if best != 0, (count[1], mass[1]) == (count[2], mass[2]) { best = 0 }
        return Tally(label: order[best], score: mass[best] / Double(voting), quotes: voting)
    }

    /// One ``SpeakerStance`` per resolved speaker and target, ordered by speaker then target order.
    public static func speakers(_ quotes: [Quote], targets: [String]) -> [SpeakerStance] {
        // Per speaker, the voting labels by target position; `none` never votes, so it is skipped here.
        var bySpeaker: [Int: [[StanceLabel]]] = [:]
        for q in quotes {
            guard let s = q.speaker?.speaker else { continue }
            for (i, l) in q.stance.enumerated() where l.label != .none {
                guard let t = i < targets.count && targets[i] == l.target ? i : targets.firstIndex(of: l.target) else { continue }
                bySpeaker[s, default: [[StanceLabel]](repeating: [], count: targets.count)][t].append(l)
            }
        }
        var out: [SpeakerStance] = []
        for speaker in bySpeaker.keys.sorted() {
            let byTarget = bySpeaker[speaker]!
            for (t, target) in targets.enumerated() {
                if let tally = majority(byTarget[t]) {
                    out.append(SpeakerStance(speaker: speaker, target: target, label: tally.label, score: tally.score, quotes: tally.quotes))
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
