/// An open-addressing table from ``WordKey`` to a small value, probed with a multiplicative hash.
///
/// `Set`/`Dictionary` hash with seeded SipHash, which costs more than the rest of a sentence-end
/// decision; these tables are built once per stage and only read afterwards.
struct WordKeyTable<Value: Sendable>: Sendable {
    private let keys: [UInt64]
    private let values: [Value?]
    private let mask: Int

    init(_ entries: [(WordKey, Value)]) {
        var capacity = 16
        while capacity < entries.count * 3 { capacity *= 2 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [Value?](repeating: nil, count: capacity)
        let mask = capacity - 1
        for (k, v) in entries {
            var i = Self.slot(k.raw, mask)
            // Key 0 is the empty word, which no list holds, so it marks free slots.
            while keys[i] != 0 && keys[i] != k.raw { i = (i + 1) & mask }
            keys[i] = k.raw
            values[i] = v
        }
        self.keys = keys
        self.values = values
        self.mask = mask
    }

    @inline(__always) private static func slot(_ raw: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (raw &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    subscript(_ key: WordKey?) -> Value? {
        guard let key else { return nil }
        var i = Self.slot(key.raw, mask)
        while true {
            let k = keys[i]
            if k == key.raw { return values[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }
}

/// A set of words on top of ``WordKeyTable``.
struct WordKeySet: Sendable {
    private let table: WordKeyTable<Bool>
    init(_ words: [String]) {
        table = WordKeyTable(words.compactMap { w in WordKey(SegmentLexicon.key(w)).map { ($0, true) } })
    }
    @inline(__always) func contains(_ key: WordKey?) -> Bool { table[key] != nil }
}
