/// A bias on one role's labels (B and I) in the final decode, tuned after training for end-to-end F1.
///
/// A CRF trained to the likelihood need not sit at the F1-best balance of each role's precision and
/// recall. On PolNeAR it tags a few too many short contents (content bias −0.05 to −0.1) and too few
/// sources: a quotation with no source tagged near its cue falls back to the rules' or the previous
/// speaker, so a source bias of +0.2 to +0.4 raised dev and a train hold-out alike (+0.006 to +0.01
/// e2e-F1, direct+mixed most). Tuned in this order, each on top of the ones before.
public enum RoleBias: String, CaseIterable, Sendable {
    case source, cue, content

    public var keyPath: WritableKeyPath<AttributionModel.Header, Double?> {
        switch self {
        case .source: return \.source_bias
        case .cue: return \.cue_bias
        case .content: return \.content_bias
        }
    }

    /// The role number of ``AttributionLabel`` (1 source, 2 cue, 3 content).
    var labelRole: Int {
        switch self {
        case .source: return 1
        case .cue: return 2
        case .content: return 3
        }
    }

    /// Candidate biases, in the units of a CRF's scores.
    var grid: [Double] {
        switch self {
        case .source: return [0, 0.1, 0.2, 0.3, 0.4, 0.5]
        case .cue: return [0, 0.1, 0.2, 0.3]
        case .content: return [-0.2, -0.15, -0.1, -0.05, 0, 0.05]
        }
    }
}
