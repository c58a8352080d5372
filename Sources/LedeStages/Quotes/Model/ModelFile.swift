import Foundation

/// A trained attribution tagger as the `quotes` stage loads it.
///
/// The file is `LEDEATTR`, a format version (UInt32 LE), a JSON header (length-prefixed), then per
/// pass (the first pass, then the stacked second pass when the header has `stack_epochs`) the
/// transition matrix and only the non-zero rows of the emission table (row count, then row index +
/// one Float32 per label). Sparse rows keep a PolNeAR model at a few MB and a fixture model at a few
/// KB, and loading is one pass over the bytes. No timestamps are written, so the same training run
/// gives the same bytes.
public struct AttributionModel: Sendable, Equatable {
    /// 2: a second (stacked) pass may follow the first.
    public static let formatVersion: UInt32 = 2
    static let magic = Array("LEDEATTR".utf8)

    /// What the model was trained on and how, for `lede` to print and for users to audit.
    public struct Header: Codable, Sendable, Equatable {
        public var feature_version: Int
        public var hash_bits: Int
        public var labels: Int
        public var epochs: Int
        public var seed: UInt64
        public var trained_on: [String]
        public var documents: Int
        public var dev_score: Double?
        /// Words the training data tags as cues (feature set 3), see ``LearnedCue``.
        public var learned_cues: [LearnedCue]?
        /// Words the training data tags as sources (feature set 3).
        public var learned_sources: [LearnedCue]?
        /// Epochs of the stacked second pass (absent: one pass).
        public var stack_epochs: Int? = nil
        /// Folds of the jackknife that produced the second pass's training tags.
        public var stack_folds: Int? = nil
        /// The share of the first pass's scores the second pass adds its own to.
        public var stack_first_share: Double? = nil
        /// log2 of the second pass's buckets (nil: `hash_bits`).
        public var stack_hash_bits: Int? = nil
        /// Logistic calibration of a quotation's confidence from its content's mean tag margin,
        /// fitted on the dev data: [slope, intercept] (absent: fixed confidences).
        public var confidence_calibration: [Double]? = nil
        /// How the passes learned (``AttributionLearner``), the CRF's rate and feature dropout;
        /// provenance only.
        public var learner: String? = nil
        public var stack_learner: String? = nil
        public var rate: Double? = nil
        public var dropout: Double? = nil
        /// Added to the content labels' scores before the final decode, tuned on the dev data for
        /// end-to-end F1 (absent: 0).
        public var content_bias: Double? = nil
        /// The same for the source and the cue labels (see ``RoleBias``).
        public var source_bias: Double? = nil
        public var cue_bias: Double? = nil
    }

    public var header: Header
    var weights: AttributionWeights
    /// The second pass, over ``StackedFeatures`` (nil: the first pass's tags are final).
    var stack: AttributionWeights?
    /// The stage's lexicons as a hash table for feature extraction, built on first use.
    let lexiconCache = FeatureLexiconCache()
    /// The emission table the tagger reads (16-bit); training keeps using ``weights``.
    let tagging: QuantizedEmissions
    /// The second pass's table for tagging (16-bit, like ``tagging``).
    let stackTagging: QuantizedEmissions?

    init(header: Header, weights: AttributionWeights, stack: AttributionWeights? = nil) {
        self.header = header; self.weights = weights; self.stack = stack
        tagging = QuantizedEmissions(weights); stackTagging = stack.map(QuantizedEmissions.init)
    }

    public static func == (a: AttributionModel, b: AttributionModel) -> Bool {
        a.header == b.header && a.weights == b.weights && a.stack == b.stack
    }

