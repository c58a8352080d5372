import LedeCore

/// Every stage that ships with Lede, registered exactly as a user's stage is.
///
/// Keep this list sorted by YAML name; a test snapshots the names so a rename is a visible change.
public enum BuiltInStages {
    public static let all: [any Stage.Type] = [
        EmitStage.self,
        ExecStage.self,
        NormalizeStage.self,
        QuotesStage.self,
        SegmentStage.self,
        StanceStage.self,
    ]

    public static func registry() -> StageRegistry {
        // Built-in names are unique by construction; a duplicate here is a programming error.
        try! StageRegistry(all)
    }
}
