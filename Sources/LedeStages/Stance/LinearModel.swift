import Foundation
import LedeCore

/// Why a model file cannot be used.
public struct StanceModelError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Float32 arrays as little-endian base64: a compact, exact and diff-stable encoding in JSON.
public enum Float32Base64 {
    public static func encode(_ values: [Float]) -> String {
        var bytes = [UInt8](); bytes.reserveCapacity(values.count * 4)
        for v in values { let b = v.bitPattern.littleEndian; withUnsafeBytes(of: b) { bytes.append(contentsOf: $0) } }
        return Data(bytes).base64EncodedString()
    }
    public static func decode(_ text: String) -> [Float]? {
        guard let data = Data(base64Encoded: text), data.count % 4 == 0 else { return nil }
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count, by: 4).map { i in
            Float(bitPattern: UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
        }
    }
    public static func encode(_ values: [UInt32]) -> String {
        encode(values.map { Float(bitPattern: $0) })
    }
    public static func decodeUInt32(_ text: String) -> [UInt32]? {
        decode(text)?.map(\.bitPattern)
    }
}

/// The on-disk form of a trained stance model (`lede train-stance --out model.json`).
///
/// Only feature buckets seen in training are stored (sparse), so a model of a few hundred
/// sentences is tens of kilobytes even though the hashed space has a million buckets.
public struct StanceModelFile: Codable, Sendable, Equatable {
    public static let formatName = "lede-stance-linear"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    /// Labels in the order of the weight columns.
    public var classes: [String]
    public var features: FeatureConfig
    /// Targets seen in training (normalised), for a warning when the stage asks for another.
    public var targets: [String]
    public var bias: [Float]
    /// IDF of the buckets kept in training (the vocabulary); every other bucket is ignored.
    public var idf_indices: String
    public var idf_values: String
    /// Buckets with weights, ascending, and `classes.count` weights per bucket (row-major).
    public var weight_indices: String
    public var weight_values: String
    /// How it was trained: examples, regularisation, seed, cross-validated macro-F1.
    public var training: [String: String]

    public init(format: String = Self.formatName, version: Int = Self.currentVersion, classes: [String], features: FeatureConfig,
                targets: [String], bias: [Float], idf_indices: String, idf_values: String,
                weight_indices: String, weight_values: String, training: [String: String]) {
        self.format = format; self.version = version; self.classes = classes; self.features = features; self.targets = targets
        self.bias = bias; self.idf_indices = idf_indices; self.idf_values = idf_values
        self.weight_indices = weight_indices; self.weight_values = weight_values; self.training = training
    }

    /// Deterministic JSON (sorted keys), so the same training run gives the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(self)
    }
}

/// A multinomial linear model over hashed features, loaded for prediction.
public struct LinearStanceModel: Sendable {
    public let file: StanceModelFile
    public let hasher: FeatureHasher
    let idf: [UInt32: Float]
    /// Bucket → row in `weights`.
    let rows: [UInt32: Int]
    let weights: [Float]

    public var classes: [String] { file.classes }

    public init(file: StanceModelFile) throws {
        guard file.format == StanceModelFile.formatName else {
            throw StanceModelError("not a Lede stance model (format '\(file.format)', expected '\(StanceModelFile.formatName)')")
        }
        guard file.version == StanceModelFile.currentVersion else {
            throw StanceModelError("stance model version \(file.version) is not supported by this Lede (it reads version \(StanceModelFile.currentVersion)); retrain it with `lede train-stance`")
        }
        let k = file.classes.count
        guard k >= 2, file.bias.count == k else { throw StanceModelError("stance model has \(k) classes and \(file.bias.count) biases") }
        guard (1...26).contains(file.features.dimensions_log2) else { throw StanceModelError("stance model has an invalid feature size") }
        guard let ii = Float32Base64.decodeUInt32(file.idf_indices), let iv = Float32Base64.decode(file.idf_values), ii.count == iv.count,
              let wi = Float32Base64.decodeUInt32(file.weight_indices), let wv = Float32Base64.decode(file.weight_values), wv.count == wi.count * k else {
            throw StanceModelError("stance model weights are corrupt (base64 or lengths do not match)")
        }
        self.file = file
        hasher = FeatureHasher(file.features)
        idf = Dictionary(zip(ii, iv), uniquingKeysWith: { a, _ in a })
        rows = Dictionary(zip(wi, 0..<wi.count), uniquingKeysWith: { a, _ in a })
        weights = wv
    }

    public init(data: Data) throws {
        // Read format and version first, so an old or foreign file gets a clear message rather
        // than a decoding error about a missing key.
        struct Header: Decodable { var format: String?; var version: Int? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw StanceModelError("stance model is not valid JSON")
        }
        guard header.format == StanceModelFile.formatName else {
            throw StanceModelError("not a Lede stance model (format '\(header.format ?? "missing")', expected '\(StanceModelFile.formatName)')")
        }
        guard header.version == StanceModelFile.currentVersion else {
            throw StanceModelError("stance model version \(header.version.map(String.init) ?? "missing") is not supported by this Lede (it reads version \(StanceModelFile.currentVersion)); retrain it with `lede train-stance`")
        }
        let file: StanceModelFile
        do { file = try JSONDecoder().decode(StanceModelFile.self, from: data) } catch {
            throw StanceModelError("stance model is incomplete: \(error)")
        }
        try self.init(file: file)
    }

    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StanceModelError(FileManager.default.fileExists(atPath: path) ? "cannot read stance model '\(path)'" : "stance model '\(path)' does not exist")
        }
        try self.init(data: data)
    }

    /// Class probabilities (softmax) for a feature vector.
    public func probabilities(_ x: SparseVector) -> [Double] {
        let k = file.classes.count
        var z = file.bias.map(Double.init)
        for (j, b) in x.indices.enumerated() {
            guard let r = rows[b] else { continue }
            let v = Double(x.values[j])
            for c in 0..<k { z[c] += v * Double(weights[r * k + c]) }
        }
        let m = z.max() ?? 0
        let e = z.map { exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    public func vector(text: String, target: String) -> SparseVector {
        vector(hasher.counts(text: text, target: target))
    }

    /// The weighted vector of already hashed counts (cross-validation hashes each text once).
    public func vector(_ counts: HashedCounts) -> SparseVector {
        hasher.vector(counts) { idf[$0] }
    }

    /// The most probable label and its probability.
    public func predict(text: String, target: String) -> (label: String, score: Double) {
        let p = probabilities(vector(text: text, target: target))
        let best = p.indices.max { p[$0] < p[$1] } ?? 0
        return (file.classes[best], p[best])
    }
}