    public func serialized() -> Data {
        var out = Data()
        out.append(contentsOf: Self.magic)
        func u32(_ x: UInt32) { withUnsafeBytes(of: x.littleEndian) { out.append(contentsOf: $0) } }
        func f32(_ x: Float) { u32(x.bitPattern) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(header)) ?? Data("{}".utf8)
        u32(Self.formatVersion)
        u32(UInt32(json.count))
        out.append(json)
        let L = AttributionLabel.count, S = AttributionWeights.stride
        for pass in [weights] + (stack.map { [$0] } ?? []) {
            for t in pass.transitions { f32(t) }
            let rows = pass.emissions.count / S
            var nonzero: [Int] = []
            for r in 0..<rows where (0..<L).contains(where: { pass.emissions[r * S + $0] != 0 }) { nonzero.append(r) }
            u32(UInt32(nonzero.count))
            out.reserveCapacity(out.count + nonzero.count * (L + 1) * 4)
            for r in nonzero {
                u32(UInt32(r))
                for l in 0..<L { f32(pass.emissions[r * S + l]) }
            }
        }
        return out
    }

    public func write(to path: String) throws {
        try serialized().write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    public static func load(path: String) throws -> AttributionModel {
        guard let data = FileManager.default.contents(atPath: path) else { throw AttributionModelError.unreadable(path) }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String = "model") throws -> AttributionModel {
        let bytes = [UInt8](data)
        var at = 0
        func u32() throws -> UInt32 {
            guard at + 4 <= bytes.count else { throw AttributionModelError.truncated(path) }
            let v = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
            at += 4
            return v
        }
        guard bytes.count >= 16, Array(bytes[0..<8]) == magic else { throw AttributionModelError.notAModel(path) }
        at = 8
        let version = try u32()
        guard version == formatVersion else { throw AttributionModelError.version(path, found: version) }
        let jsonLength = Int(try u32())
        guard at + jsonLength <= bytes.count else { throw AttributionModelError.truncated(path) }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: Data(bytes[at..<(at + jsonLength)])) }
        catch { throw AttributionModelError.notAModel(path) }
        at += jsonLength
        guard header.feature_version == AttributionFeatures.version, header.labels == AttributionLabel.count else {
            throw AttributionModelError.features(path, found: header.feature_version)
        }
        guard header.hash_bits >= 8, header.hash_bits <= 24 else { throw AttributionModelError.notAModel(path) }
        let L = AttributionLabel.count
        func pass(hashBits: Int, perToken: Int) throws -> AttributionWeights {
            guard hashBits >= 8, hashBits <= 24 else { throw AttributionModelError.notAModel(path) }
            var weights = AttributionWeights(hashBits: hashBits, perToken: perToken)
            for i in weights.transitions.indices { weights.transitions[i] = Float(bitPattern: try u32()) }
            let rows = Int(try u32())
            let buckets = 1 << hashBits
            guard at + rows * (L + 1) * 4 <= bytes.count else { throw AttributionModelError.truncated(path) }
            for _ in 0..<rows {
                let r = Int(try u32())
                guard r < buckets else { throw AttributionModelError.notAModel(path) }
                for l in 0..<L { weights.emissions[r * AttributionWeights.stride + l] = Float(bitPattern: try u32()) }
            }
            return weights
        }
        let first = try pass(hashBits: header.hash_bits, perToken: AttributionFeatures.perToken)
        let stack = header.stack_epochs == nil ? nil : try pass(hashBits: header.stack_hash_bits ?? header.hash_bits, perToken: StackedFeatures.perToken)
        return AttributionModel(header: header, weights: first, stack: stack)
    }
}

public enum AttributionModelError: Error, CustomStringConvertible, Equatable {
    case unreadable(String)
    case notAModel(String)
    case truncated(String)
    case version(String, found: UInt32)
    case features(String, found: Int)

    public var description: String {
        switch self {
        case let .unreadable(p): return "cannot read model file '\(p)'"
        case let .notAModel(p): return "'\(p)' is not a Lede attribution model"
        case let .truncated(p): return "model file '\(p)' is truncated"
        case let .version(p, found):
            return "model file '\(p)' has format version \(found); this lede reads version \(AttributionModel.formatVersion) (retrain it with `lede train-quotes`)"
        case let .features(p, found):
            return "model file '\(p)' was trained on feature set \(found); this lede computes feature set \(AttributionFeatures.version) (retrain it with `lede train-quotes`)"
        }
    }
}
