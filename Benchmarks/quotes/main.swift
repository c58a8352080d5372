import Foundation
import LedeCore
import LedeStages

// Throughput of normalize + segment + quotes on one core.
//
// Generates news-like articles from sentence templates written for this benchmark (no real
// articles), writes them to a temporary folder, then times three passes over the files:
// reading and decoding only (the I/O floor), normalize + segment, and normalize + segment + quotes.
// Given a folder of .txt articles instead (your own news), times those.
//
// Usage: lede-bench-quotes [MEGABYTES] [MODEL|-] [FOLDER]

let targetBytes = (CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 6) * 1_000_000
/// Optional attribution model (`lede train-quotes`): also time the quotes stage with it, next to the rules.
let modelPath = CommandLine.arguments.dropFirst(2).first.flatMap { $0 == "-" ? nil : $0 }
/// Optional folder of real articles to time instead of the generated ones.
let corpusFolder = CommandLine.arguments.dropFirst(3).first

let first = ["Ana", "Thomas", "Lena", "Daniel", "Ruth", "Colin", "Mireille", "Petr", "Nadia", "Owen", "Hana", "Marcus"]
let last = ["Ruiz", "Achebe", "Marsh", "Pruett", "Abernathy", "Ashby", "Osei", "Halloran", "Serrano", "Whitlock", "Ferro", "Teller"]
let titles = ["Senator", "Mayor", "Commissioner", "Dr.", "Foreign Minister", "Council President", "Ms.", "Mr."]
let groups = ["Port officials", "U.S. officials", "Local residents", "Analysts", "Business groups", "Critics of the plan"]
let orgs = ["the harbor commission", "the transport ministry", "Northline Marine Inc.", "the county health department"]
let claims = ["the plan would cost far more than expected", "the vote had been rushed", "the town could not afford to wait",
              "the budget protected jobs for now", "the new rules would take effect in March", "the deal was fragile",
              "prices had risen 12% in two years", "the bridge was safe for the time being"]
let quotes = ["We are not going to stop until this is fixed.", "Nobody asked the people who actually live here.",
              "This is the best chance we have had in thirty years.", "I don't think anyone expected it to go this fast.",
              "It's about the ’90s rules, not today's.", "We did the hard part tonight; the floor vote is the easy part."]
let filler = ["The meeting ran past midnight, and the room stayed full until the end.",
              "Work would begin in late September, after the peak season.",
              "The proposal now goes to the full council, which meets again in two weeks.",
              "Several members held hand-lettered signs reading “Test first.”"]

nonisolated(unsafe) var rng = SplitMix64(state: 42)
func pick<T>(_ a: [T]) -> T { a[Int.random(in: 0..<a.count, using: &rng)] }

// A news vocabulary is wide (tens of thousands of words, Zipf-distributed), and the model's cost
// is mostly cache misses on its feature rows, which a dozen template words would hide: filler
// sentences draw from 20,000 made-up words with Zipf weights, and names from made-up syllables.
let syllables = ["ka", "mor", "ten", "ri", "sal", "ven", "do", "lan", "bre", "tu", "mi", "gor", "pel", "an", "sto", "var", "il", "chen", "ro", "das"]
let vocabulary: [String] = (0..<20_000).map { i in
    var w = "", k = i
    repeat { w += syllables[k % syllables.count]; k /= syllables.count } while k > 0
    return w
}
/// Cumulative Zipf weights (exponent 1) over ``vocabulary``.
let zipf: [Double] = {
    var c: [Double] = [], t = 0.0
    for r in 1...vocabulary.count { t += 1 / Double(r); c.append(t) }
    return c.map { $0 / t }
}()
func zipfWord() -> String {
    let u = Double.random(in: 0..<1, using: &rng)
    var lo = 0, hi = zipf.count - 1
    while lo < hi { let m = (lo + hi) / 2; if zipf[m] < u { lo = m + 1 } else { hi = m } }
    return vocabulary[lo]
}
func madeUpSentence() -> String {
    let words = (0..<Int.random(in: 8...24, using: &rng)).map { _ in zipfWord() }.joined(separator: " ")
    return words.prefix(1).uppercased() + words.dropFirst() + "."
}
func madeUpName() -> String {
    func part() -> String { let w = zipfWord(); return w.prefix(1).uppercased() + w.dropFirst() }
    return Int.random(in: 0..<2, using: &rng) == 0 ? "\(pick(first)) \(part())" : "\(part()) \(pick(last))"
}

