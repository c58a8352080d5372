import Foundation

/// How a predicted speaker is compared with the gold one.
public enum SpeakerMatch: String, Sendable {
    /// Gold has canonical resolved names: names equal after lower-casing and stripping titles and
    /// articles, or the prediction is the gold name's last word (a surname left unresolved).
    case name
    /// Gold has only the source as written (PolNeAR): the predicted mention span overlaps the gold
    /// source span, or the resolved name shares a word with the source's capitalized words.
    case overlap
}

/// Precision, recall and F1 for one row of the report.
public struct Row: Sendable, Equatable, Codable {
    public var name: String
    public var gold = 0
    public var predicted = 0
    /// Matched pairs counted for recall (gold kind in the row) and precision (predicted kind in the row).
    public var matchedGold = 0
    public var matchedPredicted = 0
    /// Among `matchedGold`: speaker right.
    public var speakerCorrect = 0
    /// Matched with speaker right, counted like `matchedGold` / `matchedPredicted`.
    public var endToEndGold = 0
    public var endToEndPredicted = 0

    public init(name: String) { self.name = name }

    public var precision: Double { predicted == 0 ? 0 : Double(matchedPredicted) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : Double(matchedGold) / Double(gold) }
    public var f1: Double { f(precision, recall) }
    public var speakerAccuracy: Double { matchedGold == 0 ? 0 : Double(speakerCorrect) / Double(matchedGold) }
    public var endToEndPrecision: Double { predicted == 0 ? 0 : Double(endToEndPredicted) / Double(predicted) }
    public var endToEndRecall: Double { gold == 0 ? 0 : Double(endToEndGold) / Double(gold) }
    public var endToEndF1: Double { f(endToEndPrecision, endToEndRecall) }

    private func f(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
}

/// Scores predicted quotations against gold ones.
///
/// A prediction matches a gold quotation when their overlap is at least half of their union;
/// pairs are matched one-to-one, greedily by overlap ratio. Matching ignores kinds; kind rows then
/// count a match toward recall under the gold kind and toward precision under the predicted kind,
/// so a quotation found with the wrong kind costs that row's precision or recall, not the span rows.
public struct Scorer: Sendable {
    public static let rowKinds: [(String, Set<String>)] = [
        ("direct", ["direct"]), ("mixed", ["mixed"]), ("indirect", ["indirect"]),
        ("direct+mixed", ["direct", "mixed"]), ("all", ["direct", "mixed", "indirect"]),
    ]
    public var rows: [Row]
    public let speakerMatch: SpeakerMatch

    public init(speakerMatch: SpeakerMatch) {
        self.speakerMatch = speakerMatch
        rows = Self.rowKinds.map { Row(name: $0.0) }
    }

    /// Adds one document. `text` is needed for `.overlap` speaker matching.
    @discardableResult
    public mutating func add(gold: [GoldQuote], predicted: [PredictedQuote], text: [Unicode.Scalar] = []) -> [(gold: Int?, predicted: Int?, speakerCorrect: Bool)] {
        var pairs: [(Double, Int, Int)] = []
        for (gi, g) in gold.enumerated() {
            for (pi, p) in predicted.enumerated() {
                let inter = max(0, min(g.end, p.end) - max(g.start, p.start))
                guard inter > 0 else { continue }
                let union = max(g.end, p.end) - min(g.start, p.start)
                let ratio = Double(inter) / Double(union)
                if ratio >= 0.5 { pairs.append((ratio, gi, pi)) }
            }
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }
        var usedG = Set<Int>(), usedP = Set<Int>()
        var matches: [(Int, Int)] = []
        for (_, gi, pi) in pairs where !usedG.contains(gi) && !usedP.contains(pi) {
            usedG.insert(gi); usedP.insert(pi); matches.append((gi, pi))
        }
        for (r, (_, kinds)) in Self.rowKinds.enumerated() {
            rows[r].gold += gold.filter { kinds.contains($0.kind) }.count
            rows[r].predicted += predicted.filter { kinds.contains($0.kind) }.count
            for (gi, pi) in matches {
                let ok = speakerCorrect(gold[gi], predicted[pi], text: text)
                if kinds.contains(gold[gi].kind) {
                    rows[r].matchedGold += 1
                    if ok { rows[r].speakerCorrect += 1; rows[r].endToEndGold += 1 }
                }
                if kinds.contains(predicted[pi].kind) {
                    rows[r].matchedPredicted += 1
                    if ok { rows[r].endToEndPredicted += 1 }
                }
            }
        }
        // Alignment, for error listings.
        var alignment: [(gold: Int?, predicted: Int?, speakerCorrect: Bool)] = matches.map { ($0.0, $0.1, speakerCorrect(gold[$0.0], predicted[$0.1], text: text)) }
        for gi in gold.indices where !usedG.contains(gi) { alignment.append((gi, nil, false)) }
        for pi in predicted.indices where !usedP.contains(pi) { alignment.append((nil, pi, false)) }
        return alignment
    }

    public func speakerCorrect(_ g: GoldQuote, _ p: PredictedQuote, text: [Unicode.Scalar]) -> Bool {
        // An attribution the annotators left without a source ("is expected to", "reportedly") is
        // right only when the prediction names no speaker either: about one PolNeAR attribution in
        // fifteen has none, and crediting no prediction for it would make a correct "nobody" wrong.
        let goldHasSpeaker = g.speaker != nil || g.speakerStart != nil
        let predictedHasSpeaker = p.speaker != nil || p.speakerStart != nil
        if !goldHasSpeaker || !predictedHasSpeaker { return !goldHasSpeaker && !predictedHasSpeaker }
        switch speakerMatch {
        case .name:
            guard let gn = g.speaker, let pn = p.speaker else { return false }
            let a = Self.normalizedName(gn), b = Self.normalizedName(pn)
            if a.isEmpty || b.isEmpty { return false }
            return a == b || (b.count == 1 && a.last == b[0])
        case .overlap:
            if let gs = g.speakerStart, let ge = g.speakerEnd, let ps = p.speakerStart, let pe = p.speakerEnd,
               ps < ge, gs < pe { return true }
            guard let gn = g.speaker, let pn = p.speaker else { return false }
            let capitalized = Set(gn.split(whereSeparator: { !$0.isLetter && $0 != "." && $0 != "-" })
                .filter { $0.first?.isUppercase == true }.map { $0.lowercased() })
            let predicted = Set(Self.normalizedName(pn))
            return !capitalized.intersection(predicted).subtracting(Self.titles).isEmpty
        }
    }

    static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "prof", "the", "a", "an",
                                      "senator", "president", "minister", "governor", "mayor", "representative"]

    /// Lower-cased words, with leading titles and articles dropped.
    public static func normalizedName(_ s: String) -> [String] {
        var words = s.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            .map { w -> String in var t = String(w); while t.hasSuffix(".") || t.hasSuffix(",") { t.removeLast() }; return t }
            .filter { !$0.isEmpty }
        while words.count > 1, titles.contains(words[0]) { words.removeFirst() }
        return words
    }
}
