import Foundation
import LedeConfig
import LedeCore
import LedeStages
import Testing

@Suite("Pipeline YAML loading")
struct PipelineLoaderTests {
    let loader = PipelineLoader(registry: BuiltInStages.registry(), checkPaths: false)

    /// Loads YAML that must fail and returns its diagnostics.
    func problems(_ yaml: String) -> [ConfigDiagnostic] {
        do {
            _ = try loader.load(yaml: yaml, file: "p.yaml")
            Issue.record("expected the pipeline to be rejected")
            return []
        } catch let error as PipelineError {
            return error.diagnostics
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test func validPipelineLoadsWithDefaultsAndOverrides() throws {
        let p = try loader.load(yaml: """
            name: demo
            input: { path: articles, include: ["**/*.txt"] }
            stages:
              - normalize: {}
              - segment
              - emit: { format: csv, table: sentences }
            """, file: "p.yaml", overrides: .init(output: "elsewhere"))
        #expect(p.name == "demo")
        #expect(p.input.include == ["**/*.txt"])
        #expect(p.input.exclude == [])
        #expect(p.outputDirectory == "elsewhere")
        #expect(p.stages.map(\.name) == ["normalize", "segment", "emit"])
        #expect(p.sinks.first?.outputPaths == ["elsewhere/sentences.csv"])
    }

    @Test func yamlSyntaxErrorHasLineAndColumn() {
        let d = problems("""
            stages:
              - normalize: {unicode: nfc
              - segment: {}
            """)
        #expect(d.count == 1)
        #expect(d.first?.line == 3)
        #expect(d.first?.message.hasPrefix("YAML syntax") == true)
    }

    @Test func unknownStageSuggestsClosestName() {
        let d = problems("""
            stages:
              - normalize: {}
              - segmnet: {}
            """)
        #expect(d.count == 1)
        #expect(d[0].line == 3 && d[0].column == 5)
        #expect(d[0].message == "unknown stage 'segmnet' (did you mean 'segment'?)")
        #expect(d[0].hint?.contains("emit") == true)
    }

    @Test func unknownOptionSuggestsClosestName() {
        let d = problems("""
            stages:
              - normalize:
                  unicod: nfkc
            """)
        #expect(d.count == 1)
        #expect((d[0].line, d[0].column) == (3, 7))
        #expect(d[0].message == "stage 'normalize': unknown option 'unicod' (did you mean 'unicode'?)")
    }

    @Test func mistypedOptionPointsAtTheValue() {
        let d = problems("""
            stages:
              - segment:
                  abbreviations: Adm
            """)
        #expect(d.count == 1)
        #expect((d[0].line, d[0].column) == (3, 22))
        #expect(d[0].message.contains("option 'abbreviations' expects list of strings, found 'Adm'"))
    }

    @Test func invalidEnumValueListsTheChoices() {
        let d = problems("""
            stages:
              - normalize: {}
              - emit: { format: xml }
            """)
        #expect(d.count == 1)
        #expect((d[0].line, d[0].column) == (3, 21))
        #expect(d[0].message.contains("expects csv | json | jsonl, found 'xml'"))
    }

    @Test func unknownSectionAndBadStagesAreAllReported() {
        let d = problems("""
            nmae: x
            output: [a, b]
            stages:
              - normalize: {}
                segment: {}
              - emit: 3
            """)
        #expect(d.map(\.line) == [1, 2, 4, 6])
        #expect(d[0].message.contains("did you mean 'name'"))
        #expect(d[2].message.contains("each list item names one stage"))
        #expect(d[3].message.contains("options must be a mapping"))
    }

    @Test func duplicateKeysAreReported() {
        let d = problems("""
            stages:
              - emit: { format: csv, format: json }
            """)
        #expect(d.count == 1)
        #expect(d[0].line == 2)
        #expect(d[0].message.contains("duplicate key 'format'"))
    }

    @Test func misorderedPipelineIsRejectedBeforeRunning() {
        let d = problems("""
            stages:
              - emit: { format: csv, table: sentences }
              - segment: {}
            """)
        #expect(d.count == 1)
        #expect((d[0].line, d[0].column) == (2, 5))
        #expect(d[0].message == "stage 'emit' requires 'sentences', which no earlier stage provides")
        #expect(d[0].hint == "add 'segment' before it")
    }

    @Test func textRewritingAfterSpansIsRejected() {
        let d = problems("""
            stages:
              - segment: {}
              - normalize: {}
            """)
        #expect(d.count == 1)
        #expect(d[0].line == 3)
        #expect(d[0].message.contains("rewrites the text after 'segment'"))
    }

    @Test func emptyAndNonMappingFilesAreRejected() {
        #expect(problems("").first?.message == "the pipeline file is empty")
        #expect(problems("- a\n- b\n").first?.message.contains("must be a mapping") == true)
        #expect(problems("name: x\n").first?.message.contains("no `stages:` list") == true)
    }

    @Test func missingInputFolderIsReportedAtItsValue() throws {
        let checking = PipelineLoader(registry: BuiltInStages.registry(), checkPaths: true)
        do {
            _ = try checking.load(yaml: """
                input:
                  path: /definitely/not/here
                stages: [normalize]
                """, file: "p.yaml")
            Issue.record("expected a missing input to be rejected")
        } catch let error as PipelineError {
            #expect(error.diagnostics.count == 1)
            #expect((error.diagnostics[0].line, error.diagnostics[0].column) == (2, 9))
            #expect(error.diagnostics[0].message == "input '/definitely/not/here' does not exist")
        }
    }

    @Test func unwritableOutputIsReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lede-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let blocker = dir + "/file"
        FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let checking = PipelineLoader(registry: BuiltInStages.registry(), checkPaths: true)
        do {
            _ = try checking.load(yaml: "input: \(dir)\noutput: \(blocker)/out\nstages: [normalize]\n", file: "p.yaml")
            Issue.record("expected an output below a file to be rejected")
        } catch let error as PipelineError {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].line == 2)
            #expect(error.diagnostics[0].message.contains("cannot be created"))
        }
    }

    @Test func diagnosticsPrintCompilerStyle() {
        let d = ConfigDiagnostic(file: "pipelines/x.yaml", line: 4, column: 7, message: "unknown stage 'qoutes'", hint: "available stages: quotes")
        #expect(d.description == "pipelines/x.yaml:4:7: error: unknown stage 'qoutes'\n    hint: available stages: quotes")
    }
}

@Suite("Pipeline outputs")
struct PipelineOutputTests {
    @Test func twoEmittersCannotWriteOneFile() {
        do {
            _ = try PipelineLoader(registry: BuiltInStages.registry(), checkPaths: false).load(yaml: """
                stages:
                  - emit: { format: jsonl }
                  - emit: { format: jsonl, path: documents.jsonl }
                """, file: "p.yaml")
            Issue.record("expected clashing outputs to be rejected")
        } catch let error as PipelineError {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics[0].line == 3)
            #expect(error.diagnostics[0].message == "stage 'emit' writes 'out/documents.jsonl', which stage 'emit' at line 2 already writes")
        } catch { Issue.record("unexpected \(error)") }
    }
}
