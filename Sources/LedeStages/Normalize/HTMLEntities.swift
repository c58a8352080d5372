/// Decodes HTML character references (`&amp;`, `&#8217;`, `&#x2019;`) that leak into scraped news.
enum HTMLEntities {
    /// The named entities that actually occur in news text; others are left alone.
    static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0x20,
        "rsquo": 0x2019, "lsquo": 0x2018, "rdquo": 0x201D, "ldquo": 0x201C, "sbquo": 0x201A, "bdquo": 0x201E,
        "mdash": 0x2014, "ndash": 0x2013, "hellip": 0x2026, "laquo": 0xAB, "raquo": 0xBB, "lsaquo": 0x2039, "rsaquo": 0x203A,
        "eacute": 0xE9, "Eacute": 0xC9, "egrave": 0xE8, "aacute": 0xE1, "agrave": 0xE0, "iacute": 0xED, "oacute": 0xF3,
        "uacute": 0xFA, "ntilde": 0xF1, "Ntilde": 0xD1, "ccedil": 0xE7, "uuml": 0xFC, "ouml": 0xF6, "auml": 0xE4,
        "Uuml": 0xDC, "Ouml": 0xD6, "Auml": 0xC4, "szlig": 0xDF, "euro": 0x20AC, "pound": 0xA3, "cent": 0xA2, "yen": 0xA5,
        "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "deg": 0xB0, "middot": 0xB7, "bull": 0x2022, "times": 0xD7,
        "shy": 0xAD, "zwj": 0x200D, "zwnj": 0x200C, "prime": 0x2032, "Prime": 0x2033,
    ]

    /// The decoded scalars and how many input scalars the reference spans, or nil if `&` at `i` starts none.
    static func decode(_ s: [Unicode.Scalar], at i: Int) -> ([Unicode.Scalar], Int)? {
        var j = i + 1
        let limit = min(s.count, i + 12)
        if j < limit, s[j] == "#" {
            j += 1
            var hex = false
            if j < limit, s[j] == "x" || s[j] == "X" { hex = true; j += 1 }
            var value: UInt32 = 0
            let digitsStart = j
            func digit(_ c: Unicode.Scalar) -> UInt32? {
                let v = c.value
                if v >= 0x30 && v <= 0x39 { return v - 0x30 }
                if hex && v >= 0x61 && v <= 0x66 { return v - 0x61 + 10 }
                if hex && v >= 0x41 && v <= 0x46 { return v - 0x41 + 10 }
                return nil
            }
            while j < limit, let d = digit(s[j]) {
                value = value * (hex ? 16 : 10) + d
                j += 1
                if value > 0x10FFFF { return nil }
            }
            guard j > digitsStart, j < s.count, s[j] == ";", let scalar = Unicode.Scalar(value) else { return nil }
            // Windows-1252 numbers sometimes appear as &#146; for ’.
            if value >= 0x80 && value <= 0x9F, let fixed = Mojibake.cp1252Scalar(UInt8(value)) { return ([fixed], j + 1 - i) }
            return ([scalar], j + 1 - i)
        }
        var name = ""
        while j < limit, s[j].isLetter || s[j].isDigit { name.unicodeScalars.append(s[j]); j += 1 }
        guard j < s.count, s[j] == ";", let value = named[name], let scalar = Unicode.Scalar(value) else { return nil }
        return ([scalar], j + 1 - i)
    }
}
