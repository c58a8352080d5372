import Foundation
import LedeCore
import LedeStages

// Throughput of normalize + segment against the cost of just reading the same files.
//
// The corpus is generated (never copied): sentences come from the segmentation fixtures written
// for this project, shuffled into articles with headlines, bylines, datelines, quotations,
// occasional entities and promo footers, in both blank-line and one-paragraph-per-line layouts.
// Usage: lede-bench-segment [--mb N] [--rounds N] [--keep] [--wall]


func fixtureSentences() -> [String] {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Tests/LedeStagesTests/Fixtures/segment").standardized
    var result: [String] = []
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    for name in names where name.hasSuffix(".txt") {
        guard let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) else { continue }
        var inExpected = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("###") { inExpected = false; continue }
            if line == "---" { inExpected = true; continue }
            if inExpected, line.count > 20, line.last == "." || line.last == "?" || line.last == "!" { result.append(String(line)) }
        }
    }
    if result.isEmpty {
        result = ["The council met on Tuesday.", "Dr. Osei said the U.S. plan was late.", "Fares rose 3.5% in May.",
                  "The ferry left at dawn and nobody was aboard.", "Officials said the port would reopen soon."]
    }
    return result
}

func makeArticle(_ pool: [String], _ rng: inout SplitMix64) -> String {
    let names = ["Ana Ruiz", "Sam Okafor", "Priya Raman", "Lena Varga", "Tomás Ibáñez", "Mei Chen", "Jonah Price"]
    let places = ["WASHINGTON", "LAGOS", "LIMA", "OSLO", "MANILA", "DENVER"]
    let heads = ["Port Reopens After Storm", "Council Delays Budget Vote", "What Comes Next for the Mill",
                 "Fares Rise Again", "Inside the Flood Response", "Senate Passes Water Bill"]
    let footers = ["For more updates, stay with Harbor News.", "Subscribe to our newsletter for daily briefings.",
                   "Follow us on social media.", "Read more: Council budget explained"]
    var out = ""
    let perLine = Int.random(in: 0..<3, using: &rng) == 0
    let sep = perLine ? "\n" : "\n\n"
    out += heads.randomElement(using: &rng)! + sep
    out += "By " + names.randomElement(using: &rng)! + sep
    if Bool.random(using: &rng) { out += places.randomElement(using: &rng)! + ", March \(Int.random(in: 1...28, using: &rng)) —" + sep }
    for _ in 0..<Int.random(in: 6...14, using: &rng) {
        var paragraph: [String] = []
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            var s = pool.randomElement(using: &rng)!
            // News sentences run to 20–30 words; the fixtures are shorter, so join clauses.
            if Int.random(in: 0..<3, using: &rng) > 0, s.last == ".", let other = pool.randomElement(using: &rng) {
                let joiner = [", and ", ", while ", "; ", ", officials said, as "].randomElement(using: &rng)!
                var tail = other
                if let f = tail.unicodeScalars.first, f.value >= 0x41 && f.value <= 0x5A, !other.hasPrefix("I "),
                   let second = tail.unicodeScalars.dropFirst().first, second.value >= 0x61 && second.value <= 0x7A {
                    tail = String(Character(Unicode.Scalar(f.value + 32)!)) + tail.dropFirst()
                }
                s = String(s.dropLast()) + joiner + tail
            }
            switch Int.random(in: 0..<10, using: &rng) {
            case 0, 1:
                s = "\u{201C}" + s.dropLast() + ",\u{201D} " + names.randomElement(using: &rng)! + " said."
            case 2:
                s = "\"" + s + "\" " + ["She paused.", "Nobody answered.", "The room went quiet."].randomElement(using: &rng)!
            case 3:
                s = s.replacingOccurrences(of: " and ", with: " &amp; ")
            default: break
            }
            paragraph.append(s)
        }
        out += paragraph.joined(separator: " ") + sep
    }
    out += footers.randomElement(using: &rng)! + "\n"
    return out
}

