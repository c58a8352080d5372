import Testing
@testable import LedeCore

struct Alpha: Stage {
    static let descriptor = StageDescriptor(name: "alpha", summary: "test")
    init(options: NoOptions, context: StageContext) throws {}
    func process(_ document: inout Document) throws {}
}

struct AlphaAgain: Stage {
    static let descriptor = StageDescriptor(name: "alpha", summary: "another stage claiming the same name")
    init(options: NoOptions, context: StageContext) throws {}
    func process(_ document: inout Document) throws {}
}

@Suite("Stage registry")
struct RegistryTests {
    @Test func duplicateNamesAreRejected() throws {
        #expect(throws: RegistryError.self) { try StageRegistry([Alpha.self, AlphaAgain.self]) }
        let registry = try StageRegistry([Alpha.self])
        #expect(throws: RegistryError.self) { try registry.adding([AlphaAgain.self]) }
    }

    @Test func suggestsTheClosestName() throws {
        let registry = try StageRegistry([Alpha.self])
        #expect(registry.suggestion(for: "alpah") == "alpha")
        #expect(registry.suggestion(for: "completely-different") == nil)
    }
}
