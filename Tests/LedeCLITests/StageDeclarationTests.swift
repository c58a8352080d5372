import LedeCLI
import LedeCore
import LedeStages
import Testing

@Suite("Stage declarations")
struct StageDeclarationTests {
    /// A rename or removal of a built-in stage breaks users' pipelines: make it a visible change.
    @Test func builtInStageNamesAreStable() {
        #expect(BuiltInStages.registry().names == ["emit", "exec", "normalize", "quotes", "segment", "stance"])
    }

    /// `lede stages` and unknown-key checks read `spec`; decoding reads the type. They must agree.
    @Test(arguments: BuiltInStages.registry().names)
    func optionSpecDocumentsEveryEncodedOption(name: String) throws {
        let type = try #require(BuiltInStages.registry()[name])
        let (specNames, defaults) = specAndDefaults(type)
        #expect(Set(defaults.keys).isSubset(of: Set(specNames)), "options encoded but not documented: \(Set(defaults.keys).subtracting(specNames))")
        #expect(Set(specNames).count == specNames.count, "an option is documented twice")
        #expect(!type.descriptor.summary.isEmpty)
    }

    @Test func stageDocumentationShowsOptionsWithDefaults() throws {
        let text = StageDocumentation.render(try #require(BuiltInStages.registry()["emit"]), full: true)
        #expect(text.hasPrefix("emit — "))
        #expect(text.contains("format (csv | json | jsonl) = \"jsonl\""))
        #expect(text.contains("include_tokens (bool) = false"))
    }

    private func specAndDefaults(_ type: any Stage.Type) -> ([String], [String: String]) {
        func typed<S: Stage>(_ t: S.Type) -> ([String], [String: String]) {
            (S.Options.spec.map(\.name), StageDocumentation.defaultValues(S.Options.self))
        }
        return typed(type)
    }
}
