import Foundation
import LedeTesting
import Testing

/// Runs the built `lede` and `lede-plus` binaries the way a user does.
@Suite("End to end through the CLI", .serialized)
struct EndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The folder of the build products: the test bundle sits beside the executables.
    static let binaries: String? = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            if FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("lede").path) { return dir.path }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    func lede(_ arguments: [String], binary: String = "lede") throws -> Result {
        let bin = try #require(Self.binaries, "build products not found next to \(CommandLine.arguments[0])")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bin + "/" + binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Self.root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lede-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Rows of a CSV file whose start/end columns must slice the original article to the `text` column.
    func checkSpans(_ csvPath: String, articles: String) throws -> Int {
        let rows = try #require(readCSV(csvPath)).dropFirst()
        var checked = 0
        for row in rows where !row[3].isEmpty {
            let text = try String(contentsOfFile: articles + "/" + row[0], encoding: .utf8)
            let scalars = Array(text.unicodeScalars)
            let start = Int(row[3])!, end = Int(row[4])!
            #expect(String(String.UnicodeScalarView(scalars[start..<end])).lowercased() == row[6].lowercased())
            checked += 1
        }
        return checked
    }

    func readCSV(_ path: String) -> [[String]]? {
        (try? String(contentsOfFile: path, encoding: .utf8)).map(parseCSV)
    }

    @Test func pythonPluginRunsEndToEnd() throws {
        let out = try temporaryFolder()
        let r = try lede(["run", "pipelines/plugins-python.yaml", "--output", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("12 ok, 0 failed"))
        #expect(try checkSpans(out + "/extensions.csv", articles: Self.root + "/examples/articles") > 20)
    }

    @Test func swiftPluginRunsEndToEnd() throws {
        let out = try temporaryFolder()
        let bin = try #require(Self.binaries)
        let pipeline = out + "/p.yaml"
        try """
            input: examples/articles
            output: \(out)
            stages: [normalize, segment, {exec: {command: [\(bin)/sentence-stats-plugin], options: {long_sentence_words: 30}}},
                     {emit: {format: csv, table: extensions}}]
            """.write(toFile: pipeline, atomically: true, encoding: .utf8)
        let r = try lede(["run", pipeline, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(readCSV(out + "/extensions.csv")).dropFirst()
        #expect(rows.count == 12)
        #expect(rows.allSatisfy { $0[1] == "x.sentence-stats" && $0[7].contains("\"sentences\":") })
    }

    @Test func compiledInStagesRunInACustomBuild() throws {
        let out = try temporaryFolder()
        let r = try lede(["run", "pipelines/keywords-and-filter.yaml", "--output", out, "--quiet"], binary: "lede-plus")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("11 ok, 0 failed, 1 dropped"))
        let docs = try #require(readCSV(out + "/documents.csv")).dropFirst().map { $0[0] }
        #expect(docs.count == 11 && !docs.contains("2026-02-valley-cup-final.txt"))
        #expect(try checkSpans(out + "/extensions.csv", articles: Self.root + "/examples/articles") > 10)
        // The stock `lede` does not know these stages, and says which ones it has.
        let plain = try lede(["validate", "pipelines/keywords-and-filter.yaml"])
        #expect(plain.status == 2)
        #expect(plain.stderr.contains("unknown stage 'filter'"))
    }

    @Test func shippedPipelinesValidate() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/pipelines").filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.contains("default.yaml"))
        for file in files where file != "plugins-swift.yaml" {   // that one needs a release build of its plugin
            let binary = file == "keywords-and-filter.yaml" ? "lede-plus" : "lede"
            let r = try lede(["validate", "pipelines/" + file], binary: binary)
            #expect(r.status == 0, "\(file): \(r.stderr)")
        }
    }

    @Test func invalidPipelineExitsWithTwoAndPointsAtTheLine() throws {
        let dir = try temporaryFolder()
        try "stages:\n  - normalize: {}\n  - segmnet: {}\n".write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        let r = try lede(["run", dir + "/bad.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(dir)/bad.yaml:3:5: error: unknown stage 'segmnet' (did you mean 'segment'?)"))
    }

    @Test func stagesListsBuiltInAndExternalStages() throws {
        let r = try lede(["stages"])
        #expect(r.status == 0)
        for name in ["emit —", "exec —", "normalize —", "segment —", "python-keywords 1.0.0 —", "sentence-stats 1.0.0 —"] {
            #expect(r.stdout.contains(name), "missing \(name)")
        }
    }

    @Test func evalScoresStanceData() throws {
        let r = try lede(["eval", "--stance", "data/stance/dev.jsonl", "--targets", "data/stance/targets.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("macro-F1") })
        let value = try #require(Double(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
        #expect(value > 50 && value <= 100)
    }
}
