/// The JSON form of a document: what the `json` and `jsonl` emitters write and what external
/// stages receive. Every span is in Unicode-scalar offsets into the original text.
///
/// Schema (version ``schemaVersion``), keys in this order:
/// `schema_version, id, text, diagnostics, paragraphs[{start,end,kind}], sentences[{start,end}],
/// quotes[{start,end,text,kind,pieces[{start,end}],speaker{start,end,text,id,name}|null,
/// cue{start,end,text,lemma}|null,confidence,stance[{target,label,score}]}],
/// speakers[{id,name,role,kind,mentions[{start,end}]}], stances[{speaker,name,target,label,score,quotes}],
/// extensions{namespace: any}`; `tokens[{start,end,kind}]` only when asked for.
public enum DocumentJSON {
    public static let schemaVersion = 1

    public struct Options: Sendable {
        public var includeText = true
        public var includeTokens = false
        public init(includeText: Bool = true, includeTokens: Bool = false) {
            self.includeText = includeText; self.includeTokens = includeTokens
        }
    }

    /// - Parameter asValue: true when the object is the value of a key the caller just wrote.
    public static func write(_ doc: Document, to w: inout JSONWriter, options: Options = .init(), asValue: Bool = false) {
        func span(_ s: TextSpan) {
            let o = doc.originalSpan(s)
            w.key("start"); w.int(o.start)
            w.key("end"); w.int(o.end)
        }
        if asValue { w.beginObjectValue() } else { w.beginObject() }
        w.key("schema_version"); w.int(schemaVersion)
        w.key("id"); w.string(doc.id)
        if options.includeText { w.key("text"); w.string(doc.original) }
        w.key("diagnostics"); w.beginArrayValue(); for d in doc.diagnostics { w.string(d) }; w.endArray()
        w.key("paragraphs"); w.beginArrayValue()
        for p in doc.paragraphs { w.beginObject(); span(p.span); w.key("kind"); w.string(p.kind.rawValue); w.endObject() }
        w.endArray()
        w.key("sentences"); w.beginArrayValue()
        for s in doc.sentences { w.beginObject(); span(s.span); w.endObject() }
        w.endArray()
        if options.includeTokens {
            w.key("tokens"); w.beginArrayValue()
            for t in doc.tokens { w.beginObject(); span(t.span); w.key("kind"); w.string(String(describing: t.kind)); w.endObject() }
            w.endArray()
        }
        w.key("quotes"); w.beginArrayValue()
        for q in doc.quotes {
            w.beginObject()
            span(q.span)
            w.key("text"); w.string(doc.originalString(q.span))
            w.key("kind"); w.string(q.kind.rawValue)
            w.key("pieces"); w.beginArrayValue()
            for p in q.pieces { w.beginObject(); span(p); w.endObject() }
            w.endArray()
            w.key("speaker")
            if let m = q.speaker {
                w.beginObjectValue()
                span(m.span)
                w.key("text"); w.string(doc.originalString(m.span))
                w.key("id"); if let id = m.speaker { w.int(id) } else { w.null() }
                w.key("name"); if let id = m.speaker, id < doc.speakers.count { w.string(doc.speakers[id].name) } else { w.null() }
                w.key("confidence"); w.double(m.confidence)
                w.endObject()
            } else { w.null() }
            w.key("cue")
            if let c = q.cue {
                w.beginObjectValue(); span(c.span); w.key("text"); w.string(doc.originalString(c.span)); w.key("lemma"); w.string(c.lemma); w.endObject()
            } else { w.null() }
            w.key("confidence"); w.double(q.confidence)
            w.key("stance"); w.beginArrayValue()
            for s in q.stance {
                w.beginObject(); w.key("target"); w.string(s.target); w.key("label"); w.string(s.label.rawValue); w.key("score"); w.double(s.score)
                w.key("evidence"); w.beginArrayValue(); for e in s.evidence { w.beginObject(); span(e); w.endObject() }; w.endArray()
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("speakers"); w.beginArrayValue()
        for s in doc.speakers {
            w.beginObject()
            w.key("id"); w.int(s.id)
            w.key("name"); w.string(s.name)
            w.key("role"); if let r = s.role { w.string(r) } else { w.null() }
            w.key("kind"); w.string(s.kind.rawValue)
            w.key("mentions"); w.beginArrayValue(); for m in s.mentions { w.beginObject(); span(m); w.endObject() }; w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("stances"); w.beginArrayValue()
        for s in doc.stances {
            w.beginObject()
            w.key("speaker"); w.int(s.speaker)
            w.key("name"); w.string(s.speaker < doc.speakers.count ? doc.speakers[s.speaker].name : "")
            w.key("target"); w.string(s.target)
            w.key("label"); w.string(s.label.rawValue)
            w.key("score"); w.double(s.score)
            w.key("quotes"); w.int(s.quotes)
            w.endObject()
        }
        w.endArray()
        w.key("extensions"); w.value(.object(doc.extensions))
        w.endObject()
    }

    /// One document as a JSON object, UTF-8.
    public static func encode(_ doc: Document, options: Options = .init()) -> [UInt8] {
        var w = JSONWriter(capacity: doc.original.utf8.count * 2 + 1024)
        write(doc, to: &w, options: options)
        return w.bytes
    }
}