var targetMB = 6.0, rounds = 5, keep = false
let useWall = CommandLine.arguments.contains("--wall")
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
    switch a {
    case "--mb": targetMB = Double(args.next() ?? "") ?? targetMB
    case "--rounds": rounds = Int(args.next() ?? "") ?? rounds
    case "--keep": keep = true
    case "--wall": break
    default: print("usage: lede-bench-segment [--mb N] [--rounds N] [--keep] [--wall]"); exit(2)
    }
}

let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-bench-segment-\(getpid())")
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
defer { if !keep { try? FileManager.default.removeItem(at: dir) } }
var rng = SplitMix64(state: 0x1ede)
let pool = fixtureSentences()
var paths: [String] = []
var totalBytes = 0
while Double(totalBytes) < targetMB * 1_000_000 {
    var file: String
    // One article per file, as news folders hold them (a few kilobytes each).
    file = makeArticle(pool, &rng)
    let path = dir.appendingPathComponent(String(format: "article-%04d.txt", paths.count)).path
    FileManager.default.createFile(atPath: path, contents: Data(file.utf8))
    paths.append(path)
    totalBytes += file.utf8.count
}
print("timing: \(useWall ? "wall clock" : "thread CPU time"), best of \(rounds) rounds")
print("corpus: \(paths.count) files, \(String(format: "%.1f", Double(totalBytes) / 1e6)) MB, \(pool.count) fixture sentences")

let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)
let normalize = try NormalizeStage(options: .init(), context: context)
var segmentOptions = SegmentStage.Options()
segmentOptions.tokens = ProcessInfo.processInfo.environment["LEDE_BENCH_NO_TOKENS"] == nil
let segment = try SegmentStage(options: segmentOptions, context: context)

/// CPU time of this thread (user + system): on a machine shared with other jobs, wall-clock time
/// measures the neighbours; "MB/s on one core" is bytes per second of our own CPU time.
/// `--wall` switches to the monotonic clock.
func now() -> Double {
    var t = timespec()
    clock_gettime(useWall ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

var bestIO = Double.infinity, bestPipeline = Double.infinity
var bestPhases = [0.0, 0.0, 0.0]
var sentences = 0, tokens = 0, checksum = 0
for _ in 0..<rounds {
    var t0 = now()
    for p in paths { checksum &+= FileManager.default.contents(atPath: p)?.count ?? 0 }
    bestIO = min(bestIO, now() - t0)

    t0 = now()
    sentences = 0; tokens = 0
    var phase = [0.0, 0.0, 0.0]
    for p in paths {
        let a = now()
        let data = FileManager.default.contents(atPath: p) ?? Data()
        var document = Document(id: p, text: String(decoding: data, as: UTF8.self))
        let b = now()
        try normalize.process(&document)
        let c = now()
        try segment.process(&document)
        phase[0] += b - a; phase[1] += c - b; phase[2] += now() - c
        sentences += document.sentences.count
        tokens += document.tokens.count
    }
    let elapsed = now() - t0
    if elapsed < bestPipeline { bestPipeline = elapsed; bestPhases = phase }
}
let mb = Double(totalBytes) / 1e6
print(String(format: "I/O floor (read files):              %8.1f MB/s", mb / bestIO))
print(String(format: "read + normalize + segment + tokens: %8.1f MB/s  (%d sentences, %d tokens)", mb / bestPipeline, sentences, tokens))
print(String(format: "normalize + segment + tokens:        %8.1f MB/s  (average sentence %.0f characters)",
             mb / (bestPhases[1] + bestPhases[2]), Double(totalBytes) / Double(max(1, sentences))))
print(String(format: "  of which read + decode %.1f MB/s, normalize %.1f MB/s, segment %.1f MB/s",
             mb / bestPhases[0], mb / bestPhases[1], mb / bestPhases[2]))
print(String(format: "ratio pipeline / I/O floor:          %8.3f", bestIO / bestPipeline))
if checksum == 42 { print("") }
