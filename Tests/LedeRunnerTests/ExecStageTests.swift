import Foundation
import LedeConfig
import LedeCore
import LedeRunner
import LedeStages
import Testing

@Suite("exec: external stages", .serialized)
struct ExecStageTests {
    static let plugin = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/misbehaving_plugin.py").path

    @Test func misbehavingPluginFailsOnlyTheDocumentsItBroke() throws {
        let dir = try TempDir()
        try dir.write("in/a-fine.txt", "A fine text. Two sentences.")
        try dir.write("in/b-crash.txt", "This one will CRASH the plugin.")
        try dir.write("in/c-fine.txt", "Fine again after a restart.")
        try dir.write("in/d-hang.txt", "This one makes it HANG forever.")
        try dir.write("in/e-garbage.txt", "This one gets GARBAGE back.")
        try dir.write("in/f-rewrite.txt", "This one tries to REWRITE the text.")
        try dir.write("in/g-outside.txt", "This one points OUTSIDE the text.")
        try dir.write("in/h-error.txt", "This one gets an ERROR message.")
        try dir.write("in/i-drop.txt", "DROPME please.")
        try dir.write("in/j-fine.txt", "The last fine one. It has two sentences.")
        let yaml = """
            input: \(dir.path)/in
            output: \(dir.path)/out
            stages:
              - normalize: {}
              - segment: {}
              - exec: { command: [python3, \(Self.plugin)], timeout: 2, workers: 2 }
              - emit: { format: jsonl }
            """
        let report = try runPipeline(yaml, jobs: 2)
        #expect(report.summary.documents == 10)
        #expect(report.summary.succeeded == 3)
        #expect(report.summary.dropped == 1)
        let failures = Dictionary(uniqueKeysWithValues: report.failures.map { ($0.id, $0.message) })
        #expect(failures.count == 6)
        #expect(failures["b-crash.txt"]?.contains("exited (exit status 3)") == true)
        #expect(failures["d-hang.txt"]?.contains("timeout") == true)
        #expect(failures["e-garbage.txt"]?.contains("not a JSON object") == true)
        #expect(failures["f-rewrite.txt"]?.contains("changed the document's text") == true)
        #expect(failures["g-outside.txt"]?.contains("outside the text") == true)
        #expect(failures["h-error.txt"]?.contains("cannot handle this one") == true)
        #expect(report.failures.allSatisfy { $0.stage == "exec" && $0.message.hasPrefix("plugin 'misbehaving'") })

        let lines = try #require(dir.read("out/documents.jsonl")).split(separator: "\n")
        let docs = try lines.map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        #expect(docs.map { $0["id"]?.string } == ["a-fine.txt", "c-fine.txt", "j-fine.txt"])
        #expect(docs.map { $0["extensions"]?["x.fake"]?["sentences"]?.int } == [2, 1, 2])
    }

    @Test func handshakeDeclaresLayersForValidation() throws {
        let registry = BuiltInStages.registry()
        do {
            _ = try PipelineLoader(registry: registry, checkPaths: false).load(yaml: """
                stages:
                  - normalize: {}
                  - exec: { command: [python3, \(Self.plugin)] }
                """, file: "p.yaml")
            Issue.record("a plugin requiring sentences before segment must be rejected")
        } catch let error as PipelineError {
            #expect(error.diagnostics.map(\.message) == ["stage 'exec' requires 'sentences', which no earlier stage provides"])
            #expect(error.diagnostics[0].line == 3)
        }
    }

    @Test func pluginThatCannotStartIsAnOptionError() throws {
        do {
            _ = try PipelineLoader(registry: BuiltInStages.registry(), checkPaths: false).load(yaml: """
                stages:
                  - exec:
                      command: [/nonexistent/plugin-binary]
                """, file: "p.yaml")
            Issue.record("expected a failed handshake to be reported")
        } catch let error as PipelineError {
            #expect(error.diagnostics.count == 1)
            #expect((error.diagnostics[0].line, error.diagnostics[0].column) == (3, 16))
            #expect(error.diagnostics[0].message.contains("did not complete its handshake"))
        }
    }
}
