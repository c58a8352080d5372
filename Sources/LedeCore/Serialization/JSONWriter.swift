/// Appends JSON to a byte buffer with keys in the order written.
///
/// Hand-rolled because document export is a hot path: building `[String: Any]` trees for
/// `JSONEncoder` costs more than the NLP stages, and a fixed key order keeps output diffable.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    public mutating func beginObject() { separator(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma.removeLast() }
    public mutating func beginArray() { separator(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma.removeLast() }

    /// Writes `"key":`; the value that follows must not add another separator.
    public mutating func key(_ k: String) {
        separator()
        appendString(k)
        bytes.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
        pendingValueAfterKey = true
    }
    private var pendingValueAfterKey = false

    private mutating func valuePrefix() {
        if pendingValueAfterKey {
            pendingValueAfterKey = false
            needsComma[needsComma.count - 1] = true
        } else {
            separator()
        }
    }

    public mutating func string(_ s: String) { valuePrefix(); appendString(s) }
    public mutating func int(_ n: Int) { valuePrefix(); bytes.append(contentsOf: String(n).utf8) }
    public mutating func bool(_ b: Bool) { valuePrefix(); bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    public mutating func null() { valuePrefix(); bytes.append(contentsOf: "null".utf8) }
    /// Numbers such as confidences, rounded to 4 decimals so output is stable across platforms.
    public mutating func double(_ d: Double) {
        valuePrefix()
        guard d.isFinite else { bytes.append(contentsOf: "null".utf8); return }
        let r = (d * 10000).rounded() / 10000
        if r == r.rounded(), abs(r) < 1e15 { bytes.append(contentsOf: String(Int(r)).utf8) } else { bytes.append(contentsOf: "\(r)".utf8) }
    }

    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let n): double(n)
        case .string(let s): string(s)
        case .array(let a):
            beginArrayValue()
            for e in a { value(e) }
            endArray()
        case .object(let o):
            beginObjectValue()
            for k in o.keys.sorted() { key(k); value(o[k]!) }
            endObject()
        }
    }

    /// Begin an object/array as the value of a key (no extra separator).
    public mutating func beginObjectValue() { valuePrefix(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    public mutating func beginArrayValue() { valuePrefix(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(Self.hex[Int(b >> 4)]); bytes.append(Self.hex[Int(b & 0xF)])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
