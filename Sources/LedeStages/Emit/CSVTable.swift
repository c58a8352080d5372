import LedeCore

/// The tables the CSV emitter can write, each with one stable column set (documented in the README).
public enum CSVTable: String, Codable, Sendable, CaseIterable {
    case documents, sentences, quotes, speakers, stances, extensions

    public var columns: [String] {
        switch self {
        case .documents: return ["doc_id", "chars", "paragraphs", "sentences", "quotes", "speakers", "diagnostics"]
        case .sentences: return ["doc_id", "index", "start", "end", "paragraph", "paragraph_kind", "text"]
        case .quotes:
            return ["doc_id", "index", "kind", "start", "end", "quote", "speaker", "speaker_name", "speaker_id",
                    "speaker_start", "speaker_end", "cue", "cue_lemma", "cue_start", "cue_end", "confidence", "stance"]
        case .speakers: return ["doc_id", "speaker_id", "name", "role", "kind", "mentions", "quotes", "first_start", "first_end"]
        case .stances: return ["doc_id", "speaker_id", "speaker_name", "target", "label", "score", "quotes"]
        case .extensions: return ["doc_id", "layer", "index", "start", "end", "label", "text", "data"]
        }
    }

    /// The layer a table is made of; validation rejects a pipeline that never provides it.
    public var requiredLayer: LayerKey? {
        switch self {
        case .documents: return nil
        case .sentences: return .sentences
        case .quotes: return .quotes
        case .speakers: return .speakers
        case .stances: return .stances
        case .extensions: return nil
        }
    }

    public func rows(_ doc: Document) -> [[String]] {
        func num(_ d: Double) -> String { String((d * 1000).rounded() / 1000) }
        switch self {
        case .documents:
            return [[doc.id, String(doc.originalScalars.count), String(doc.paragraphs.count), String(doc.sentences.count),
                     String(doc.quotes.count), String(doc.speakers.count), doc.diagnostics.joined(separator: "; ")]]
        case .sentences:
            return doc.sentences.enumerated().map { i, s in
                let o = doc.originalSpan(s.span)
                let kind = s.paragraph < doc.paragraphs.count ? doc.paragraphs[s.paragraph].kind.rawValue : ""
                return [doc.id, String(i), String(o.start), String(o.end), String(s.paragraph), kind, doc.originalString(s.span)]
            }
        case .quotes:
            return doc.quotes.enumerated().map { i, q in
                let o = doc.originalSpan(q.span)
                var row = [doc.id, String(i), q.kind.rawValue, String(o.start), String(o.end), doc.originalString(q.span)]
                if let m = q.speaker {
                    let so = doc.originalSpan(m.span)
                    let name = m.speaker.flatMap { $0 < doc.speakers.count ? doc.speakers[$0].name : nil } ?? ""
                    row += [doc.originalString(m.span), name, m.speaker.map(String.init) ?? "", String(so.start), String(so.end)]
                } else {
                    row += ["", "", "", "", ""]
                }
                if let c = q.cue {
                    let co = doc.originalSpan(c.span)
                    row += [doc.originalString(c.span), c.lemma, String(co.start), String(co.end)]
                } else {
                    row += ["", "", "", ""]
                }
                row.append(num(q.confidence))
                row.append(q.stance.filter { $0.label != .none }.map { "\($0.target):\($0.label.rawValue)" }.joined(separator: ";"))
                return row
            }
        case .speakers:
            return doc.speakers.map { s in
                let quotes = doc.quotes.filter { $0.speaker?.speaker == s.id }.count
                let first = s.mentions.first.map(doc.originalSpan)
                return [doc.id, String(s.id), s.name, s.role ?? "", s.kind.rawValue, String(s.mentions.count), String(quotes),
                        first.map { String($0.start) } ?? "", first.map { String($0.end) } ?? ""]
            }
        case .extensions:
            // Custom layers: one row per item of a list layer (spans already in original offsets), one row for any other value.
            return doc.extensions.keys.sorted().flatMap { layer -> [[String]] in
                let value = doc.extensions[layer]!
                let items = value.array ?? [value]
                return items.enumerated().map { i, item in
                    [doc.id, layer, String(i), item["start"]?.int.map(String.init) ?? "", item["end"]?.int.map(String.init) ?? "",
                     item["label"]?.string ?? "", item["text"]?.string ?? "", Self.compactJSON(item)]
                }
            }
        case .stances:
            return doc.stances.map { s in
                [doc.id, String(s.speaker), s.speaker < doc.speakers.count ? doc.speakers[s.speaker].name : "", s.target,
                 s.label.rawValue, num(s.score), String(s.quotes)]
            }
        }
    }

    static func compactJSON(_ value: JSONValue) -> String {
        var w = JSONWriter(capacity: 64)
        w.value(value)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
