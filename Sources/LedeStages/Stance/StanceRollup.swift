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

    /// Votes for one target: counts and summed confidence per label (neutral, favor, against).
    /// Plain fields rather than arrays or dictionaries: this runs per document, speaker and target.
    struct Votes {
        var count: SIMD4<Int32> = .zero
        var mass: SIMD4<Double> = .zero

        /// Adds a label; `none` never votes.
        @inline(__always)
        mutating func add(_ l: StanceLabel) {
            let slot: Int
            switch l.label { case .neutral: slot = 0; case .favor: slot = 1; case .against: slot = 2; case .none: return }
            count[slot] += 1; mass[slot] += l.score
        }

        /// The majority, or nil when no label voted.
        var tally: Tally? {
            let voting = Int(count[0] + count[1] + count[2])
            guard voting > 0 else { return nil }
            var best = 0   // neutral first: it wins exact ties
            for v in 1..<3 where (count[v], mass[v]) > (count[best], mass[best]) { best = v }
            // Favor and against level on both counts: a split record is not a position.
            if best != 0, (count[1], mass[1]) == (count[2], mass[2]) { best = 0 }
            let label: StanceValue = best == 0 ? .neutral : best == 1 ? .favor : .against
            return Tally(label: label, score: mass[best] / Double(voting), quotes: voting)
        }
    }

    /// The majority of `labels` (ignoring `none`), or nil when none of them takes the target up.
    public static func majority(_ labels: [StanceLabel]) -> Tally? {
        var votes = Votes()
        for l in labels { votes.add(l) }
        return votes.tally
    }

    /// Index of a quotation's label `i` in `targets` (labels are written in target order, so this is
    /// almost always `i` itself).
    @inline(__always)
    static func targetIndex(_ l: StanceLabel, at i: Int, _ targets: [String]) -> Int? {
        i < targets.count && targets[i] == l.target ? i : targets.firstIndex(of: l.target)
    }

    /// One ``SpeakerStance`` per resolved speaker and target, ordered by speaker then target order.
    /// `among`: the indices of the quotations that may vote (the stage passes those it tagged), nil for all.
    public static func speakers(_ quotes: [Quote], among: [Int]? = nil, targets: [String]) -> [SpeakerStance] {
        // Quotations with a speaker and a vote, by speaker id (stable), then one run of votes per speaker.
        let voting = (among ?? Array(quotes.indices)).filter { quotes[$0].speaker?.speaker != nil && quotes[$0].stance.contains { $0.label != .none } }
            .sorted { (quotes[$0].speaker!.speaker!, $0) < (quotes[$1].speaker!.speaker!, $1) }
        var out: [SpeakerStance] = []
        var votes = [Votes](repeating: Votes(), count: targets.count)
        var k = 0
        while k < voting.count {
            let speaker = quotes[voting[k]].speaker!.speaker!
            for t in votes.indices { votes[t] = Votes() }
            while k < voting.count, quotes[voting[k]].speaker!.speaker! == speaker {
                for (i, l) in quotes[voting[k]].stance.enumerated() where l.label != .none {
                    if let t = targetIndex(l, at: i, targets) { votes[t].add(l) }
                }
                k += 1
            }
            for (t, target) in targets.enumerated() {
                if let tally = votes[t].tally {
                    out.append(SpeakerStance(speaker: speaker, target: target, label: tally.label, score: tally.score, quotes: tally.quotes))
                }
            }
        }
        return out
    }

    /// The document's stance per target, over every quotation whoever said it.
    public static func document(_ quotes: [Quote], among: [Int]? = nil, targets: [String]) -> [(target: String, tally: Tally)] {
        var votes = [Votes](repeating: Votes(), count: targets.count)
        for k in among ?? Array(quotes.indices) {
            for (i, l) in quotes[k].stance.enumerated() where l.label != .none {
                if let t = targetIndex(l, at: i, targets) { votes[t].add(l) }
            }
        }
        return targets.indices.compactMap { t in votes[t].tally.map { (targets[t], $0) } }
    }
}
