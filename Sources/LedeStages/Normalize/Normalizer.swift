import Foundation
import LedeCore

/// The normalization pass behind ``NormalizeStage``, usable on its own (and property-tested).
///
/// Most news text needs no change at all, so the pass first looks for the first scalar any rule
/// cares about; a clean text is returned as it is with the identity map. After that, runs of plain
/// scalars are copied in bulk and only the interesting ones go through the rules.
struct Normalizer {
    var options: NormalizeStage.Options

    func normalize(_ input: [Unicode.Scalar]) -> ([Unicode.Scalar], OffsetMap) {
        let n = input.count
        var i = plainEnd(input, from: 0)
        if i == n { return (input, OffsetMap(identity: n)) }

        var out: [Unicode.Scalar] = []
        out.reserveCapacity(n)
        out.append(contentsOf: input[0..<i])
        var map = OffsetMapBuilder()
        var pendingCopy = i
        func flushCopy() { if pendingCopy > 0 { map.copy(pendingCopy); pendingCopy = 0 } }
        func replace(consumed: Int, with scalars: [Unicode.Scalar]) {
            flushCopy()
            out.append(contentsOf: scalars)
            map.replace(originalLength: consumed, workingLength: scalars.count)
        }

        while i < n {
            let j = plainEnd(input, from: i)
            if j > i {
                out.append(contentsOf: input[i..<j]); pendingCopy += j - i; i = j
                continue
            }
            let c = input[i]
            let v = c.value
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
                replace(consumed: length, with: decoded.compactMap(clean)); i += length
                continue
            }
            if v >= 0x80 {
                if options.mojibake, let (fixed, length) = Mojibake.repair(input, at: i) {
                    replace(consumed: length, with: clean(fixed).map { [$0] } ?? []); i += length
                    continue
                }
                if options.unicode != .none, let length = compose(input, at: i, out: &out, pendingCopy: &pendingCopy, map: &map) {
                    i += length
                    continue
                }
            }
            out.append(c); pendingCopy += 1; i += 1
        }
        flushCopy()
        return (out, map.build(originalLength: n))
    }

    /// A scalar that came out of an entity or a mojibake repair, under the same rules as the text:
    /// `&shy;` and a repaired `ï»¿` (a byte-order mark) disappear, `&nbsp;` is a plain space.
    private func clean(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        if options.strip_invisible && Self.isInvisible(c.value) { return nil }
        if options.spaces && Self.isOddSpace(c.value) { return " " }
        if options.newlines && c.value == 0x0D { return "\n" }
        return c
    }

    /// The end of the run of scalars from `i` that no rule changes. Printable ASCII, line feeds and
    /// single spaces are decided inline; anything else asks ``isPlain(_:_:)``.
    private func plainEnd(_ input: [Unicode.Scalar], from i: Int) -> Int {
        let fold = options.fold_spaces
        let low = Self.plainLow, high = Self.plainHigh
        return input.withUnsafeBufferPointer { p in
            let n = p.count
            var j = i
            while j < n {
                let v = p[j].value
                if v >= 0x80 {
                    if isPlain(input, j) { j += 1; continue }
                    break
                }
                // One table lookup instead of a chain of comparisons: this loop sees every scalar.
                if ((v & 64) != 0 ? high : low) >> UInt64(v & 63) & 1 != 0 { j += 1; continue }
                if v == 0x20 {
                    // A space is plain unless a space, tab or non-ASCII space may follow it (folding).
                    let next = j + 1 < n ? p[j + 1].value : 0x41
                    if !fold || (next > 0x20 && next < 0x80) || isPlain(input, j) { j += 1; continue }
                }
                break
            }
            return j
        }
    }

    /// Bit v set: ASCII scalar v (below 64 / 64–127) is plain whatever follows it: line feed and
    /// printable characters other than `&` (a space depends on its successor).
    private static let plainLow: UInt64 = {
        var m: UInt64 = 1 << 0x0A
        for v in 0x21..<0x40 where v != 0x26 { m |= 1 << UInt64(v) }
        return m
    }()
    private static let plainHigh: UInt64 = {
        var m: UInt64 = 0
        for v in 0x40..<0x7F { m |= 1 << UInt64(v - 64) }
        return m
    }()

    /// Whether no rule can change the scalar at `i` (looking at its successor for space runs and
    /// mojibake). Conservative: `false` only sends the scalar through the full rules.
    @inline(never) private func isPlain(_ input: [Unicode.Scalar], _ i: Int) -> Bool {
        let v = input[i].value
        if v >= 0x21 && v < 0x7F { return v != 0x26 }
        if v == 0x0A { return true }
        if v == 0x20 {
            guard options.fold_spaces, i + 1 < input.count else { return true }
            let w = input[i + 1].value
            return w != 0x20 && !(options.spaces && Self.isOddSpace(w))
        }
        if v < 0xA0 { return false }
        if options.unicode == .nfkc { return false }
        if Self.isOddSpace(v) || Self.isInvisible(v) { return false }
        if options.mojibake && v >= 0xC2 && v <= 0xF4, i + 1 < input.count, Mojibake.byte(for: input[i + 1]).map({ $0 >= 0x80 && $0 <= 0xBF }) == true {
            return false
        }
        if options.unicode == .nfc && v >= 0x300 {
            if (v >= 0x300 && v < 0x370) || Self.isNFCSingleton(v) { return false }
            if v >= 0x370 && Unicode.Scalar.combiningClass(input[i]) != 0 { return false }
        }
        return true
    }

    /// Normalizes the cluster starting at `i` (a starter plus following combining marks) when that
    /// changes it; the previous scalar is pulled back in when the cluster starts with a mark.
    /// Returns how many input scalars were consumed, or nil when nothing changed.
    private func compose(_ input: [Unicode.Scalar], at i: Int, out: inout [Unicode.Scalar], pendingCopy: inout Int,
                         map: inout OffsetMapBuilder) -> Int? {
        let c = input[i]
        let isMark = Unicode.Scalar.combiningClass(c) != 0
        var end = i + 1
        while end < input.count, input[end].value >= 0x300, Unicode.Scalar.combiningClass(input[end]) != 0 { end += 1 }
        let hasMarks = isMark || end > i + 1
        if !hasMarks && options.unicode == .nfc && !Self.isNFCSingleton(c.value) { return nil }
        // A leading mark composes with the scalar before it, if that one was copied unchanged.
        let startsWithPrevious = isMark && pendingCopy > 0 && !out.isEmpty
        var cluster = String.UnicodeScalarView()
        if startsWithPrevious { cluster.append(out[out.count - 1]) }
        cluster.append(contentsOf: input[i..<end])
        let source = String(cluster)
        let normalized = options.unicode == .nfkc ? source.precomposedStringWithCompatibilityMapping : source.precomposedStringWithCanonicalMapping
        let result = Array(normalized.unicodeScalars)
        if result.elementsEqual(cluster) { return nil }
        if startsWithPrevious { out.removeLast(); pendingCopy -= 1 }
        if pendingCopy > 0 { map.copy(pendingCopy); pendingCopy = 0 }
        out.append(contentsOf: result)
        map.replace(originalLength: cluster.count, workingLength: result.count)
        return end - i
    }

    /// Scalars that NFC replaces even without a combining mark (Ohm and Kelvin signs, Greek
    /// compatibility punctuation, CJK compatibility ideographs).
    static func isNFCSingleton(_ v: UInt32) -> Bool {
        switch v {
        case 0x0340, 0x0341, 0x0343, 0x0344, 0x0374, 0x037E, 0x0387, 0x1F71, 0x1F73, 0x1F75, 0x1F77, 0x1F79, 0x1F7B,
             0x1F7D, 0x1FBB, 0x1FBE, 0x1FC9, 0x1FCB, 0x1FD3, 0x1FDB, 0x1FE3, 0x1FEB, 0x1FEE, 0x1FEF, 0x1FF9, 0x1FFB, 0x1FFD,
             0x2000, 0x2001, 0x2126, 0x212A, 0x212B, 0x2329, 0x232A: return true
        case 0xF900...0xFAFF, 0x2F800...0x2FA1F: return true
        default: return false
        }
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
