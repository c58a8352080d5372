/// Feature hashing: templates and values are mixed into 32-bit keys, so the model needs no
/// vocabulary and the hot path builds no strings.
enum FeatureHash {
    /// FNV-1a offset basis; also the hash of "no value".
    static let empty: UInt64 = 0xcbf29ce484222325

    @inline(__always) static func fnv(_ h0: UInt64, _ byte: UInt8) -> UInt64 {
        (h0 ^ UInt64(byte)) &* 0x100000001b3
    }

    /// Hash of a string's UTF-8 bytes.
    @inline(__always) static func string(_ s: String) -> UInt64 {
        var h = empty
        for b in s.utf8 { h = fnv(h, b) }
        return h
    }

    /// Hash of a few scalars (punctuation, quotation marks, over-long words).
    static func scalars(_ s: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var h = empty ^ 0x5bd1e995
        for c in s.prefix(12) { h = (h ^ UInt64(c.value)) &* 0x100000001b3 }
        return h
    }

    /// Key of template `template` with value `value`: one multiply (Fibonacci hashing), the top 32
    /// bits kept. The table index is the key's top `hashBits` bits (``AttributionWeights``), the
    /// best-mixed bits of a multiplicative hash, so the hot path needs no full finalizer per feature.
    @inline(__always) static func key(_ template: UInt64, _ value: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: ((value ^ (template &* 0xD6E8FEB86659FD93)) &* 0x9E3779B97F4A7C15) >> 32)
    }

    /// Cheap combination of two values for a conjunction feature (one multiply; ``key`` mixes again).
    @inline(__always) static func pair(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let m = a &* 0xBF58476D1CE4E5B9
        return ((m << 29) | (m >> 35)) ^ b
    }

    /// Combines two hashes (SplitMix64 finalizer), for values computed once per word or lexicon entry.
    @inline(__always) static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var z = (a &* 0x9E3779B97F4A7C15) ^ (b &+ 0x632BE59BD9B4E019)
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