func article(_ n: Int) -> String {
    var paragraphs = ["Council weighs plan number \(n) after long debate", "By \(pick(first)) \(pick(last))"]
    for _ in 0..<14 {
        let name = Int.random(in: 0..<3, using: &rng) == 0 ? "\(pick(first)) \(pick(last))" : madeUpName()
        let surname = name.split(separator: " ").last!
        switch Int.random(in: 0..<7, using: &rng) {
        case 0: paragraphs.append("“\(pick(quotes))” said \(pick(titles)) \(name). “\(pick(quotes))”")
        case 1: paragraphs.append("\(name), a spokesperson for \(pick(orgs)), said \(pick(claims)). \(pick(filler))")
        case 2: paragraphs.append("\"\(pick(quotes))\" \(surname) told reporters. \"\(pick(quotes))")
            paragraphs.append("\"\(pick(quotes))\"")
        case 3: paragraphs.append("\(pick(groups)) warned that \(pick(claims)), and urged the council to delay the vote. According to \(pick(orgs)), \(pick(claims)).")
        case 4: paragraphs.append("She said \(pick(claims)) and that the proposal was “\(pick(quotes).dropLast())” \(pick(filler))")
        case 5: paragraphs.append("\(pick(claims).prefix(1).uppercased() + pick(claims).dropFirst()), \(surname) said. \(pick(filler))")
        default: paragraphs.append(madeUpSentence() + " " + pick(filler) + " " + madeUpSentence())
        }
    }
    return paragraphs.joined(separator: "\n\n") + "\n"
}

let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-bench-quotes-\(getpid())")
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: dir) }
var total = 0
var paths: [URL] = []
if let corpusFolder {
    let folder = URL(fileURLWithPath: corpusFolder)
    let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
    guard !files.isEmpty else { fatalError("no .txt files in \(corpusFolder)") }
    // Every article once, then again until the target size: a small folder still gives a steady figure.
    while total < targetBytes || paths.count < files.count {
        let url = files[paths.count % files.count]
        total += (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        paths.append(url)
    }
} else {
    while total < targetBytes {
        let text = article(paths.count)
        let url = dir.appendingPathComponent(String(format: "a%05d.txt", paths.count))
        try Data(text.utf8).write(to: url)
        total += text.utf8.count
        paths.append(url)
    }
}

let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)
let normalize = try NormalizeStage(options: .init(), context: context)
let segment = try SegmentStage(options: .init(), context: context)
let quoteStage = try QuotesStage(options: .init(), context: context)

func time(_ body: () throws -> Int) rethrows -> (Double, Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let n = try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, n)
}

@MainActor func pass(_ stages: [any Stage]) throws -> Int {
    var quotesFound = 0
    for url in paths {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        var doc = Document(id: url.lastPathComponent, text: text)
        for s in stages { try s.process(&doc) }
        quotesFound += doc.quotes.count + doc.scalars.count & 0   // keep the work observable
    }
    return quotesFound
}

let mb = Double(total) / 1e6
print(String(format: "%d files, %.2f MB of %@, one thread", paths.count, mb, corpusFolder.map { "articles from \($0)" } ?? "generated news text"))
_ = try pass([])  // warm the file cache
let (tRead, _) = try time { try pass([]) }
let (tSeg, _) = try time { try pass([normalize, segment]) }
let (tQuotes, found) = try time { try pass([normalize, segment, quoteStage]) }
func row(_ name: String, _ t: Double) {
    print(name.padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: "%8.1f MB/s  %6.3f s  ×%.2f of read", mb / t, t, t / tRead))
}
row("read + decode (I/O floor)", tRead)
row("normalize + segment", tSeg)
row("normalize + segment + quotes", tQuotes)
print(String(format: "quotes stage alone: %.1f MB/s; %d quotations found; quotes adds ×%.2f to normalize+segment",
             mb / max(tQuotes - tSeg, 1e-9), found, tQuotes / tSeg))
if let modelPath {
    var options = QuotesStage.Options()
    options.model = modelPath
    let loadStart = DispatchTime.now().uptimeNanoseconds
    let modelStage = try QuotesStage(options: options, context: context)
    let tLoad = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
    // Rules and model alternate over three rounds and each keeps its best time, so a burst of load
    // from another process on a shared machine skews the ratio less than one timing each would.
    var tRules = tQuotes, tModel = Double.infinity, foundModel = 0
    for _ in 0..<3 {
        let (m, f) = try time { try pass([normalize, segment, modelStage]) }
        tModel = min(tModel, m); foundModel = f
        tRules = min(tRules, try time { try pass([normalize, segment, quoteStage]) }.0)
    }
    row("normalize + segment + quotes(model)", tModel)
    print(String(format: "model loaded in %.3f s; model quotes stage alone: %.1f MB/s; %d quotations found",
                 tLoad, mb / max(tModel - tSeg, 1e-9), foundModel))
    print(String(format: "best of 3 alternating rounds: rules %.1f MB/s, model %.1f MB/s (model/rules time ×%.2f)",
                 mb / tRules, mb / tModel, tModel / tRules))
}
