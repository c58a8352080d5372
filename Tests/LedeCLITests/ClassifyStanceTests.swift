import Foundation
@testable import LedeCLI
import LedeLearn
import LedeStages
import Testing

@Suite("classify-stance")
struct ClassifyStanceTests {
    @Test func printsEachLineBackWithPredictionAndScore() throws {
        let data = """
            {"id":"a","text":"We back the tax, it is fair.","target":"tax","label":"favor","source":"x"}
            {"id":"b","text":"Scrap the tax, it is a burden.","target":"tax","label":"against"}
            {"id":"c","text":"The tax bill goes to committee.","target":"tax","label":"neutral"}
            {"id":"d","text":"It is fair, we back it.","target":"tax","label":"favor"}
            {"id":"e","text":"A burden. Scrap it.","target":"tax","label":"against"}
            {"id":"f","text":"The committee reads the bill.","target":"tax","label":"neutral"}
            """
        let examples = try StanceDataset.parseJSONLines(data, source: "t", requireLabels: true)
        var options = StanceTrainingOptions()
        options.c = 10; options.folds = 2; options.minDF = 1; options.features.dimensions_log2 = 14
        let model = try LinearStanceModel(file: try StanceTrainer.train(examples, options: options).model)
        let unlabelled = try StanceDataset.parseJSONLines("""
            {"id":"q1","text":"It is a burden, scrap the tax.","target":"tax","extra":[1,2]}
            {"id":"q2","text":"We back the tax.","target":"tax"}
            """, source: "u", requireLabels: false)
        let lines = try ClassifyStanceCommand.classify(unlabelled, model: model)
        #expect(lines.count == 2)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects[0]["id"] as? String == "q1")
        #expect(objects[0]["extra"] as? [Int] == [1, 2])
        #expect(objects[0]["predicted"] as? String == "against")
        #expect(objects[1]["predicted"] as? String == "favor")
        for o in objects {
            let score = try #require(o["score"] as? Double)
            #expect(score > 1.0 / 3 && score <= 1)
        }
    }
}
