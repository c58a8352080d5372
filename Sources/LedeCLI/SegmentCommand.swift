import ArgumentParser
import Foundation
import LedeCore
import LedeStages

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Normalize and segment one text and print one sentence per line.",
        discussion: "Reads FILE, or standard input when no file is given. Line breaks and runs of spaces inside a sentence are printed as one space, so the output compares line by line with other segmenters. With --json, prints the paragraph and sentence spans (offsets into the original text).")

    @Argument(help: "A text file (standard input when omitted).", completion: .file())
    var file: String?

    @Flag(help: "Print spans as JSON instead of sentences.")
    var json = false

    func run() throws {
        let data: Data
        if let file {
            guard let d = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read '\(file)'") }
            data = d
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let text = String(decoding: data, as: UTF8.self)
        var document = Document(id: file ?? "stdin", text: text)
        let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)
        try NormalizeStage(options: .init(), context: context).process(&document)
        var options = SegmentStage.Options()
        options.tokens = false
        try SegmentStage(options: options, context: context).process(&document)
        if json {
            FileHandle.standardOutput.write(Data(DocumentJSON.encode(document, options: .init(includeText: false)) + [0x0A]))
            return
        }
        var out = String.UnicodeScalarView()
        for sentence in document.sentences {
            // Runs of white space (line breaks included) print as one space, so a sentence is one line.
            var pendingSpace = false
            for c in document.originalString(sentence.span).unicodeScalars {
                if c.isWhitespaceOrNewline { pendingSpace = !out.isEmpty && out.last != "\n"; continue }
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(c)
            }
            out.append("\n")
        }
        let outString = String(out)
        FileHandle.standardOutput.write(Data(outString.utf8))
    }
}
