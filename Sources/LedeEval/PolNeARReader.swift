import Foundation
import LedeCore

/// Reads a PolNeAR-style split: `text/NAME.txt` with brat `attributions/NAME.ann` next to it.
///
/// Each `E` relation (`Attribution:T3 Content:T2 Cue:T1 Source:T4`) becomes one gold quotation.
/// Discontinuous spans (`10 20;25 30`) are taken from first start to last end, the way an
/// interrupted quotation is scored. The kind is derived from the content, since PolNeAR does not
/// annotate it: direct when most of it lies inside quotation marks, mixed when it contains a mark,
/// indirect otherwise. Brat offsets count characters; Swift scalars match Python code points.
public enum PolNeARReader {
    public static func read(split: String) throws -> [GoldDocument] {
        let fm = FileManager.default
        let textDir = split + "/text", annDir = split + "/attributions"
        let names = try fm.contentsOfDirectory(atPath: textDir).filter { $0.hasSuffix(".txt") }.sorted()
        // Annotation files may carry an annotator suffix: NAME_ab12.ann for NAME.txt. An article
        // annotated by several annotators takes the first file in name order, on every machine
        // (directory order differs between file systems).
        var annByStem: [String: String] = [:]
        for a in ((try? fm.contentsOfDirectory(atPath: annDir)) ?? []).sorted() where a.hasSuffix(".ann") {
            let stem = String(a.dropLast(4))
            annByStem[stem] = a
            if let u = stem.lastIndex(of: "_") { annByStem[String(stem[..<u]), default: a] = annByStem[String(stem[..<u])] ?? a }
        }
        var docs: [GoldDocument] = []
        for name in names {
            let stem = String(name.dropLast(4))
            guard let t = fm.contents(atPath: textDir + "/" + name) else { continue }
            let ann = annByStem[stem].flatMap { fm.contents(atPath: annDir + "/" + $0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
            docs.append(parse(id: stem, text: String(decoding: t, as: UTF8.self), ann: ann))
        }
        return docs
    }

    public static func parse(id: String, text: String, ann: String) -> GoldDocument {
        let scalars = Array(text.unicodeScalars)
        var spans: [String: (String, Int, Int)] = [:]
        var relations: [[String: String]] = []
        for line in ann.split(separator: "\n") {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 2 else { continue }
            let tag = String(cols[0])
            if tag.hasPrefix("T") {
                let head = cols[1].split(separator: " ")
                guard head.count >= 3 else { continue }
                let label = String(head[0])
                let nums = head[1...].joined(separator: " ").split(whereSeparator: { $0 == " " || $0 == ";" }).compactMap { Int($0) }
                guard let s = nums.min(), let e = nums.max() else { continue }
                spans[tag] = (label, s, e)
            } else if tag.hasPrefix("E") {
                var rel: [String: String] = [:]
                for part in cols[1].split(separator: " ") {
                    let kv = part.split(separator: ":")
                    if kv.count == 2 { rel[String(kv[0])] = String(kv[1]) }
                }
                relations.append(rel)
            }
        }
        var quotes: [GoldQuote] = []
        for rel in relations {
            guard let c = rel["Content"].flatMap({ spans[$0] }), c.1 < c.2, c.2 <= scalars.count else { continue }
            let src = rel["Source"].flatMap { spans[$0] }
            let cue = rel["Cue"].flatMap { spans[$0] }
            let speaker = src.map { String(scalars: scalars[$0.1..<min($0.2, scalars.count)]) }
            quotes.append(GoldQuote(kind: kind(of: scalars[c.1..<c.2]), start: c.1, end: c.2, speaker: speaker,
                                    speakerStart: src?.1, speakerEnd: src?.2, cueStart: cue?.1, cueEnd: cue?.2))
        }
        quotes.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return GoldDocument(id: id, text: text, quotes: quotes)
    }

    /// direct: at least half the content's letters are inside double quotation marks;
    /// mixed: some are; indirect: none (see ``QuoteKind/classify(content:)``).
    static func kind(of content: ArraySlice<Unicode.Scalar>) -> String {
        QuoteKind.classify(content: content).rawValue
    }
}
