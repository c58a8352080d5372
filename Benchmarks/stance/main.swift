import Foundation
import LedeCore
import LedeStages

// Measures what the `stance` stage adds to a pipeline: the same documents go through
// normalize + segment (+ quotations) with and without stance, alternating passes in one process,
// and the ratio of median pass times is printed. Quotations come from the `quotes` stage when the
// registry has it; otherwise every sentence containing a quotation mark becomes a direct quote, so
// stance has the same amount of text to read as it would behind a quote extractor.
//
// usage: lede-bench-stance [--passes N] [--copies N] [FOLDER_OR_JSONL ...]

var passes = 7
var copies = 20
var inputs: [String] = []
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--passes": passes = Int(args.popFirst() ?? "") ?? passes
    case "--copies": copies = Int(args.popFirst() ?? "") ?? copies
    default: inputs.append(a)
    }
}
if inputs.isEmpty { inputs = ["examples/articles", "data/gold/quotes.jsonl"] }

/// Everything runs inside a function: top-level variables are main-actor isolated in Swift 6,
/// and the isolation checks on every access would be counted in both sides of the ratio.
func bench(inputs: [String], passes: Int, copies: Int) throws {
    var texts: [String] = []
    for input in inputs {
        if input.hasSuffix(".jsonl"), let data = FileManager.default.contents(atPath: input) {
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                if let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let t = o["text"] as? String { texts.append(t) }
            }
        } else if let e = FileManager.default.enumerator(atPath: input) {
            for case let p as String in e where p.hasSuffix(".txt") || p.hasSuffix(".md") {
                if let d = FileManager.default.contents(atPath: input + "/" + p) { texts.append(String(decoding: d, as: UTF8.self)) }
            }
        }
    }
    guard !texts.isEmpty else { print("no articles found in \(inputs)"); exit(1) }
    let corpus = Array(repeating: texts, count: copies).flatMap { $0 }
    let bytes = corpus.reduce(0) { $0 + $1.utf8.count }

    let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)
    let registry = BuiltInStages.registry()
    let normalize = try NormalizeStage(options: .init(), context: context)
    let segment = try SegmentStage(options: .init(), context: context)
    var stanceOptions = StanceStage.Options()
    stanceOptions.targets = [
        StanceTargetSpec(id: "heat_pumps", terms: ["heat pump*"]),
        StanceTargetSpec(id: "strike", terms: ["strike*", "walkout"], favor: ["fair pay"], against: ["back to work"]),
        StanceTargetSpec(id: "zoning", terms: ["zoning", "rezon*", "development"]),
        StanceTargetSpec(id: "budget", terms: ["budget*", "cuts"]),
        StanceTargetSpec(id: "border_talks", terms: ["talks", "border", "agreement"]),
        StanceTargetSpec(id: "dredging", terms: ["dredg*", "harbor", "harbour"]),
    ]
    let stance = try StanceStage(options: stanceOptions, context: context)
    let quotesStage = registry["quotes"]
    print("quotes: \(quotesStage == nil ? "synthesized from sentences with quotation marks" : "quotes stage")")

    /// The quotes stage is built generically when present (it is merged from another branch).
    func makeQuotes() throws -> ((inout Document) throws -> Void)? {
        guard let type = quotesStage else { return nil }
        func build<S: Stage>(_ t: S.Type) throws -> (inout Document) throws -> Void {
            let s = try S(options: S.Options(), context: context)
            return { try s.process(&$0) }
        }
        return try build(type)
    }
    let quotes = try makeQuotes()

    func base(_ text: String) throws -> Document {
        var d = Document(id: "bench", text: text)
        try normalize.process(&d)
        try segment.process(&d)
        if let quotes { try quotes(&d) } else {
            d.quotes = d.sentences.compactMap { s in
                d.scalars[s.span.start..<s.span.end].contains { $0.quoteMark != nil }
                    ? Quote(kind: .direct, span: s.span, speaker: nil, cue: nil, confidence: 1) : nil
            }
        }
        return d
    }

    func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    var without: [Double] = [], with: [Double] = []
    var labels = 0, quoteCount = 0
    for pass in 0..<passes {
        // Alternate the order so drift on a shared machine hits both sides.
        let order = pass % 2 == 0 ? [false, true] : [true, false]
        for withStance in order {
            var n = 0, q = 0
            let t = try time {
                for text in corpus {
                    var d = try base(text)
                    if withStance { try stance.process(&d); if pass == 0 { n += d.quotes.reduce(0) { $0 + $1.stance.count { $0.label != .none } } } }
                    q += d.quotes.count
                }
            }
            if withStance { with.append(t); if pass == 0 { labels = n } } else { without.append(t) }
            quoteCount = q
        }
    }
    func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }
    let a = median(without), b = median(with)
    print(String(format: "documents %d (%.1f MB), quotes %d, target labels other than none %d", corpus.count, Double(bytes) / 1e6, quoteCount, labels))
    print(String(format: "without stance: %.3f s/pass   with stance: %.3f s/pass   (median of %d)", a, b, passes))
    print(String(format: "ratio with/without: %.3f  (stance adds %.1f%%)", b / a, (b / a - 1) * 100))
    // On a shared machine the fastest pass of each side is the least disturbed one.
    let fa = without.min()!, fb = with.min()!
    print(String(format: "fastest passes: %.3f s vs %.3f s, ratio %.3f", fa, fb, fb / fa))
}

try bench(inputs: inputs, passes: passes, copies: copies)
