import Foundation

/// Annotated articles from either format Lede reads: a gold JSON Lines file (your own annotations,
/// as `lede eval` reads them) or a PolNeAR-style split folder (`text/` + `attributions/`), so
/// training and evaluation always see the same data the same way.
public enum TrainingData {
    public struct Set: Sendable {
        public var documents: [GoldDocument]
        /// How speakers are compared when scoring this data (gold names, or PolNeAR's sources as written).
        public var speakerMatch: SpeakerMatch
        public init(documents: [GoldDocument], speakerMatch: SpeakerMatch) { self.documents = documents; self.speakerMatch = speakerMatch }
    }

    public static func load(_ path: String) throws -> Set {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw GoldError.badLine(0, "no such file or folder: \(path)")
        }
        if isDirectory.boolValue {
            guard FileManager.default.fileExists(atPath: path + "/text") else {
                throw GoldError.badLine(0, "\(path) is a folder but has no text/ (expected a PolNeAR-style split: text/ and attributions/)")
            }
            return Set(documents: try PolNeARReader.read(split: path), speakerMatch: .overlap)
        }
        return Set(documents: try GoldReader.read(path: path), speakerMatch: .name)
    }
}
