import Foundation
import LedeCore
import LedeRunner
import Testing

@Suite("Batch runner")
struct BatchRunnerTests {
    func pipeline(_ dir: TempDir, extraStages: String = "", outputs: String = "out") -> String {
        """
        input: { path: \(dir.path)/in }
        output: \(dir.path)/\(outputs)
        stages:
          - normalize: {}
          - segment: {}
        \(extraStages)
          - emit: { format: csv, table: sentences }
          - emit: { format: jsonl }
        """
    }

    @Test func brokenDocumentsAreIsolatedAndListed() throws {
        let dir = try TempDir()
        try dir.write("in/a-good.txt", "Ruiz spoke. Then she left.\n")
        try dir.write("in/b-binary.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 1, 2, 3])
        try dir.write("in/c-empty.txt", "")
        try dir.write("in/d-latin1.txt", bytes: Array("Caf".utf8) + [0xE9] + Array(" owners said prices rose.".utf8))
        try dir.write("in/e-throws.txt", "This one trips the TRIPWIRE. Sadly.")
        try dir.write("in/f-good.txt", "Another fine article. It ends here.")
        let report = try runPipeline(pipeline(dir, extraStages: "  - tripwire: {}"), jobs: 2)

        #expect(report.summary.documents == 6)
        #expect(report.summary.succeeded == 3)
        #expect(report.summary.failed == 3)
        #expect(report.exitCode == 1)
        #expect(report.failures.map(\.id) == ["b-binary.txt", "c-empty.txt", "e-throws.txt"])
        #expect(report.failures.map(\.stage) == ["input", "input", "tripwire"])
        #expect(report.failures[2].message == "tripwire found 'TRIPWIRE'")

        let errors = try #require(dir.read("out/errors.jsonl")).split(separator: "\n")
        #expect(errors.count == 3)
        let rows = parseCSV(try #require(dir.read("out/sentences.csv")))
        #expect(Set(rows.dropFirst().map { $0[0] }) == ["a-good.txt", "d-latin1.txt", "f-good.txt"])
        // The Latin-1 file is decoded with the fallback and flagged, not dropped.
        let latin = rows.first { $0[0] == "d-latin1.txt" }
        #expect(latin?[6] == "Café owners said prices rose.")
        let docs = try #require(dir.read("out/documents.jsonl")).split(separator: "\n")
        #expect(docs.count == 3)
        #expect(docs[1].contains("decoded as windows-1252"))
        #expect(docs[0].contains("\"x.tripwire\":{\"checked\":true}"))
    }

    @Test func outputIsIdenticalForOneAndTwoJobs() throws {
        let dir = try TempDir()
        for i in 0..<60 {
            try dir.write("in/\(i % 7)/doc-\(i).txt", "Headline \(i)\n\nThe mayor said on Jan. \(i % 28 + 1) that costs rose \(i).5%. “We will see,” she added.\n")
        }
        try dir.write("in/3/bad.txt", "")
        _ = try runPipeline(pipeline(dir, outputs: "one"), jobs: 1)
        _ = try runPipeline(pipeline(dir, outputs: "two"), jobs: 2)
        for file in ["sentences.csv", "documents.jsonl", "errors.jsonl"] {
            let one = try #require(dir.read("one/\(file)"))
            #expect(!one.isEmpty)
            #expect(one == dir.read("two/\(file)"))
        }
        // Sorted by path: folder 0 before folder 1, and within a folder by name.
        let ids = parseCSV(dir.read("one/sentences.csv")!).dropFirst().map { $0[0] }
        #expect(ids.first == "0/doc-0.txt")
        #expect(ids == ids.sorted { $0.split(separator: "/").lexicographicallyPrecedes($1.split(separator: "/")) })
    }

    @Test func csvFieldsRoundTripWithCommasQuotesAndNewlines() throws {
        let dir = try TempDir()
        let sentence = "He said, \"no, never\" and\nthen \"left,\" again."
        try dir.write("in/a,b \"odd\".txt", sentence + "\n")
        _ = try runPipeline(pipeline(dir), jobs: 1)
        let raw = try #require(dir.read("out/sentences.csv"))
        let rows = parseCSV(raw)
        #expect(rows.count == 2)
        #expect(rows[0] == ["doc_id", "index", "start", "end", "paragraph", "paragraph_kind", "text"])
        #expect(rows[1][0] == "a,b \"odd\".txt")
        #expect(rows[1][6] == sentence)
    }

    @Test func exportedOffsetsSliceTheOriginalTextAcrossNormalization() throws {
        let dir = try TempDir()
        // Emoji (one scalar, two UTF-16 units), a combining accent (two scalars), CRLF, an entity
        // and a zero-width space all come before the spans that are checked.
        let text = "Fam 👨‍👩‍👧 news\r\n\r\nJose\u{301} &amp; Ana\u{200B} met. The U.S. envoy said it went well.\r\n"
        try dir.write("in/x.txt", text)
        _ = try runPipeline(pipeline(dir), jobs: 1)
        let rows = parseCSV(try #require(dir.read("out/sentences.csv"))).dropFirst()
        let scalars = Array(text.unicodeScalars)
        #expect(rows.count == 3)
        for row in rows {
            let start = Int(row[2])!, end = Int(row[3])!
            let slice = String(String.UnicodeScalarView(scalars[start..<end]))
            #expect(slice == row[6], "span \(start)..<\(end)")
        }
        #expect(rows.map { $0[6] }.last == "The U.S. envoy said it went well.")
    }

    @Test func standardInputStyleJSONLinesAreAccepted() throws {
        let dir = try TempDir()
        try dir.write("in.jsonl", """
            {"id": "first", "text": "One sentence. Two sentences."}
            not json at all
            {"id": "third", "text": "Three."}

            """)
        let yaml = """
            input: \(dir.path)/in.jsonl
            output: \(dir.path)/out
            stages: [normalize, segment, {emit: {format: csv, table: sentences}}]
            """
        let report = try runPipeline(yaml, jobs: 2)
        #expect(report.summary.succeeded == 2)
        #expect(report.failures.map(\.id) == ["in.jsonl:2"])
        let ids = parseCSV(dir.read("out/sentences.csv")!).dropFirst().map { $0[0] }
        #expect(ids == ["first", "first", "third"])
    }

    @Test func globsSelectFiles() {
        #expect(Glob("**/*.txt").matches("a/b/c.txt"))
        #expect(Glob("**/*.txt").matches("c.txt"))
        #expect(!Glob("**/*.txt").matches("c.txt.bak"))
        #expect(Glob("*.md").matches("deep/in/here.md"))
        #expect(Glob("news/*/x-?.{txt,md}").matches("news/2026/x-1.md"))
        #expect(!Glob("news/*/x-?.{txt,md}").matches("news/2026/deeper/x-1.md"))
        #expect(Glob("drafts/**").matches("drafts/a/b.txt"))
        #expect(Glob("[ab]*.txt").matches("b1.txt") && !Glob("[ab]*.txt").matches("c1.txt"))
    }

    @Test func excludedFoldersAreSkipped() throws {
        let dir = try TempDir()
        try dir.write("in/keep/a.txt", "Kept. Yes.")
        try dir.write("in/drafts/b.txt", "Skipped.")
        try dir.write("in/.hidden/c.txt", "Hidden.")
        try dir.write("in/notes.docx", "Not included.")
        let yaml = """
            input: { path: \(dir.path)/in, exclude: ["drafts/**"] }
            output: \(dir.path)/out
            stages: [normalize, segment, {emit: {format: csv, table: documents}}]
            """
        let report = try runPipeline(yaml, jobs: 1)
        #expect(report.summary.documents == 1)
        #expect(parseCSV(dir.read("out/documents.csv")!).dropFirst().map { $0[0] } == ["keep/a.txt"])
    }

    @Test func unwritableOutputFailsTheRunWithoutPartialFiles() throws {
        let dir = try TempDir()
        try dir.write("in/a.txt", "Fine. Text.")
        try dir.write("out/sentences.csv", "previous run\n")
        // A folder where the temporary file would go makes opening the output fail.
        try FileManager.default.createDirectory(atPath: dir.path + "/out/.documents.jsonl.tmp-\(ProcessInfo.processInfo.processIdentifier)", withIntermediateDirectories: true)
        let report = try runPipeline(pipeline(dir), jobs: 1)
        #expect(report.exitCode == 2)
        #expect(report.fatal != nil)
        #expect(dir.read("out/sentences.csv") == "previous run\n")
        #expect(dir.read("out/documents.jsonl") == nil)
    }
}
