import LedeCore

/// Repairs UTF-8 that was decoded as Windows-1252 or Latin-1 (`â€™` → `’`, `Ã©` → `é`), the way
/// ftfy handles its most frequent case: map the suspicious run back to bytes and accept it only
/// if those bytes are exactly one well-formed multi-byte UTF-8 sequence.
enum Mojibake {
    /// The Windows-1252 character for a byte in 0x80–0x9F.
    static func cp1252Scalar(_ byte: UInt8) -> Unicode.Scalar? {
        byte >= 0x80 && byte <= 0x9F ? Windows1252.scalar(byte) : nil
    }

    /// The byte a Windows-1252/Latin-1 character stands for, if any.
    @inline(__always) static func byte(for scalar: Unicode.Scalar) -> UInt8? { Windows1252.byte(for: scalar) }

    /// The repaired scalar and how many input scalars it replaces, or nil when the run at `i` is not
    /// mojibake. The decoded character must be one that plausibly went through the round trip
    /// (Latin letters and signs, general punctuation and symbols, emoji): "café…”" stays as it is
    /// although its bytes would decode to a CJK character.
    static func repair(_ s: [Unicode.Scalar], at i: Int) -> (Unicode.Scalar, Int)? {
        let lead = s[i].value
        guard lead >= 0xC2 && lead <= 0xF4 else { return nil }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard i + 1 < s.count, let b1 = continuation(s[i + 1]) else { return nil }
        if length == 2 {
            let v = (lead & 0x1F) << 6 | b1
            return v >= 0xA0 ? Unicode.Scalar(v).map { ($0, 2) } : nil
        }
        guard i + 2 < s.count, let b2 = continuation(s[i + 2]) else {
            // "â€" whose third byte (0x9D, undefined in Windows-1252) was lost: a closing double quote.
            if lead == 0xE2 && s[i + 1].value == 0x20AC { return ("\u{201D}", 2) }
            return nil
        }
        if length == 3 {
            let v = (lead & 0x0F) << 12 | b1 << 6 | b2
            guard (v >= 0x2000 && v <= 0x2BFF) || v == 0xFEFF || (v >= 0xFB00 && v <= 0xFB06) else { return nil }
            return Unicode.Scalar(v).map { ($0, 3) }
        }
        guard i + 3 < s.count, let b3 = continuation(s[i + 3]) else { return nil }
        let v = (lead & 0x07) << 18 | b1 << 12 | b2 << 6 | b3
        guard v >= 0x1F000 && v <= 0x1FAFF else { return nil }
        return Unicode.Scalar(v).map { ($0, 4) }
    }

    /// The six payload bits of a UTF-8 continuation byte shown as its Windows-1252/Latin-1 character.
    @inline(__always) private static func continuation(_ scalar: Unicode.Scalar) -> UInt32? {
        guard let b = byte(for: scalar), b >= 0x80 && b <= 0xBF else { return nil }
        return UInt32(b & 0x3F)
    }
}
