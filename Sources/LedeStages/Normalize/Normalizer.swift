import Foundation
import LedeCore

/// The normalization pass behind ``NormalizeStage``, usable on its own (and property-tested).
struct Normalizer {
    var options: NormalizeStage.Options

    func normalize(_ input: [Unicode.Scalar]) -> ([Unicode.Scalar], OffsetMap) {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(input.count)
        var map = OffsetMapBuilder()
        var pendingCopy = 0
        func flushCopy() { if pendingCopy > 0 { map.copy(pendingCopy); pendingCopy = 0 } }
        func replace(consumed: Int, with scalars: [Unicode.Scalar]) {
            flushCopy()
            out.append(contentsOf: scalars)
            map.replace(originalLength: consumed, workingLength: scalars.count)
        }

        let n = input.count
        var i = 0
        while i < n {
            let c = input[i]
            let v = c.value
            // Fast path: printable ASCII other than the characters some rule looks at.
            if v >= 0x21 && v < 0x7F && v != 0x26 {
                out.append(c); pendingCopy += 1; i += 1
                continue
            }
            if v == 0x0D && options.newlines {
                let consumed = i + 1 < n && input[i + 1] == "\n" ? 2 : 1
                replace(consumed: consumed, with: ["\n"]); i += consumed
                continue
            }
            if v == 0x20 || (options.spaces && Self.isOddSpace(v)) {
                var j = i + 1
                if options.fold_spaces {
                    while j < n, input[j] == " " || (options.spaces && Self.isOddSpace(input[j].value)) { j += 1 }
                } else if v == 0x20 {
                    out.append(c); pendingCopy += 1; i += 1
                    continue
                }
                if j - i == 1 && v == 0x20 { out.append(c); pendingCopy += 1 } else { replace(consumed: j - i, with: [" "]) }
                i = j
                continue
            }
            if options.strip_invisible && Self.isInvisible(v) {
                replace(consumed: 1, with: []); i += 1
                continue
            }
            if v == 0x26 && options.html_entities, let (decoded, length) = HTMLEntities.decode(input, at: i) {
                replace(consumed: length, with: decoded); i += length
                continue
            }
            if v >= 0x80 {
                if options.mojibake, let (fixed, length) = Mojibake.repair(input, at: i) {
                    replace(consumed: length, with: [fixed]); i += length
                    continue
                }
                if options.unicode != .none, let (composed, length) = compose(input, at: i, out: &out, pendingCopy: &pendingCopy, map: &map) {
                    _ = composed
                    i += length
                    continue
                }
            }
            out.append(c); pendingCopy += 1; i += 1
        }
        flushCopy()
        return (out, map.build(originalLength: n))
    }

    /// Normalizes the cluster starting at `i` (a starter plus following combining marks) when that
    /// changes it; the previous scalar is pulled back in when the cluster starts with a mark.
    private func compose(_ input: [Unicode.Scalar], at i: Int, out: inout [Unicode.Scalar], pendingCopy: inout Int,
                         map: inout OffsetMapBuilder) -> (Bool, Int)? {
        let c = input[i]
        let isMark = c.properties.canonicalCombiningClass.rawValue != 0
        var end = i + 1
        while end < input.count, input[end].value >= 0x300, input[end].properties.canonicalCombiningClass.rawValue != 0 { end += 1 }
        let hasMarks = isMark || end > i + 1
        if !hasMarks && options.unicode == .nfc { return nil }
        // A leading mark composes with the scalar before it, if that one was copied unchanged.
        let startsWithPrevious = isMark && pendingCopy > 0 && !out.isEmpty
        var cluster = String.UnicodeScalarView()
        if startsWithPrevious { cluster.append(out[out.count - 1]) }
        cluster.append(contentsOf: input[i..<end])
        let source = String(cluster)
        let normalized = options.unicode == .nfkc ? source.precomposedStringWithCompatibilityMapping : source.precomposedStringWithCanonicalMapping
        let result = Array(normalized.unicodeScalars)
        if result == Array(cluster) { return nil }
        if startsWithPrevious { out.removeLast(); pendingCopy -= 1 }
        if pendingCopy > 0 { map.copy(pendingCopy); pendingCopy = 0 }
        out.append(contentsOf: result)
        map.replace(originalLength: cluster.count, workingLength: result.count)
        return (true, end - i)
    }

    /// No-break, en/em/thin spaces and friends, the ideographic space, and tabs.
    static func isOddSpace(_ v: UInt32) -> Bool {
        v == 0x09 || v == 0xA0 || (v >= 0x2000 && v <= 0x200A) || v == 0x202F || v == 0x205F || v == 0x3000 || v == 0x1680
    }

    /// BOM, zero-width characters, soft hyphen, and C0/C1 controls other than newline and tab.
    static func isInvisible(_ v: UInt32) -> Bool {
        switch v {
        case 0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060, 0x00AD, 0x180E: return true
        case 0x00..<0x09, 0x0B, 0x0C, 0x0E..<0x20, 0x7F..<0xA0: return true
        default: return false
        }
    }
}
