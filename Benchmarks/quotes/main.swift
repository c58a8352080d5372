import Foundation
import LedeCore
import LedeStages

// Throughput of normalize + segment + quotes on one core.
//
// Generates news-like articles from sentence templates written for this benchmark (no real
// articles), writes them to a temporary folder, then times three passes over the files:
// reading and decoding only (the I/O floor), normalize + segment, and normalize + segment + quotes.

let targetBytes = (CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 6) * 1_000_000
/// Optional attribution model (`lede train-quotes`): also time the quotes stage with it, next to the rules.
let modelPath = CommandLine.arguments.dropFirst(2).first

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

func article(_ n: Int) -> String {
    var paragraphs = ["Council weighs plan number \(n) after long debate", "By \(pick(first)) \(pick(last))"]
    for _ in 0..<14 {
        let name = "\(pick(first)) \(pick(last))"
        let surname = name.split(separator: " ").last!
        switch Int.random(in: 0..<7, using: &rng) {
        case 0: paragraphs.append("“\(pick(quotes))” said \(pick(titles)) \(name). “\(pick(quotes))”")
        case 1: paragraphs.append("\(name), a spokesperson for \(pick(orgs)), said \(pick(claims)). \(pick(filler))")
        case 2: paragraphs.append("\"\(pick(quotes))\" \(surname) told reporters. \"\(pick(quotes))")
            paragraphs.append("\"\(pick(quotes))\"")
        case 3: paragraphs.append("\(pick(groups)) warned that \(pick(claims)), and urged the council to delay the vote. According to \(pick(orgs)), \(pick(claims)).")
        case 4: paragraphs.append("She said \(pick(claims)) and that the proposal was “\(pick(quotes).dropLast())” \(pick(filler))")
        case 5: paragraphs.append("\(pick(claims).prefix(1).uppercased() + pick(claims).dropFirst()), \(surname) said. \(pick(filler))")
        default: paragraphs.append(pick(filler) + " " + pick(filler))
        }
    }
    return paragraphs.joined(separator: "\n\n") + "\n"
}

let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-bench-quotes-\(getpid())")
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: dir) }
var total = 0
var paths: [URL] = []
while total < targetBytes {
    let text = article(paths.count)
    let url = dir.appendingPathComponent(String(format: "a%05d.txt", paths.count))
    try Data(text.utf8).write(to: url)
    total += text.utf8.count
    paths.append(url)
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
print(String(format: "%d files, %.2f MB of generated news text, one thread", paths.count, mb))
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
    let (tModel, foundModel) = try time { try pass([normalize, segment, modelStage]) }
    row("normalize + segment + quotes(model)", tModel)
    print(String(format: "model loaded in %.3f s; model quotes stage alone: %.1f MB/s; %d quotations found",
                 tLoad, mb / max(tModel - tSeg, 1e-9), foundModel))
}
