import LedeCore

extension QuoteExtractor {
    /// "Mr. Clinton's tone often seems to encourage aggression", "No major polls appear to have been
    /// conducted": a raising verb is the writer's own inference, and news annotation (PolNeAR)
    /// attributes it with no source, the whole clause, subject and verb included, as its content.
    /// Runs after reported speech so a raising verb inside someone's reported clause ("she said
    /// Clinton seemed to …") stays part of that clause. "Seemed to confirm" has a speaker (the
    /// subject) and is left to the cue lexicon; "appeared at a rally" is not a raising verb.
    mutating func findRaisingInferences() {
        guard v.count > 1 else { return }
        var taken = found.map(\.span).sorted { $0.start < $1.start }
        for k in 1..<(v.count - 1) where Self.raisingVerbs.contains(v.low(k)) {
            guard !v.inQuote[k], !claimed[k], isBody(k), opensRaisedComplement(k + 1),
                  !raisesASpeechVerb(from: k + 1), let a = raisingSubjectStart(verb: k),
                  !Self.dummySubjects.contains(v.low(a)) else { continue }
            let (_, sb) = sentenceBounds(k)
            guard let c = content(from: a, to: sb), !taken.contains(where: { $0.overlaps(c) }) else { continue }
            claimed[k] = true
            found.append(FoundQuote(kind: .indirect, span: c, pieces: [c], source: nil, cue: k..<(k + 1),
                                    lemma: Self.raisingLemma(v.low(k)), confidence: 0.4))
            taken.append(c)
        }
    }

    /// The lemma of a raising verb's form ("seemed" → "seem").
    static func raisingLemma(_ w: String) -> String { w.hasPrefix("seem") ? "seem" : "appear" }

    /// Whether token `k` opens what a raising verb raises: "seems to", "seemed like", "appears as
    /// if" ("appeared as a guest" is showing up; PolNeAR train: "as" alone is annotated 2 times in 8).
    func opensRaisedComplement(_ k: Int) -> Bool {
        let w = v.low(k)
        return w == "to" || w == "like" || w == "as" && (v.low(k + 1) == "if" || v.low(k + 1) == "though")
    }
    /// Subjects that hold a place, not the clause's topic ("it seems like …", "there appear to be").
    static let dummySubjects: Set<String> = ["it", "there"]
}
