import Testing
import LedeConfig
import LedeCore
@testable import LedeStages

/// Runs normalize → segment → quotes on `text`.
private func analyze(_ text: String, options: QuotesStage.Options = .init()) throws -> Document {
    let context = StageContext(outputDirectory: ".", pipelineDirectory: ".", index: 0)
    var doc = Document(id: "t", text: text)
    try NormalizeStage(options: .init(), context: context).process(&doc)
    try SegmentStage(options: .init(), context: context).process(&doc)
    try QuotesStage(options: options, context: context).process(&doc)
    return doc
}

/// The scalar span of the `occurrence`-th `needle` in `text`.
private func span(_ needle: String, in text: String, occurrence: Int = 1) -> TextSpan {
    let s = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
    var seen = 0
    for i in 0...(s.count - n.count) where Array(s[i..<(i + n.count)]) == n {
        seen += 1
        if seen == occurrence { return TextSpan(i, i + n.count) }
    }
    Issue.record("'\(needle)' not in text")
    return TextSpan(0, 0)
}

/// The analysed document and its first quotation, which the case must have.
private func firstQuote(_ text: String) throws -> (Document, Quote) {
    let doc = try analyze(text)
    return (doc, try #require(doc.quotes.first, "\(text)"))
}

private func speakerName(_ doc: Document, _ q: Quote) -> String? {
    q.speaker?.speaker.map { doc.speakers[$0].name }
}

@Suite struct DirectQuoteTests {
    @Test func curlyQuoteWithSpeakerAfterAndTitleStripped() throws {
        let text = "“The channel is closing on us,” said Republican Senator Lucia Brandt. The vote is Monday."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 1)
        let q = try #require(doc.quotes.first)
        #expect(q.kind == .direct)
        #expect(q.span == span("The channel is closing on us,", in: text))
        #expect(q.cue?.span == span("said", in: text))
        #expect(q.cue?.lemma == "say")
        #expect(q.speaker?.span == span("Republican Senator Lucia Brandt", in: text))
        let speaker = try #require(q.speaker?.speaker.map { doc.speakers[$0] })
        #expect(speaker.name == "Lucia Brandt")
        #expect(speaker.role == "Republican Senator")
        #expect(speaker.kind == .person)
    }

    /// "of" inside an organization's name stays in the name; an office with "of" before a
    /// person's name is the role.
    @Test func namesWithOf() throws {
        let text = "The Bank of Estrava said rates would hold. Minister of Harbors Lucia Brandt said the channel would open. "
            + "Gov. Ana Ruiz of Oregon said the levy was dead."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 3)
        let names = doc.quotes.map { speakerName(doc, $0) }
        #expect(names == ["Bank of Estrava", "Lucia Brandt", "Ana Ruiz"])
        #expect(doc.speakers.first { $0.name == "Bank of Estrava" }?.kind == .organization)
        #expect(doc.speakers.first { $0.name == "Lucia Brandt" }?.role == "Minister of Harbors")
    }

    @Test func straightQuoteWithSpeakerBeforeColon() throws {
        let text = "Brandt told the crowd: \"We will not move the market to the river.\""
        let (doc, q) = try firstQuote(text)
        #expect(doc.quotes.count == 1)
        #expect(q.kind == .direct)
        #expect(q.span == span("We will not move the market to the river.", in: text))
        #expect(q.speaker?.span == span("Brandt", in: text))
        #expect(q.cue?.lemma == "tell")
    }

    /// Archives that type '' for a double mark: the attribution before the opening pair still counts.
    @Test func doubledApostrophesWithAttributionBefore() throws {
        let text = "On Monday, Mayor Okafor wrote on her blog: ''The ferry stays, whatever the board says.''"
        let (doc, q) = try firstQuote(text)
        #expect(q.span == span("The ferry stays, whatever the board says.", in: text))
        #expect(q.cue?.lemma == "write")
        #expect(speakerName(doc, q) == "Okafor")
    }

    /// A plural possessive's apostrophe in a long apposition before the cue is no quotation mark,
    /// so the attribution before the quotation still reaches the name.
    @Test func pluralPossessiveInAppositionBeforeTheCue() throws {
        let text = "The ad ran this week.\n\nRucker Colton, who runs the get-out-the-vote effort for military veterans' families, said, \"The ads have been unfair to veterans for years.\""
        let (doc, q) = try firstQuote(text)
        #expect(q.kind == .direct)
        #expect(speakerName(doc, q) == "Rucker Colton")
        #expect(q.cue?.lemma == "say")
    }

    /// "“…,” according to X": a source-first cue right after the quotation names its source.
    @Test func accordingToAfterTheQuote() throws {
        let text = "The clinic reopened.\n\n“The water is safe to drink again,” according to the Marlow County health department."
        let (doc, q) = try firstQuote(text)
        #expect(q.span == span("The water is safe to drink again,", in: text))
        #expect(q.cue?.lemma == "according to")
        #expect(q.cue?.span == span("according to", in: text))
        #expect(speakerName(doc, q)?.contains("Marlow County health department") == true)
    }

    /// "X said:" closing a paragraph introduces the quotation that opens the next one.
    @Test func colonBeforeABlockQuotation() throws {
        let text = "The debate turned to jobs.\n\nOn July 6, Senator Ilse Marchetti made the following comment:\n\n“For young people who left school, the jobless rate is 33 percent.”"
        let (doc, q) = try firstQuote(text)
        #expect(q.kind == .direct)
        #expect(q.span == span("For young people who left school, the jobless rate is 33 percent.", in: text))
        #expect(q.speaker?.span == span("Senator Ilse Marchetti", in: text))
        #expect(speakerName(doc, q) == "Ilse Marchetti")
        // Without the colon the paragraphs stay apart: nobody is named for the quotation.
        let (_, q2) = try firstQuote(text.replacingOccurrences(of: "comment:", with: "comment."))
        #expect(q2.speaker == nil)
    }

    /// A party and state after the name, in parentheses or between commas: its periods end an
    /// abbreviation, so the attribution after the quotation reaches the verb.
    @Test func partyAndStateAfterTheQuote() throws {
        let text = "The vote is Friday.\n\n“This is a dog whistle,” Rep. Gwen Ostrander (D-Wis.) said Friday. “We will not stand for it.”"
        let (doc, q) = try firstQuote(text)
        #expect(q.pieces.count == 2)
        #expect(q.speaker?.span == span("Rep. Gwen Ostrander", in: text))
        #expect(speakerName(doc, q) == "Gwen Ostrander")

        let text2 = "The bill stalled.\n\n“The veto will be overridden,” Senate Majority Leader Mitch Calloway, R-Ky., said Tuesday."
        let (doc2, q2) = try firstQuote(text2)
        #expect(q2.span == span("The veto will be overridden,", in: text2))
        #expect(speakerName(doc2, q2) == "Mitch Calloway")
        #expect(doc2.speakers.first?.role == "Senate Majority Leader")
    }

    /// An apposition without an article after the name: `"…," Bill Frelick, director of …, said`.
    @Test func appositionWithoutAnArticle() throws {
        let text = "“The program helps very few families,” Bill Frelick, director of the county refugee office, said on Monday."
        let (doc, q) = try firstQuote(text)
        #expect(speakerName(doc, q) == "Bill Frelick")
        #expect(doc.speakers.first?.role == "director of the county refugee office")
        #expect(q.cue?.lemma == "say")
    }

    /// An apposition between the speaker's description and the verb: `"…," the union's president, Dana Whitlock, told …`.
    @Test func appositionAfterTheQuote() throws {
        let text = "The council met late. “We are not going anywhere,” the union’s president, Dana Whitlock, told a rally in Fresno."
        let (doc, q) = try firstQuote(text)
        #expect(q.span == span("We are not going anywhere,", in: text))
        #expect(speakerName(doc, q) == "Dana Whitlock")
        #expect(q.cue?.lemma == "tell")
    }

    /// A pronoun next to the verb is the source, whatever adverb opens the sentence.
    @Test func pronounAfterSentenceAdverb() throws {
        let text = "“We will see,” Ana Ruiz said. Then she added warily: “Nothing is settled.”"
        let doc = try analyze(text)
        #expect(doc.quotes.count == 2)
        #expect(doc.quotes[1].speaker?.span == span("she", in: text))
        #expect(doc.quotes[1].cue?.lemma == "add")
        #expect(speakerName(doc, doc.quotes[1]) == "Ana Ruiz")
    }

    /// A place named between the speaker and the pronoun ("in Cedar Falls") is no antecedent.
    @Test func pronounLooksPastAPlace() throws {
        let text = "“We will win this county,” said Tom Okafor. The rally was held in Cedar Falls on Friday. He said the crowd was “bigger than ever.”"
        let doc = try analyze(text)
        let q = try #require(doc.quotes.last)
        #expect(q.speaker?.span == span("He", in: text))
        #expect(speakerName(doc, q) == "Tom Okafor")
        #expect(!doc.speakers.contains { $0.name == "Cedar Falls" })
    }

    @Test func interruptedQuoteIsOneQuotationInTwoPieces() throws {
        let text = "\"The bakery stays open,\" she said. \"The café closes in May.\""
        let doc = try analyze(text)
        #expect(doc.quotes.count == 1)
        let q = try #require(doc.quotes.first)
        let a = span("The bakery stays open,", in: text), b = span("The café closes in May.", in: text)
        #expect(q.pieces == [a, b])
        #expect(q.span == TextSpan(a.start, b.end))
        #expect(q.speaker?.span == span("she", in: text))
    }

    /// A second piece the writer's sentence goes on after joins the quotation as mixed, running to
    /// that sentence's end; one whose sentence names a speaker of its own is a quotation of its own.
    @Test func interruptedQuoteWithTheWritersContinuation() throws {
        let text = "\"The yard is safe,\" Ruiz told the board. \"We have fixed the cranes\" and the night shifts, she added.\n\n"
            + "“The toll is fair,” Teller said. “Drivers pay less than in 2019” on the northern bridge."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 3)
        let own = try #require(doc.quotes.first { $0.cue?.lemma == "add" })
        #expect(own.kind == .mixed)
        #expect(own.span == span("\"We have fixed the cranes\" and the night shifts", in: text))
        let first = try #require(doc.quotes.first)
        #expect(first.pieces == [span("The yard is safe,", in: text)])
        let joined = try #require(doc.quotes.last)
        #expect(joined.kind == .mixed)
        #expect(joined.pieces == [span("The toll is fair,", in: text), span("“Drivers pay less than in 2019” on the northern bridge", in: text)])
        #expect(speakerName(doc, joined) == "Teller")
    }

    /// After a quoted fragment, a preposition or a subordinator opens the writer's own clause
    /// ("“…” in his home state", "“…” until Reyes said"): the words after it are no attribution.
    @Test func prepositionAfterAFragmentIsNoAttribution() throws {
        let text = "Okafor says he was “on the fence” until Reyes said the levy would pass. "
            + "Tull said he had been “blunt” and “tough” in his home state."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 2)
        let first = try #require(doc.quotes.first)
        #expect(first.kind == .mixed)
        #expect(speakerName(doc, first) == "Okafor")
        #expect(first.span.start == 0 + "Okafor says ".unicodeScalars.count)
        let second = try #require(doc.quotes.last)
        #expect(speakerName(doc, second) == "Tull")
        #expect(second.span == span("he had been “blunt” and “tough” in his home state", in: text))
    }

    /// A middle initial is no article ("Jill A. Okafor"), and a cue form after an article is an
    /// adjective inside the adverbial before "that" ("in a written statement in March that").
    @Test func initialAndWrittenStatement() throws {
        let text = "Jill A. Okafor, vice president and general counsel for the port, said in a written statement in March that the claims had no merit."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 1)
        let q = try #require(doc.quotes.first)
        #expect(q.span == span("the claims had no merit", in: text))
        #expect(q.speaker?.span == span("Jill A. Okafor", in: text))
        #expect(speakerName(doc, q) == "Jill A. Okafor")
    }

    /// A named object ends at a coordinated cue ("called Teller “reckless” and said …"), and a
    /// subordinate clause opened before a short adverbial ("Although in May she said …, …") ends
    /// at its comma.
    @Test func objectAndSubordinateClauseBounds() throws {
        let text = "Okafor called Teller “reckless” and said the port would sue. "
            + "Although in May she said the levy was a mistake, at the hearing she said it had “saved the harbor.”"
        let doc = try analyze(text)
        #expect(doc.quotes.map(\.span) == [span("Teller “reckless”", in: text), span("the port would sue", in: text),
                                            span("the levy was a mistake", in: text), span("it had “saved the harbor.”", in: text)])
    }

    /// Five attribution shapes from one paragraph of campaign coverage: "and" after a fragment
    /// opens the writer's next clause; "and" after a closing mark keeps the quotation direct; a
    /// trailing cue may carry two phrases; an addressee may run to seven words before the clause;
    /// a short name after a possessive is a show's title.
    @Test func coordinationAdjunctsAndShowTitles() throws {
        let text = "Ruiz said the levy is “fair” and he feels the port can win. "
            + "Teller wrote to her followers, “It is time to go,” and shared a link. "
            + "The toll was a mistake, Okafor said in a video message to the council. "
            + "Reyes told a Harbor Union rally in Kettle Bay she will vote no. "
            + "On Radio Estrava’s “Tidewatch,” Diaz said the bridge would close."
        let doc = try analyze(text)
        #expect(doc.quotes.map(\.span) == [span("the levy is “fair” and he feels the port can win", in: text),
                                            span("It is time to go,", in: text),
                                            span("The toll was a mistake", in: text),
                                            span("she will vote no", in: text),
                                            span("the bridge would close", in: text)])
        #expect(doc.quotes.map { speakerName(doc, $0) } == ["Ruiz", "Teller", "Okafor", "Reyes", "Diaz"])
        #expect(doc.quotes[1].kind == .direct)
    }

    /// The subject of a coordinated cue comes after every opening adverbial ("Once in May, when
    /// the captain …, Ruiz laughed and said").
    @Test func subjectAfterOpeningAdverbials() throws {
        let text = "Once in May, when the captain mentioned the fuel to me, Ruiz laughed and said, “The engine is older than I am.”"
        let doc = try analyze(text)
        let engine = try #require(doc.quotes.first { $0.span == span("The engine is older than I am.", in: text) })
        #expect(speakerName(doc, engine) == "Ruiz")
    }

    /// A reported clause ends where a coordinated clause with its own subject and cue begins
    /// (", and most residents said …") and before a relative clause with its own speaker
    /// (", whom he described as …"), and at the writer's ", but" with a new subject.
    @Test func reportedClauseEndsAtAnotherAttribution() throws {
        let text = "Two in three riders said the ferry was late, and the harbor master said the engine had failed. "
            + "Ruiz said inspectors met the crews, whom he described as “tired,” for most of the night. "
            + "Most drivers say the toll is too high, but Teller remains the favorite."
        let doc = try analyze(text)
        let spans = doc.quotes.map(\.span)
        #expect(spans.contains(span("the ferry was late", in: text)))
        #expect(spans.contains(span("the engine had failed", in: text)))
        #expect(spans.contains(span("inspectors met the crews", in: text)))
        #expect(spans.contains(span("the toll is too high", in: text)))
        let engine = try #require(doc.quotes.first { $0.span == span("the engine had failed", in: text) })
        #expect(speakerName(doc, engine) == "harbor master")
    }

    /// Before a colon, the speaker comes after an opening participle clause ("Asked …, he demurred:").
    @Test func speakerAfterAnOpeningParticipleBeforeAColon() throws {
        let text = "Asked which harbor was his favorite, Okafor demurred: “Whichever one I am standing in.”"
        let doc = try analyze(text)
        // The first quotation is the reporter's question ("which harbor was his favorite").
        #expect(doc.quotes.count == 2)
        let q = try #require(doc.quotes.last)
        #expect(q.span == span("Whichever one I am standing in.", in: text))
        #expect(q.speaker?.span == span("Okafor", in: text))
    }

    /// Before a colon, the speaker comes after an opening subordinate clause too ("When …, X
    /// released the following statement:").
    @Test func speakerAfterAnOpeningSubordinateClauseBeforeAColon() throws {
        let text = "The ferry line closed for good.\n\nWhen the ferry sank in 1998, Mayor Ana Ruiz released the following statement:\n\n“Our harbor has lost a friend, and we will rebuild.”"
        let (doc, q) = try firstQuote(text)
        #expect(q.span == span("Our harbor has lost a friend, and we will rebuild.", in: text))
        #expect(q.speaker?.span == span("Mayor Ana Ruiz", in: text))
        #expect(speakerName(doc, q) == "Ana Ruiz")
    }

    /// "As X, the No. 2 in the leadership, put it:": the period of "No." before a number ends an
    /// abbreviation, and the "it" after "put" is its object, not an inverted speaker.
    @Test func putItAfterAnAppositionWithANumberAbbreviation() throws {
        let text = "Few senators would meet the nominee.\n\nAs Senator Wes Harlan, the No. 2 in the party leadership, put it: “This nominee will not be confirmed.”"
        let (doc, q) = try firstQuote(text)
        #expect(q.span == span("This nominee will not be confirmed.", in: text))
        #expect(q.cue?.lemma == "put")
        #expect(speakerName(doc, q) == "Wes Harlan")
    }

    /// A manner-of-speaking verb next to the quotation is its cue ("…,” Okafor barked).
    @Test func mannerVerbNextToTheQuotation() throws {
        let text = "The reporter kept asking about the dam.\n\n“Go back to your seat,” Mayor Tomas Okafor barked, and a guard led the reporter out."
        let (doc, q) = try firstQuote(text)
        #expect(q.cue?.lemma == "bark")
        #expect(speakerName(doc, q) == "Tomas Okafor")
    }

    /// A long attribution after the quotation, a name with two appositions before its verb
    /// ("…,” Ana Ruiz, the attorney general of the state, one of the plaintiffs, said).
    @Test func twoAppositionsAfterTheQuotation() throws {
        let text = "The rule takes effect in June.\n\n“It is an invasion of the county's own domain,” Ana Ruiz, the Republican attorney general of Marlow, one of the counties suing the agency, said at an event on Monday."
        let (doc, q) = try firstQuote(text)
        #expect(q.kind == .direct)
        #expect(q.cue?.lemma == "say")
        #expect(speakerName(doc, q) == "Ana Ruiz")
    }

    /// Capitalized words opening their sentence and closed by a comma before a cue are speech,
    /// joined with the piece after the attribution ("“Like Marlow. Or Dunmore,” Ruiz said. “…”").
    @Test func capitalizedWordsBeforeACueAreSpeech() throws {
        let text = "She listed the towns.\n\n“Like Marlow. Or Dunmore,” Ana Ruiz said. “The numbers there are worse.”"
        let (doc, q) = try firstQuote(text)
        #expect(q.kind == .direct)
        #expect(q.pieces.count == 2)
        #expect(q.pieces.first == span("Like Marlow. Or Dunmore,", in: text))
        #expect(speakerName(doc, q) == "Ana Ruiz")
        // A title inside the writer's sentence stays a title.
        #expect(try analyze("They watched “The Harbor Hour” on Friday.").quotes.isEmpty)
    }

    /// "“A,” X said when endorsing Y. “B”": a participle after "when" belongs to the same
    /// attribution, so B is the second piece of A's quotation.
    @Test func participleAfterWhenKeepsTheQuotationWhole() throws {
        let text = "The rally ran late.\n\n“This is no campaign, it is a movement,” Senator Wes Harlan said when endorsing Ruiz. “People are tired of waiting.”"
        let (doc, q) = try firstQuote(text)
        #expect(q.pieces.count == 2)
        #expect(q.pieces.last == span("People are tired of waiting.", in: text))
        #expect(speakerName(doc, q) == "Wes Harlan")
    }

    /// Clause bounds around time words and dashes: "told voters this weekend he …" starts the clause
    /// at the pronoun; "-- which Okafor called “…” --" ends at the closing dash; "…, Ruiz explained
    /// earlier in the hearing, were …" is an interrupted clause; ", quietly hoping …" is the writer's.
    @Test func boundsAroundTimeWordsAndDashes() throws {
        let text = "The mayor told commuters this weekend he would treat a toll as a “personal insult,” quietly hoping the council was listening. "
            + "Given the dredging -- which Okafor called “a slow disaster” -- one question is who pays. "
            + "The pilots, Ruiz explained earlier in the hearing, were “exhausted.”"
        let doc = try analyze(text)
        let spans = doc.quotes.map(\.span)
        #expect(spans.contains(span("he would treat a toll as a “personal insult,”", in: text)))
        #expect(spans.contains(span("which Okafor called “a slow disaster”", in: text)))
        #expect(spans.contains(span("The pilots, Ruiz explained earlier in the hearing, were “exhausted.”", in: text)))
    }

    /// A modal alone is no source ("… Could Address …" in a headline, whose speaker comes after the
    /// comma), and an opening adverbial before a trailing cue is no reported clause.
    @Test func modalsAndOpeningAdverbialsAreNoAttributions() throws {
        let text = "Port Board Could Address Winter Tolls, Harbor Chief Says.\n\nIn July, the union called for a strike at the yard."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 1)
        let q = try #require(doc.quotes.first)
        #expect(q.span == span("Port Board Could Address Winter Tolls", in: text))
        #expect(q.cue?.span == span("Says", in: text))
    }

    /// "A, she said, adding that B": the participle's clause is an attribution of its own, so the
    /// first one's content is A alone.
    @Test func participleAfterAMidSentenceAttribution() throws {
        let text = "The ferry lost money all winter, Ruiz said, adding that the city would cover the gap."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 2)
        #expect(doc.quotes.first?.span == span("The ferry lost money all winter", in: text))
        #expect(doc.quotes.last?.span == span("the city would cover the gap", in: text))
    }

    /// A title quoted inside the attribution is neither joined to the quotation nor a quotation;
    /// the quotation's second piece after it is.
    @Test func titleInsideAnInterruptionIsSkipped() throws {
        let text = "\"The levy is a fraud,\" Perez said Sunday on WKRT's \"Harbor Watch.\" \"Nobody in this town believes it.\""
        let doc = try analyze(text)
        #expect(doc.quotes.count == 1)
        let q = try #require(doc.quotes.first)
        #expect(q.pieces == [span("The levy is a fraud,", in: text), span("Nobody in this town believes it.", in: text)])
        #expect(speakerName(doc, q) == "Perez")
    }

    /// An interruption may run on with a relative clause when the second piece opens a new sentence.
    @Test func longInterruptionBeforeANewSentence() throws {
        let text = "“She never missed a shift,” said Dino Marsh, who has run the night desk at the Port Gazette since the strike of 2009. “We will miss her.”"
        let doc = try analyze(text)
        #expect(doc.quotes.count == 1)
        let q = try #require(doc.quotes.first)
        #expect(q.pieces.count == 2)
        #expect(q.pieces.last == span("We will miss her.", in: text))
        #expect(speakerName(doc, q) == "Dino Marsh")
    }

    /// A mark opened inside the writer's clause after the interruption ("adding that the levy is
    /// “…”") opens a quotation of its own: the first quotation keeps one piece.
    @Test func quoteInsideTheWritersClauseIsNoSecondPiece() throws {
        let text = "“We counted every ballot twice,” Mayor Lena Ortiz said, adding that the recount was “a waste of a week.”"
        let doc = try analyze(text)
        let first = try #require(doc.quotes.first)
        #expect(first.pieces == [span("We counted every ballot twice,", in: text)])
        #expect(speakerName(doc, first) == "Lena Ortiz")
        #expect(doc.quotes.count == 2)
        #expect(doc.quotes.last?.kind == .mixed)
        let inner = span("a waste of a week", in: text)
        #expect(doc.quotes.last.map { $0.span.start <= inner.start && inner.end <= $0.span.end } == true)
    }

    /// Another cue between the pieces ("she said, adding, …") makes two attributions.
    @Test func addingStartsASecondQuotation() throws {
        let text = "\"They are not affiliated with us,\" Lena Okafor said, adding, \"We are grateful for the support.\""
        let doc = try analyze(text)
        #expect(doc.quotes.count == 2)
        #expect(doc.quotes.allSatisfy { $0.pieces.count == 1 })
    }

    /// Appositions with an s-final or plural possessive ("Sanders' campaign manager") and names
    /// ending in "Jr." with a party in parentheses keep their speaker.
    @Test func possessiveAppositionsAndNameSuffixes() throws {
        let cases: [(String, String)] = [
            ("\"We ran a clean campaign,\" Jeff Wender, Sanders' campaign manager, said in a statement.", "Jeff Wender"),
            ("“We ran a clean campaign,” Jeff Wender, Bernie Sanders’s manager, said.", "Jeff Wender"),
            ("\"We ran a clean campaign,\" said Sen. Robert P. Cassidy Jr. (D-Pa.), a backer of the bill.", "Robert P. Cassidy Jr"),
            ("\"We ran a clean campaign,\" Robert Cassidy Jr. said.", "Robert Cassidy Jr"),
        ]
        for (text, name) in cases {
            let (doc, q) = try firstQuote(text)
            #expect(speakerName(doc, q) == name, "\(text)")
        }
    }

    /// A fragment inside the writer's sentence with the attribution after it: the clause is a
    /// mixed quotation; a participle after the closing mark is no inverted attribution.
    @Test func embeddedFragmentAttributedAfterIsMixed() throws {
        var text = "The former governor will play the “outsider card,” Fiorelli said."
        var doc = try analyze(text)
        var q = try #require(doc.quotes.first)
        #expect(q.kind == .mixed)
        #expect(q.span == span("The former governor will play the “outsider card,”", in: text))
        #expect(speakerName(doc, q) == "Fiorelli")
        text = "The senator said the system was \"corrupt,\" noting that it is rigged against small lenders."
        doc = try analyze(text)
        #expect(!doc.quotes.contains { $0.speaker.map { doc.string($0.span) } == "it" })
        q = try #require(doc.quotes.first)
        #expect(q.kind == .mixed)
        #expect(q.span.start == span("the system was", in: text).start)
    }

    /// A participle before the quotation takes the main clause's subject; a cue right before the
    /// mark takes any noun phrase; a name ending at a colon is the source.
    @Test func sourcesOfQuotationsAttributedBefore() throws {
        var text = "On Friday, Mr. Carson endorsed Mr. Tramp at a news conference at the club, calling him \"a very intelligent man.\""
        var doc = try analyze(text)
        var q = try #require(doc.quotes.first)
        #expect(speakerName(doc, q) == "Carson")
        text = "Another commenter said, “We all know how she feels about the harbor.”"
        doc = try analyze(text)
        q = try #require(doc.quotes.first)
        #expect(q.speaker?.span == span("commenter", in: text))
        text = "Pollsters agree - Carla Bialik: “Keep on contacting voters as late as possible.”"
        doc = try analyze(text)
        q = try #require(doc.quotes.first)
        #expect(speakerName(doc, q) == "Carla Bialik")
        // A sentence adverb before the colon names nobody.
        doc = try analyze("The band played on. Likewise: “We will not back down from the harbor fight.”")
        #expect(doc.quotes.count == 1)
        #expect(doc.quotes.first?.speaker == nil)
        #expect(doc.speakers.allSatisfy { $0.name != "Likewise" })
    }

    /// Titles in title case and markup attribute values are nobody's words.
    @Test func titlesAndMarkupValuesAreNotQuotations() throws {
        var doc = try analyze("Sam Solvey, a contestant on the reality show, \"The Big Harbor Hour,\" said his boss was always kind.")
        #expect(doc.quotes.allSatisfy { $0.kind != .direct })
        doc = try analyze("The feed refreshed at noon. <post author=\"@harbornews\" posted=\"on the third of March at noon\">The ferry is late</post> Then he left the pier.")
        #expect(doc.quotes.isEmpty)
        // An ordinary sentence-case quotation still counts.
        doc = try analyze("“Keep the harbor open for the boats,” said Mayor Ines Okafor.")
        #expect(doc.quotes.first?.kind == .direct)
    }

    /// Any noun phrase right after a quotation's comma is its source; manner verbs attribute
    /// adjacent quotations, and neither they nor a cue word read as a noun break an interruption.
    @Test func lenientSourcesAndMannerVerbs() throws {
        var doc = try analyze("“The coalition is bigger than the party,” said one campaign confidant.")
        var q = try #require(doc.quotes.first)
        #expect(q.speaker.map { doc.string($0.span) } == "campaign confidant")
        doc = try analyze("“The white working class has failed capitalism,” he scoffed.")
        q = try #require(doc.quotes.first)
        #expect(q.cue?.lemma == "scoff")
        doc = try analyze("\"They come early now,\" Luis Ortega said, laughing. \"Some come for the pancakes.\"")
        #expect(doc.quotes.count == 1)
        #expect(doc.quotes.first?.pieces.count == 2)
        doc = try analyze("\"There is no organized effort,\" said spokesman Sean Spicer in a Friday tweet. \"It is a media creation.\"")
        #expect(doc.quotes.count == 1)
        #expect(doc.quotes.first?.pieces.count == 2)
    }

    /// A fragment right after a cue, with the writer's words going on, or after a clause between
    /// the cue and the mark, is a mixed quotation of the reported clause.
    @Test func fragmentsAfterACueAreMixed() throws {
        let cases: [(String, String)] = [
            ("Comey testified “thousands” of emails had not been turned over.", "“thousands” of emails had not been turned over"),
            ("Swers said because the mayor is popular, \"she is a very good surrogate for him.\"", "because the mayor is popular, \"she is a very good surrogate for him.\""),
            // A conditional's own cue inside the reported clause does not take the quotation.
            ("Okafor told the board that if the mayor wants more cranes, “she will have to pay for them.”",
             "if the mayor wants more cranes, “she will have to pay for them.”"),
        ]
        for (text, content) in cases {
            let (doc, q) = try firstQuote(text)
            #expect(q.kind == .mixed, "\(text)")
            #expect(doc.string(q.span) == content, "\(text)")
        }
        // A subordinate clause opening the sentence leaves the quotation direct.
        let (doc, q) = try firstQuote("When he took the stage, Ruiz said, “We will win.”")
        #expect(q.kind == .direct)
        #expect(speakerName(doc, q) == "Ruiz")
    }

    /// A quotation attributed before it whose sentence the writer finishes is mixed, to the end.
    @Test func writerFinishesTheSentenceAfterTheQuotation() throws {
        let text = "Asked about the vote, Tyler said, \"We have three weeks to go\" until the county caucuses."
        let doc = try analyze(text)
        let q = try #require(doc.quotes.last)
        #expect(q.kind == .mixed)
        #expect(doc.string(q.span) == "\"We have three weeks to go\" until the county caucuses")
        #expect(speakerName(doc, q) == "Tyler")
    }

    /// A coordinated cue before the quotation ("smiled and said, “…”") and an adverbial between
    /// commas after the cue ("announced on her page, in capital letters, “…”").
    @Test func coordinatedCueAndAdverbialBeforeTheQuotation() throws {
        var doc = try analyze("Asked whom she supported, Ms. Sherry smiled and said, ''I am waiting for the mayor.''")
        var q = try #require(doc.quotes.last)
        #expect(speakerName(doc, q) == "Sherry")
        doc = try analyze("Recently Dahlia Hamm announced on her page, in all capital letters, \"I am boarding the harbor train!\"")
        q = try #require(doc.quotes.first)
        #expect(speakerName(doc, q) == "Dahlia Hamm")
        #expect(q.cue?.lemma == "announce")
    }

    /// After a quotation, a verb with an addressee does not invert: the phrase after it is the
    /// addressee, not the source; headline nouns in title case are no cues.
    @Test func noInversionAfterAddresseeVerbs() throws {
        var doc = try analyze("In a memo, the editor of ''Harbor Today,'' reminded his staff about the deadline.")
        #expect(!doc.quotes.contains { $0.speaker.map { doc.string($0.span) }?.contains("staff") == true })
        doc = try analyze("Harbor Gazette Post Assembles A Large Team Of Reporters For The Election.")
        #expect(doc.quotes.isEmpty)
    }

    @Test func quoteRunningOverTwoParagraphs() throws {
        let text = "Okafor said: “We tried the old way for ten years.\n\n“It did not work, and nobody should pretend it did.”\n"
        let doc = try analyze(text)
        #expect(doc.quotes.count == 1)
        let q = try #require(doc.quotes.first)
        let start = span("We tried", in: text).start, end = span("pretend it did.", in: text).end
        #expect(q.span == TextSpan(start, end))
        #expect(q.kind == .direct)
    }

    @Test func unbalancedMarkDoesNotFailAndLowersConfidence() throws {
        let text = "“We will rebuild the pier before summer, Mayor Ines Varga said.\n\nThe pier closed in March."
        let doc = try analyze(text)
        for q in doc.quotes { #expect(q.confidence <= 0.5) }
        let odd = "He said “yes and “no” and ” then left."
        _ = try analyze(odd)   // must not throw or trap
    }

    @Test func apostrophesAreNotQuoteMarks() throws {
        let text = "The players’ union met in the ’90s, and Russia’s envoy didn't attend. Nobody's plan changed."
        let doc = try analyze(text)
        #expect(doc.quotes.isEmpty)
    }

    @Test func scareQuotesWithoutCueAreDropped() throws {
        let text = "The so-called “miracle” diet has no evidence behind it. Stores sold “healthy” snacks anyway."
        let doc = try analyze(text)
        #expect(doc.quotes.isEmpty)
    }

    @Test func dashAttribution() throws {
        let text = "Readers wrote in about the floods.\n\n“The river is rising faster than last year.” ― Tomasz Wilk\n\nThe water fell on Sunday.\n"
        let (_, q) = try firstQuote(text)
        #expect(q.speaker?.span == span("Tomasz Wilk", in: text))
    }

    /// A curly quotation nested in the same curly marks ("what he calls “hell” than …") closes
    /// first; the outer quotation runs on to its own closing mark.
    @Test func nestedCurlyDoubleQuotation() throws {
        let text = "“I would rather live in what he calls “hell” than in a city he runs,” said Ines Varga."
        let (doc, q) = try firstQuote(text)
        #expect(q.span == span("I would rather live in what he calls “hell” than in a city he runs,", in: text))
        #expect(speakerName(doc, q) == "Ines Varga")
    }

    /// `'''` after a nested quotation in the '' style: the first mark closes the inner single
    /// quotation, the last two the outer one, so the attribution after it is found.
    @Test func tripleApostropheClosesInnerThenOuter() throws {
        let text = "Others on the council disagreed. ''Few residents will accept 'We'll fix it next year,''' said Councilor Dana Pruitt of Ward 3."
        let (doc, q) = try firstQuote(text)
        #expect(q.span == TextSpan(span("Few residents", in: text).start, span("next year,'", in: text).end))
        #expect(speakerName(doc, q) == "Dana Pruitt")
    }

    /// An age between commas after a trailing speaker's name ("Jim Bennett, 57, told").
    @Test func ageAppositionInTrailingAttribution() throws {
        let text = "“The two of us disagree on nearly everything,” Lou Pettibone, 63, told a neighbor at the fair."
        let (doc, q) = try firstQuote(text)
        #expect(q.speaker?.span == span("Lou Pettibone", in: text))
        #expect(speakerName(doc, q) == "Lou Pettibone")
        let short = "“We still talk every week,” Pettibone, 63, told a reporter on Monday."
        #expect(try firstQuote(short).1.speaker?.span == span("Pettibone", in: short))
    }

    /// "Said Dorothy Poynter, who …, “…”": an inverted cue opening the sentence, the source's
    /// relative clause running up to the mark.
    @Test func invertedCueOpeningTheSentence() throws {
        let text = "The bakery on Elm Street reopened in May. Said Rosa Delgado, who has worked there since 1990, “We never thought we would see this day.”"
        let (doc, q) = try firstQuote(text)
        #expect(q.speaker?.span == span("Rosa Delgado", in: text))
        #expect(q.cue?.span == span("Said", in: text))
        #expect(speakerName(doc, q) == "Rosa Delgado")
    }

    /// What a sign or a document says: "read" attributes only a quotation written next to it.
    @Test func signsAndDocumentsRead() throws {
        let text = "Hundreds marched past the courthouse. “No more closures,” one placard read."
        let (_, q) = try firstQuote(text)
        #expect(q.speaker?.span == span("placard", in: text))
        #expect(q.cue?.span == span("read", in: text))
        #expect(try analyze("The mayor read the statement aloud before the council voted.").quotes.isEmpty)
    }

    /// A participle's subject comes after the sentence's opening: a dateline with a state's
    /// abbreviation, a time phrase ("Hours later,"), an adverbial ending in a town and its state.
    @Test(arguments: [
        "SPRINGFIELD, Ill. — Mayor Lena Ortiz weighed in on the budget on Friday, calling the cuts “a betrayal of the schools.”",
        "Hours later, Mayor Lena Ortiz met the union leaders, telling them, “The schools come first.”",
        "Speaking at a diner in Keene, New Hampshire, Mayor Lena Ortiz went after the governor, calling him “a relic.”",
    ])
    func participleSubjectAfterTheOpening(_ text: String) throws {
        let (doc, q) = try firstQuote(text)
        #expect(speakerName(doc, q) == "Lena Ortiz", "\(text)")
    }

    /// A title-case quotation is a title only without lower-case content words ("an eye to").
    @Test func titleCaseNeedsNoLowerCaseContentWords() throws {
        let text = "The governor named his favorite team. “With an eye to March 3rd, Tennessee,” he said."
        let (_, q) = try firstQuote(text)
        #expect(q.span == span("With an eye to March 3rd, Tennessee,", in: text))
        #expect(try analyze("She wore a cap that read “Make America Great Again” to the rally.").quotes.isEmpty)
    }

    /// "…,” concludes that X …": a cue followed by "that" never inverts; what follows is its
    /// complement, not its source.
    @Test func noInversionBeforeThat() throws {
        let doc = try analyze("The flyer, headed “Enough?”, concludes that Mayor Ortiz is too “careless” to lead.")
        #expect(!doc.quotes.contains { q in q.speaker.map { doc.string($0.span) }?.contains("Ortiz") == true })
    }

    /// Crowds chant and scream; an exclamation is somebody's words even in capitals.
    @Test func chantsAndExclamations() throws {
        var text = "Supporters waved flags above their heads. Some chanted “Four more years! Four more years!”"
        var (doc, q) = try firstQuote(text)
        #expect(q.cue.map { doc.string($0.span) } == "chanted")
        #expect(q.speaker?.span == span("Some", in: text))
        text = "The governor asked who would pay for the bridge.\n\n“Ottawa!” the crowd screamed back."
        (doc, q) = try firstQuote(text)
        #expect(q.speaker?.span == span("crowd", in: text))
    }

    /// A concession's own "he said," before a quotation attributes it, even after an earlier cue.
    @Test func concessionWithItsOwnCue() throws {
        let text = "\"I'm not ready to endorse anyone,\" Imre Vasko said on the radio, though he said, \"I might by spring.\""
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first { $0.span.start == span("I might", in: text).start })
        let he = span("though he", in: text)
        #expect(q.speaker?.span == TextSpan(he.end - 2, he.end))
        #expect(speakerName(doc, q) == "Imre Vasko")
    }
}

@Suite struct ReportedSpeechTests {
    /// "Asked whether …," opening a sentence is the reporter's question: content up to the comma,
    /// nobody (or the "by" phrase) as its speaker; the main clause keeps its own attribution. A
    /// manner-of-speaking verb after a comma reports no clause.
    @Test func askedQuestionOpeningASentence() throws {
        var text = "Asked whether she would run again, Okafor said she had not decided."
        var doc = try analyze(text)
        var q = try #require(doc.quotes.first { $0.cue.map { doc.string($0.span) } == "Asked" })
        #expect(q.span == span("whether she would run again", in: text))
        #expect(q.speaker == nil)
        #expect(doc.quotes.contains { $0.span == span("she had not decided", in: text) && speakerName(doc, $0) == "Okafor" })
        text = "Asked by a radio host if the ferry would survive, Okafor laughed."
        doc = try analyze(text)
        q = try #require(doc.quotes.first)
        #expect(doc.quotes.count == 1)
        #expect(q.span == span("if the ferry would survive", in: text))
        #expect(q.speaker.map { doc.string($0.span) } == "radio host")
    }

    /// "Speaker: claim" headlines attribute the claim (direct when quoted whole); series labels
    /// ("The Latest:", "Morning Briefing:") and a long dateline lead are no speakers.
    @Test func speakerColonHeadlines() throws {
        var text = "Okafor: Ferry Fares Will Not Rise This Year\n\nThe mayor spoke at the pier on Monday.\n"
        var (doc, q) = try firstQuote(text)
        #expect(q.kind == .indirect)
        #expect(q.span == span("Ferry Fares Will Not Rise This Year", in: text))
        #expect(speakerName(doc, q) == "Okafor")
        text = "Okafor: ‘We Will Keep the Ferry Running.’\n\nThe mayor spoke at the pier on Monday.\n"
        (doc, q) = try firstQuote(text)
        #expect(q.kind == .direct)
        #expect(q.span == span("We Will Keep the Ferry Running.", in: text))
        for label in ["The Latest", "Morning Briefing"] {
            let doc = try analyze("\(label): Ferry fares will not rise this year\n\nThe mayor spoke at the pier on Monday.\n")
            #expect(doc.quotes.isEmpty, "\(label)")
        }
        let lead = "HARBORTON: The council voted on Monday to keep the ferry running for another decade, after a long debate in which residents, business owners and two former mayors argued for and against the subsidy.\n"
        let leadDoc = try analyze(lead)
        #expect(leadDoc.quotes.allSatisfy { $0.speaker.map { leadDoc.string($0.span) } != "HARBORTON" })
    }

    /// "X said A, according to the sources.": the closing source-first cue ends X's content.
    @Test func closingAccordingToEndsTheReportedClause() throws {
        let text = "Okafor said she had moved the ferry money twice, according to two council aides."
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first { $0.speaker.map { doc.string($0.span) } == "Okafor" })
        #expect(q.span == span("she had moved the ferry money twice", in: text))
        #expect(doc.quotes.contains { $0.cue.map { doc.string($0.span) } == "according to" })
    }

    /// A closing "according to" whose phrase runs on past its head ("figures her office released
    /// Friday", "a count by the county clerk"), with or without a comma before it.
    @Test(arguments: [
        ("The ferry fund ended the year with $3 million, according to figures her office released Friday.", "figures"),
        ("The ferry fund leads the pier fund by 40 votes according to a count by the county clerk.", "count"),
    ])
    func closingAccordingToWithAModifiedSource(_ text: String, _ head: String) throws {
        let (doc, q) = try firstQuote(text)
        #expect(q.span.start == 0, "\(text)")
        #expect(q.cue.map { doc.string($0.span) } == "according to")
        #expect(q.speaker.map { doc.string($0.span) } == head)
    }

    /// "According to X …," with a long source phrase: the content starts after the comma that
    /// closes the phrase, wherever its head noun ends.
    @Test func longAccordingToPhrase() throws {
        let text = "According to a 2025 survey by the Harbor Institute based on ferry records from 2019, weekend ridership has doubled."
        let (doc, q) = try firstQuote(text)
        #expect(q.span == span("weekend ridership has doubled", in: text))
        #expect(q.speaker.map { doc.string($0.span) }?.contains("survey") == true)
    }

    /// ", though culturally conservative," is a parenthetical inside the reported clause; ", though
    /// many doubt it" is the writer's concession after it.
    @Test func parentheticalConcessionStaysInTheClause() throws {
        var text = "Ruiz said the party could win rural, though fiercely independent, counties this fall."
        var (_, q) = try firstQuote(text)
        #expect(q.span == span("the party could win rural, though fiercely independent, counties this fall", in: text))
        text = "Ruiz said the party could win the rural counties, though few analysts agree."
        (_, q) = try firstQuote(text)
        #expect(q.span == span("the party could win the rural counties", in: text))
    }

    /// A restrictive relative clause between the subject and its cue: the noun before "who" speaks,
    /// and an attitude verb's object inside the clause ends before the main verb.
    @Test func relativeClauseBetweenSubjectAndCue() throws {
        var text = "Ferry riders who waited through the storm said they were promised refunds."
        var (doc, q) = try firstQuote(text)
        #expect(q.span == span("they were promised refunds", in: text))
        #expect(q.speaker?.span == span("Ferry riders", in: text))
        text = "Riders who backed the mayor said they were promised refunds."
        doc = try analyze(text)
        q = try #require(doc.quotes.first { $0.span == span("they were promised refunds", in: text) })
        #expect(q.speaker?.span == span("Riders", in: text))
        #expect(!doc.quotes.contains { doc.string($0.span).contains("said") })
    }

    /// Poll results side by side: "…; 29 percent said …" and "…, while 22 percent said …" are the
    /// next attribution, and each share of voters is a group of its own.
    @Test func pollSharesEachAttributeTheirOwnClause() throws {
        for sep in ["; ", ", while "] {
            let text = "About 61 percent of the voters surveyed said the harbor plan went too far\(sep)30 percent said it did not go far enough."
            let doc = try analyze(text)
            #expect(doc.quotes.count == 2, "\(sep)")
            let first = try #require(doc.quotes.first)
            #expect(first.span == span("the harbor plan went too far", in: text))
            let second = try #require(doc.quotes.last)
            #expect(second.span == span("it did not go far enough", in: text))
            #expect(second.speaker?.span == span("30 percent", in: text))
            #expect(speakerName(doc, second) == "30 percent")
        }
    }

    /// "told his aides to …": an instruction reported with its addressee, like "urged … to".
    @Test func toldSomeoneTo() throws {
        let text = "Okafor told her aides to find the money for the night ferry."
        let (doc, q) = try firstQuote(text)
        #expect(q.span == span("to find the money for the night ferry", in: text))
        #expect(speakerName(doc, q) == "Okafor")
    }

    /// "commented that …" reports what was said; the noun "comment" attributes nothing by itself.
    @Test func commentedThat() throws {
        let text = "The coach commented that the new field was “a gift to the whole town.”"
        let (doc, q) = try firstQuote(text)
        #expect(q.span.start == span("the new field", in: text).start)
        #expect(q.speaker?.span == span("coach", in: text))
        #expect(speakerName(doc, q) == "coach")
        #expect(try analyze("The comment that he made in March was wrong.").quotes.isEmpty)
    }

    /// "X issued a statement saying that …": the document speaks for whoever issued it; a
    /// possessive's "comments" is a noun, not the cue.
    @Test func statementSpeaksForItsIssuer() throws {
        var text = "Okafor issued a statement saying that the verdict was “a victory for the whole valley.”"
        var (doc, q) = try firstQuote(text)
        #expect(q.speaker?.span == span("Okafor", in: text))
        text = "The ferry board issued a policy paper welcoming the plan to add a night crossing."
        (doc, q) = try firstQuote(text)
        #expect(q.speaker.map { doc.string($0.span) } == "ferry board")
        text = "The council issued a statement saying the mayor's comments “were unfair to the staff.”"
        (doc, q) = try firstQuote(text)
        #expect(q.cue.map { doc.string($0.span) } == "saying")
    }

    /// "…, but now said …": an adverb between the conjunction and the cue is no subject; the
    /// sentence's subject speaks.
    @Test func adverbAfterButIsNoSubject() throws {
        let text = "Councilor Ada Brink grew up across the river, but now said the new design was “worth every penny.”"
        let (doc, q) = try firstQuote(text)
        #expect(q.speaker?.span == span("Councilor Ada Brink", in: text) || q.speaker?.span == span("Ada Brink", in: text))
        #expect(speakerName(doc, q) == "Ada Brink")
    }

    /// An attitude verb's object runs over a list's commas and an example's ("including …"), but a
    /// comma that opens a clause of its own still ends it.
    @Test func objectListsAndExamples() throws {
        let text = "The mayor praised nurses in Fresno, Modesto and Visalia for their work. The council rejected the harbor plan, citing costs. The senator blamed several factors, including budget cuts. Critics condemned the ministers, the governor, and the mayor for the delay."
        let doc = try analyze(text)
        let contents = Set(doc.quotes.map { doc.originalString($0.span) })
        #expect(contents.contains("nurses in Fresno, Modesto and Visalia for their work"))
        #expect(contents.contains("the harbor plan"))
        #expect(contents.contains("several factors, including budget cuts"))
        #expect(contents.contains("the ministers, the governor, and the mayor for the delay"))
    }

    @Test func mixedQuoteTakesTheWholeClause() throws {
        let text = "The ministry warned that the tariffs would “hurt every farm in the valley.” Talks resume Monday."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 1)
        let q = try #require(doc.quotes.first)
        #expect(q.kind == .mixed)
        let a = span("the tariffs", in: text).start, b = span("valley.”", in: text).end
        #expect(q.span == TextSpan(a, b))
        #expect(q.speaker?.span == span("ministry", in: text))
        #expect(q.cue?.lemma == "warn")
    }

    @Test func indirectWithThatAndUrgeTo() throws {
        let text = "Farm groups argued that the levy was unfair. They urged the council to delay the vote."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 2)
        #expect(doc.quotes[0].kind == .indirect)
        #expect(doc.quotes[0].span == span("the levy was unfair", in: text))
        #expect(doc.quotes[0].speaker?.span == span("Farm groups", in: text))
        #expect(doc.quotes[1].span == span("to delay the vote", in: text))
        #expect(speakerName(doc, doc.quotes[1]) == "Farm groups")   // "they" → the group
    }

    /// Evidence nouns (Resources/speakers.txt) report for their authors: "the audit found …",
    /// "a new poll shows …" with or without "that".
    @Test func evidenceNounsAsSources() throws {
        let text = "The audit found that the depot had lost forty crates. A new poll shows the ferry plan losing support among riders."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 2)
        #expect(doc.quotes[0].kind == .indirect)
        #expect(doc.quotes[0].span == span("the depot had lost forty crates", in: text))
        #expect(doc.quotes[0].speaker?.span == span("audit", in: text))
        #expect(doc.quotes[0].cue?.lemma == "find")
        #expect(doc.quotes[1].span == span("the ferry plan losing support among riders", in: text))
        #expect(doc.quotes[1].speaker?.span == span("new poll", in: text))
        #expect(doc.quotes[1].cue?.lemma == "show")
    }

    @Test func accordingToAndSentenceFinalAttribution() throws {
        let text = "According to the water board, usage fell 8% in July. Reservoirs are low, the board's director, Ilse Maren, said."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 2)
        #expect(doc.quotes[0].span == span("usage fell 8% in July", in: text))
        #expect(doc.quotes[0].cue?.lemma == "according to")
        #expect(doc.quotes[1].span == span("Reservoirs are low", in: text))
        #expect(speakerName(doc, doc.quotes[1]) == "Ilse Maren")
    }

    /// "A, according to X, B": the sentence around the attribution is the content.
    @Test func accordingToInsideTheSentence() throws {
        let text = "Turnout, according to the county clerk, was the highest in decades."
        let (_, q) = try firstQuote(text)
        #expect(q.span == span("Turnout, according to the county clerk, was the highest in decades", in: text))
        #expect(q.speaker?.span == span("county clerk", in: text))
    }

    /// A cue that ends its sentence may carry an addressee and a prepositional phrase:
    /// "…, he told the court in his filing."
    @Test func sentenceFinalCueWithAddresseeAndAdjunct() throws {
        let text = "The county was only doing what forty other counties already do, he told the court in his filing."
        let (_, q) = try firstQuote(text)
        #expect(q.kind == .indirect)
        #expect(q.span == span("The county was only doing what forty other counties already do", in: text))
        #expect(q.cue?.lemma == "tell")
    }

    /// Vox-pop sources: an age and a home town between commas, a party in parentheses with periods.
    @Test func agePlaceAndPartyAfterTheName() throws {
        let cases: [(String, String)] = [
            ("Cory Janes, 22, of Flint, Mich., said he had not given up hope.", "Cory Janes"),
            ("Mr. Regalado, 69, said he had been flooded with angry email.", "Regalado"),
            ("Nadia Perle, 41, of Tacoma said the ferry was late again.", "Nadia Perle"),
            ("At a rally, his rival Sen. Mark Rubin (R-Fla.) said the nominee could not win.", "Mark Rubin"),
        ]
        for (text, name) in cases {
            let (doc, q) = try firstQuote(text)
            #expect(q.kind == .indirect, "\(text)")
            #expect(speakerName(doc, q) == name, "\(text)")
        }
    }

    /// Headlines in title case attribute with a capitalized cue; a capitalized cue word inside an
    /// ordinary sentence stays a name.
    @Test func titleCaseHeadlineCue() throws {
        let text = "Harbor Chief Says The Dredging Will Start In June.\n\nThe agency, which Says Group founded, met on Monday."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 1)
        let q = try #require(doc.quotes.first)
        #expect(q.span == span("The Dredging Will Start In June", in: text))
        #expect(q.cue?.lemma == "say")
    }

    /// "Some said …": a quantifier alone is a group source, and no article before a noun.
    @Test func quantifierSources() throws {
        let text = "Some said they had waited three hours in the rain."
        let (_, q) = try firstQuote(text)
        #expect(q.speaker?.span == span("Some", in: text))
        #expect(q.span == span("they had waited three hours in the rain", in: text))
    }

    /// A quoted show title between the cue and "that" does not hide the complement.
    @Test func titleBeforeTheComplement() throws {
        let text = "Okafor said on KRTV's \"Morning Desk\" that she would \"look hard\" at the levy."
        let (_, q) = try firstQuote(text)
        #expect(q.kind == .mixed)
        #expect(q.span.start == span("she would", in: text).start)
    }

    /// "told" with a named addressee and a bare clause; a party and state between commas.
    @Test func namedAddresseesAndParties() throws {
        var doc = try analyze("Podesta told the AP his firm worked closely with the charity.")
        var q = try #require(doc.quotes.first)
        #expect(doc.string(q.span) == "his firm worked closely with the charity")
        #expect(speakerName(doc, q) == "Podesta")
        doc = try analyze("Sen. Rand Paulsen, R-Ky., told Fox News that polls could be off.")
        q = try #require(doc.quotes.first)
        #expect(speakerName(doc, q) == "Rand Paulsen")
        #expect(doc.string(q.span) == "polls could be off")
    }

    /// A participial cue takes the subject of its main clause, after an opening adverbial.
    @Test func participleAfterAnOpeningAdverbial() throws {
        let doc = try analyze("In a speech on Tuesday, Mayor Okafor struck a measured tone, saying she understood the stakes.")
        let q = try #require(doc.quotes.first)
        #expect(doc.string(q.span) == "she understood the stakes")
        #expect(speakerName(doc, q) == "Okafor")
    }

    /// Manner adverbs between subject and verb, and adjectives of certainty after a copula.
    @Test func mannerAdverbsAndCertaintyAdjectives() throws {
        var doc = try analyze("She jokingly tells audiences that the ferry is always late.")
        var q = try #require(doc.quotes.first)
        #expect(doc.string(q.span) == "the ferry is always late")
        #expect(q.speaker.map { doc.string($0.span) } == "She")
        doc = try analyze("Ruiz is sure that the levy will pass in March.")
        q = try #require(doc.quotes.first)
        #expect(doc.string(q.span) == "the levy will pass in March")
        #expect(q.cue?.lemma == "sure")
    }

    /// A coordinated cue with its own pronoun ends the first reported clause.
    @Test func coordinatedCueWithPronounEndsTheClause() throws {
        let doc = try analyze("Okafor said the budget was tight, but she has also cited the new port revenue.")
        #expect(doc.quotes.count == 2)
        let q = try #require(doc.quotes.first)
        #expect(doc.string(q.span) == "the budget was tight")
    }

    /// Partitive subjects ("a number of Democrats", "32 percent of voters") after a conjunction,
    /// a name whose description before the commas is no speaking noun, a comma after a party.
    @Test func partitivesDescriptionsAndParentheses() throws {
        let cases: [(String, String, String)] = [
            ("The poll had more news, though 32 percent of voters said they had no opinion of him.", "32 percent of voters", "they had no opinion of him"),
            ("And a significant number of Democrats said they are fine with the rules.", "significant number of Democrats", "they are fine with the rules"),
            ("Another delegate on the slate, Jim Poolman, said he was only leaning toward the senator.", "Jim Poolman", "he was only leaning toward the senator"),
            ("Sen. Jack Reedy (D-R.I.), said after a lunch that he had not read the plan.", "Sen. Jack Reedy", "he had not read the plan"),
        ]
        for (text, source, content) in cases {
            let (doc, q) = try firstQuote(text)
            #expect(q.speaker.map { doc.string($0.span) } == source, "\(text)")
            #expect(doc.string(q.span) == content, "\(text)")
        }
    }

    /// Participles take the main clause's subject past an opening adverbial or conjunction, never
    /// the phrase before their comma; an office ("the justice") is a person.
    @Test func participleSubjects() throws {
        let cases: [(String, String)] = [
            ("On the radio, she responded Tuesday to one of his posts by saying, \"Just stop it.\"", "she"),
            ("In three separate interviews, the justice sounded off on the bill, saying she did not \"want to contemplate\" its effects.", "justice"),
            ("Okafor's lawyer, Victor Amadu, asked for a lighter sentence, arguing that his client had begun treatment.", "Victor Amadu"),
        ]
        for (text, source) in cases {
            let (doc, q) = try firstQuote(text)
            #expect(q.speaker.map { doc.string($0.span) } == source, "\(text)")
        }
    }

    /// A connective, a focus word, an adverb before a participle clause, a preposition outside the
    /// noun-phrase list or a wire dateline opening the sentence is never the participle's subject;
    /// nor is a focus adverb or a preposition just before the participle.
    @Test func participleSubjectsAfterConnectivesAndDatelines() throws {
        let cases: [(String, String)] = [
            ("However, Okafor met with the union in May and declared that she found the offer \"very fair.\"", "Okafor"),
            ("Hastily seizing on the ferry delays, Ruiz blamed the port board and warned that fares would rise.", "Ruiz"),
            ("Alongside the calls for a recount, even a senior party strategist said the count would stand.", "senior party strategist"),
            ("HARBORTON (AP) \u{2014} Mayor Lina Okafor rejected the levy on Tuesday, saying it would hurt the docks.", "Mayor Lina Okafor"),
            // A focus adverb or a preposition between the comma and the participle, or an opening "-ly," adverb.
            ("The harbor master complained about the buoys the day after the storm, even suggesting the pilots had ignored them.", "harbor master"),
            ("At the hearing, the union delegates were also polite, perhaps recognizing that the vote was already lost.", "union delegates"),
            ("The ferry chief refused to name a successor, aside from saying she wants someone from the docks.", "ferry chief"),
            ("Recently, however, the union published a letter on its website, warning that a strike was possible.", "union"),
        ]
        for (text, source) in cases {
            let (doc, q) = try firstQuote(text)
            #expect(q.speaker.map { doc.string($0.span) } == source, "\(text)")
        }
    }

    /// A transcript printed in an article: each paragraph opening with a speaker label in capitals
    /// and a colon is that speaker's turn, with or without an opening quotation mark; a note label
    /// ("BREAKING:") is no speaker.
    @Test func transcriptTurnsAreTheLabelledSpeakersQuotations() throws {
        let text = """
        A partial transcript of the radio interview follows.

        "HOST: Let’s begin with the harbor vote. Did you expect to lose it?

        "LINA OKAFOR: Not at all, and I still think the count was wrong.

        HOST: Will you ask for a recount?

        BREAKING: The harbor board has adjourned until Monday morning.
        """
        let doc = try analyze(text)
        let turns = doc.quotes.map { (doc.string($0.span), $0.speaker.map { doc.string($0.span) }, $0.cue.map { doc.string($0.span) }) }
        #expect(turns.map(\.0) == ["Let’s begin with the harbor vote. Did you expect to lose it?",
                                   "Not at all, and I still think the count was wrong.", "Will you ask for a recount?"])
        #expect(turns.map(\.1) == ["HOST", "LINA OKAFOR", "HOST"])
        #expect(turns.allSatisfy { $0.2 == ":" })
        #expect(doc.quotes.allSatisfy { $0.kind == .direct })
    }

    /// A pronoun in the sentence of the last speaker's mention is that speaker, even when the
    /// sentence names another person in between.
    @Test func pronounInTheSpeakersSentenceIsTheSpeaker() throws {
        let text = "Harbor master Tom Reyes told Dan Ruiz on Monday that the levy was dead, and he warned that the board would not budge."
        let doc = try analyze(text)
        let named = try #require(doc.quotes.first { $0.speaker.map { doc.string($0.span) } == "he" }, "\(doc.quotes)")
        #expect(speakerName(doc, named) == "Tom Reyes")
    }

    /// "Former PORT chairman" in a headline names nobody called "Former PORT": a word of status
    /// before a title is no part of a name, so a later "PORT said" is its own speaker.
    @Test func statusWordsAreNoPartOfCollectedNames() throws {
        let text = "Former PORT chairman urges a vote\n\nThe Reyes campaign and PORT said they would comment later."
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first)
        #expect(speakerName(doc, q) == "PORT")
        #expect(!doc.speakers.contains { $0.name.hasPrefix("Former") })
    }

    /// "according to" closing its sentence needs no comma before it.
    @Test func accordingToWithoutComma() throws {
        let text = "The mayor leads the challenger 46 percent to 39 percent according to a new harbor poll."
        let (_, q) = try firstQuote(text)
        #expect(q.span == span("The mayor leads the challenger 46 percent to 39 percent", in: text))
        #expect(q.cue?.lemma == "according to")
    }

    /// A participle after a comma ends the reported clause; "including" does not.
    @Test func participleAdjunctEndsTheClause() throws {
        var doc = try analyze("Okafor said the festival would create \"a big spectacle,\" leaving the harbor town excited.")
        var q = try #require(doc.quotes.first)
        #expect(doc.string(q.span) == "the festival would create \"a big spectacle,\"")
        doc = try analyze("Okafor said the budget, including the port levy, was balanced.")
        q = try #require(doc.quotes.first)
        #expect(doc.string(q.span) == "the budget, including the port levy, was balanced")
    }

    /// A negated cue still attributes: "who has not backed", "did not say whether".
    @Test func negatedCues() throws {
        let text = "The governor, who has not endorsed Mayor Okafor, spoke briefly."
        let (doc, q) = try firstQuote(text)
        #expect(doc.string(q.span) == "Mayor Okafor")
        #expect(q.cue?.lemma == "endorse")
    }

    /// A parenthesis between dashes sits between the subject and its verb.
    @Test func dashParenthesisBeforeTheCue() throws {
        let text = "Harbor officials — and, in particular, the port director — insisted that the channel stay open."
        let (doc, q) = try firstQuote(text)
        #expect(doc.string(q.span) == "the channel stay open")
        #expect(q.speaker.map { doc.string($0.span) } == "Harbor officials")
    }

    /// A relative pronoun standing for the content opens it: "which Mr. Tramp called ''a disgrace''".
    @Test func relativePronounOpensTheContent() throws {
        let text = "The fee rose to $40, which Mayor Okafor called ''a disgrace.''"
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first { $0.cue?.lemma == "call" })
        #expect(q.span.start == span("which Mayor", in: text).start)
        #expect(q.kind == .mixed)
    }

    /// Any -ly adverb may sit between subject and verb; nouns in -ly stay subjects.
    @Test func lyAdverbsBetweenSubjectAndVerb() throws {
        var doc = try analyze("Okafor pointedly insisted that the harbor was safe.")
        var q = try #require(doc.quotes.first)
        #expect(speakerName(doc, q) == "Okafor")
        doc = try analyze("The family said the harbor was never safe.")
        q = try #require(doc.quotes.first)
        #expect(q.speaker.map { doc.string($0.span) } == "family")
    }

    /// A statement issued by someone speaks for them; a name before a verb and a colon is the source.
    @Test func issuedStatementsAndVerbsBeforeAColon() throws {
        var doc = try analyze("Okafor and Lenz issued a statement describing their meeting as a \"very positive step.\"")
        var q = try #require(doc.quotes.first)
        #expect(q.speaker.map { doc.string($0.span) }?.hasPrefix("Okafor") == true)
        doc = try analyze("Seventeen-year-old Jared Potts echoed: “He speaks his mind, and that is what the town needs.”")
        q = try #require(doc.quotes.first)
        #expect(speakerName(doc, q)?.hasSuffix("Jared Potts") == true)
    }

    /// A progressive is no passive ("is praising X"); "by saying" takes the main clause's subject.
    @Test func progressivesAndBySaying() throws {
        var doc = try analyze("Okafor is praising the harbor crews, who worked through the storm.")
        var q = try #require(doc.quotes.first)
        #expect(doc.string(q.span) == "the harbor crews")
        doc = try analyze("A port official responded by saying the channel would stay open.")
        q = try #require(doc.quotes.first)
        #expect(doc.string(q.span) == "the channel would stay open")
        #expect(q.speaker.map { doc.string($0.span) } == "port official")
    }

    /// "asked X how …" and a parenthetical "X told them" inside the reported sentence.
    @Test func questionWordsAndParentheticalTold() throws {
        var text = "The host asked Okafor how high the sea wall would be."
        var doc = try analyze(text)
        var q = try #require(doc.quotes.first)
        #expect(q.span == span("how high the sea wall would be", in: text))
        text = "The solution, the harbor master told them, was simple."
        doc = try analyze(text)
        q = try #require(doc.quotes.first)
        #expect(q.cue?.lemma == "tell")
        #expect(q.speaker.map { doc.string($0.span) } == "harbor master")
    }

    /// "people close to X", "a person familiar with Y": the whole phrase is the speaker, not X.
    @Test func relationalSources() throws {
        let doc = try analyze("People close to Okafor say the campaign will change course.")
        let q = try #require(doc.quotes.first)
        #expect(q.speaker.map { doc.string($0.span) } == "People close to Okafor")
        #expect(speakerName(doc, q) == "People close to Okafor")
    }

    @Test func questionedWhether() throws {
        let text = "Jonas Pell questioned whether the audit was independent."
        let (_, q) = try firstQuote(text)
        #expect(q.span == span("the audit was independent", in: text))
        #expect(q.cue?.lemma == "question")
    }

    /// Attitude verbs take their object as content up to the clause's comma; not in the passive.
    @Test func attitudeVerbObjects() throws {
        let text = "The dockworkers' union endorsed Mayor Okafor, citing her record. Okafor was endorsed by the union."
        let doc = try analyze(text)
        // "…, citing her record" is the union's too; the passive sentence yields nothing.
        #expect(doc.quotes.count == 2)
        let q = try #require(doc.quotes.first)
        #expect(q.kind == .indirect)
        #expect(q.span == span("Mayor Okafor", in: text))
        #expect(q.cue?.lemma == "endorse")
        #expect(q.speaker?.span == span("union", in: text))
        #expect(doc.quotes[1].span == span("her record", in: text))
        #expect(doc.quotes[1].cue?.lemma == "cite")
    }

    @Test func nounCuesFromOptions() throws {
        var options = QuotesStage.Options()
        options.noun_cues = ["verdict verdicts | that"]
        let text = "The panel stood by its verdict that the contract was void."
        #expect(try analyze(text).quotes.first { $0.cue?.lemma == "verdict" } == nil)
        let doc = try analyze(text, options: options)
        let q = try #require(doc.quotes.first { $0.cue?.lemma == "verdict" })
        #expect(q.span == span("the contract was void", in: text))
    }

    /// A misspelt frame in YAML is reported at its option, before any article is read.
    @Test func unknownCueFramesFailValidation() {
        let loader = PipelineLoader(registry: BuiltInStages.registry(), checkPaths: false)
        do {
            _ = try loader.load(yaml: """
                stages:
                  - normalize
                  - segment
                  - quotes:
                      noun_cues: ["verdict verdicts | taht"]
                """, file: "p.yaml")
            Issue.record("an unknown frame must fail validation")
        } catch let error as PipelineError {
            let d = error.diagnostics.first
            #expect(d?.line == 5)
            #expect(d?.message.contains("unknown frame 'taht'") == true)
        } catch {
            Issue.record("unexpected error \(error)")
        }
        var options = QuotesStage.Options()
        options.cues = ["rebut rebutted | that np"]
        #expect(throws: Never.self) { try options.validate() }
        options.noun_cues = ["verdict verdicts"]
        #expect(throws: OptionError.self) { try options.validate() }
    }

    @Test func attitudeObjectsCanBeTurnedOff() throws {
        var options = QuotesStage.Options()
        options.attitude_objects = false
        let text = "The dockworkers' union endorsed Mayor Okafor. The union said the port needs her."
        let doc = try analyze(text, options: options)
        #expect(doc.quotes.count == 1)
        #expect(doc.quotes.first?.cue?.lemma == "say")
    }

    /// "who" is the mention as written; the noun phrase it attaches to names the speaker.
    @Test func relativeWhoSource() throws {
        let text = "Fishermen who say the quota is too low blocked the harbor road."
        let (doc, q) = try firstQuote(text)
        #expect(q.span == span("the quota is too low blocked the harbor road", in: text))
        #expect(q.speaker?.span == span("who", in: text))
        #expect(speakerName(doc, q) == "Fishermen")
    }

    /// A relative clause set off after the sentence's subject ends at its closing comma, where the
    /// main verb comes (also when the comma sits inside a closing quotation mark).
    @Test func setOffRelativeClauseEndsAtItsComma() throws {
        let text = "Amos Tull, 71, who said the cannery would close, stayed home. The treasurer, who said the audit was \"a formality,\" resigned."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 2)
        #expect(doc.quotes.first?.span == span("the cannery would close", in: text))
        #expect(doc.quotes.last?.span == span("the audit was \"a formality,\"", in: text))
        // The age after the name is an apposition, not the speaker.
        #expect(doc.quotes.first.flatMap { speakerName(doc, $0) } == "Amos Tull")
        #expect(doc.quotes.last.flatMap { speakerName(doc, $0) } == "treasurer")
    }

    /// A trailing attribution of its own (", the Tribune reported late Thursday.") closes an
    /// earlier cue's reported clause and attributes the clause before it.
    @Test func trailingAttributionClosesTheReportedClause() throws {
        let text = "Okafor told the board she had sold the barge, the Harbor Tribune reported late Thursday."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 2)
        let told = try #require(doc.quotes.first { $0.cue?.lemma == "tell" })
        #expect(told.span == span("she had sold the barge", in: text))
        let reported = try #require(doc.quotes.first { $0.cue?.lemma == "report" })
        #expect(reported.span == span("Okafor told the board she had sold the barge", in: text))
    }

    /// A cue that takes no object ("said") looks past an adverbial for its "that", never past the
    /// clause's own words: the "that" of "fail to understand that" belongs to the reported clause.
    @Test func thatAfterTheClauseIsTheClauses() throws {
        let text = "Moreno said shipping firms fail to understand that buyers are angry. Ruiz said on Monday that the pier was safe."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 2)
        #expect(doc.quotes.first?.span == span("shipping firms fail to understand that buyers are angry", in: text))
        #expect(doc.quotes.last?.span == span("the pier was safe", in: text))
    }

    /// A verb that names its object ("called Diaz a fraud", "calling him “a tax collector”") has
    /// no addressee: the object is part of what is reported. "accused him of" keeps it out.
    @Test func namingVerbKeepsItsObject() throws {
        let text = "Okafor called Diaz a fraud. Ruiz went after the chairman, calling him “a tax collector for the tides.” Moreno accused him of lying about the dredging."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 3)
        #expect(doc.quotes.first?.span == span("Diaz a fraud", in: text))
        let mixed = try #require(doc.quotes.first { $0.cue?.lemma == "call" && $0.kind == .mixed })
        #expect(mixed.span == span("him “a tax collector for the tides.”", in: text))
        #expect(doc.quotes.last?.span == span("of lying about the dredging", in: text))
    }

    /// A time adverbial between the speaker and the verb is neither ("Ruiz last week said").
    @Test func timeAdverbialBeforeTheCue() throws {
        let text = "Senator Ana Ruiz (R-Ore.) last week said the levy was dead. Port officials this month warned that dredging would stall."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 2)
        #expect(doc.quotes.first?.speaker?.span == span("Senator Ana Ruiz", in: text))
        #expect(doc.quotes.first?.span == span("the levy was dead", in: text))
        #expect(doc.quotes.last?.speaker?.span == span("Port officials", in: text))
    }

    /// A lower-case title before a named addressee ("told host Mara Voss") is part of the
    /// addressee, and the reported clause follows the name.
    @Test func titledAddresseeBeforeAClause() throws {
        let text = "Ruiz told host Mara Voss a second levy was unlikely. Teller told Harbor Radio host Ben Oduya the toll would rise."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 2)
        #expect(doc.quotes.first?.span == span("a second levy was unlikely", in: text))
        #expect(doc.quotes.last?.span == span("the toll would rise", in: text))
        #expect(doc.quotes.last.map { speakerName(doc, $0) } == "Teller")
    }

    /// Inside a subordinate clause the reported content ends at the clause's comma; a concession
    /// after a comma is the writer's.
    @Test func clauseBoundsOfReportedContent() throws {
        let text = "While Ruiz said that the bridge was safe, engineers disagreed. Teller argued the toll was fair, even though drivers paid twice."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 2)
        #expect(doc.quotes[0].span == span("the bridge was safe", in: text))
        #expect(doc.quotes[1].span == span("the toll was fair", in: text))
    }

    /// Noun cues after a possessive: "her claim that …", "the council's plan to …".
    @Test func possessiveNounCues() throws {
        let text = "Ana Ruiz stood by her claim that the ferry lost money. The council's plan to sell the depot drew protests."
        let doc = try analyze(text)
        let claim = try #require(doc.quotes.first { $0.cue?.lemma == "claim" })
        #expect(claim.span == span("the ferry lost money", in: text))
        #expect(speakerName(doc, claim) == "Ana Ruiz")
        let plan = try #require(doc.quotes.first { $0.cue?.lemma == "plan" })
        #expect(plan.span == span("to sell the depot drew protests", in: text))
        #expect(plan.speaker?.span == span("council", in: text))
    }

    @Test func nounReadingsOfCueWordsAreNotCues() throws {
        let text = "The reports were late. Member states have concerns about the budget."
        let doc = try analyze(text)
        #expect(doc.quotes.isEmpty)
    }

    /// After a preposition a cue word in -s is a plural noun ("in states like"), and after a
    /// possessive 's a cue that is also a noun is the noun ("Trump's remarks"): the speaker is the
    /// subject of the real cue.
    @Test func cueWordsAfterPrepositionsAndPossessivesAreNouns() throws {
        let t1 = "For farmers in states like Kansas, she said, the drought \"has no end in sight.\""
        let d1 = try analyze(t1)
        let q1 = try #require(d1.quotes.first)
        #expect(q1.cue?.span == span("said", in: t1))
        #expect(q1.speaker?.span == span("she", in: t1))
        let t2 = "The senator said Ruiz's remarks \"have done lasting harm to the harbor towns.\""
        let d2 = try analyze(t2)
        let q2 = try #require(d2.quotes.first)
        #expect(q2.cue?.span == span("said", in: t2))
        #expect(q2.speaker?.span == span("senator", in: t2))
    }

    /// A participle far from its subject: the clause runs over two dozen words before "chanting".
    @Test func participleSubjectOpensALongClause() throws {
        let text = "Small groups of dockworkers marched along the waterfront for hours on Saturday, circling the old customs house near the harbor - where the ferries used to dock - while chanting, \"Keep the harbor open.\""
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first)
        #expect(q.span == span("Keep the harbor open.", in: text))
        #expect(q.speaker?.span.start == span("groups", in: text).start || q.speaker?.span.start == span("Small", in: text).start)
    }

    /// A colon sets the quotation off: "since" in "has since apologized" opens no clause of its own.
    @Test func colonQuotationAfterHasSince() throws {
        let text = """
        The hearing ran late into the night.

        Ruiz has since apologized for what happened: "I should have read the harbor report myself."
        """
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first)
        #expect(q.speaker?.span == span("Ruiz", in: text))
    }

    /// "…, from Mike Lee, who declared in the spin room, “…”": the relative pronoun is the mention,
    /// its antecedent the speaker.
    @Test func relativeWhoBeforeTheCueOfADirectQuote() throws {
        let text = "On Thursday, the plan scored its first endorsement from a commissioner, from Tomas Reyes, who declared in the pier press room, “It is time to build.”"
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first)
        #expect(q.cue?.span == span("declared", in: text))
        #expect(q.speaker?.span == span("who", in: text))
        #expect(speakerName(doc, q) == "Tomas Reyes")
    }

    /// Manner verbs and "put it" attribute a quotation written next to them; the participle's
    /// subject keeps "of" inside an office ("Former Secretary of State Ana Ruiz").
    @Test func mannerVerbsAndPutItNextToAQuotation() throws {
        let t1 = "Former Secretary of State Ana Ruiz clashed with the harbor board during the hearing, chiding its chair, “What difference does it make now?”"
        let d1 = try analyze(t1)
        let q1 = try #require(d1.quotes.first)
        #expect(q1.cue?.lemma == "chide")
        #expect(speakerName(d1, q1) == "Ana Ruiz")
        let t2 = "As Tomas Reyes, a professor of maritime law, put it, “The harbor is a public trust.”"
        let d2 = try analyze(t2)
        let q2 = try #require(d2.quotes.first)
        #expect(q2.cue?.lemma == "put")
        #expect(speakerName(d2, q2) == "Tomas Reyes")
    }

    /// "said Will Doyle": a capitalized auxiliary after the cue is a first name, and the interrupted
    /// quotation's second piece keeps the speaker.
    @Test func firstNameWillAfterTheCue() throws {
        let text = """
        The harbor board met on Monday.

        "It is a costly model," said Will Doyle, a professor of maritime law. "The biggest thing is the dredging."
        """
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first)
        #expect(q.pieces.count == 2)
        #expect(q.speaker?.span == span("Will Doyle", in: text))
    }

    /// "The memo goes on to say: “…”": "goes on to" sits between the source and its cue.
    @Test func goesOnToSay() throws {
        let text = "The board sent a memo to the pilots. The memo goes on to say: “No ship will dock after dark.”"
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first)
        #expect(q.cue?.span == span("say", in: text))
        #expect(q.speaker?.span == span("memo", in: text, occurrence: 2))
    }

    /// A long prepositional phrase between the cue and the comma before the mark.
    @Test func longAdverbialBetweenCueAndQuotation() throws {
        let text = "Ana Ruiz lamented in an interview with the Harbor Gazette politics editor Tom Price, “We have waited twenty years.”"
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first)
        #expect(q.cue?.span == span("lamented", in: text))
        #expect(q.speaker?.span == span("Ana Ruiz", in: text))
    }

    /// "the 43-year-old asked": an age with its number is a person.
    @Test func ageNounIsASpeaker() throws {
        let text = "“What if the mayor had taken the ferry?” the 43-year-old asked."
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first)
        #expect(q.speaker?.span == span("43-year-old", in: text))
    }

    /// "A, Ruiz said, adding that B": the participle takes the source of the quotation earlier in
    /// its sentence even when later quotations of the article were found before it.
    @Test func participleTakesTheSentencesEarlierSourceWhateverWasFoundLast() throws {
        let text = """
        The mayor will play the "harbor card," Ana Ruiz said, adding that the way to beat him "is to attack his record."

        "We will see," the mayor said.
        """
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first { $0.cue?.lemma == "add" })
        #expect(q.speaker?.span == span("Ana Ruiz", in: text))
    }

    /// An apposition after another apposition or a relative clause: the name is before both
    /// ("Hal Brody, a pollster who works with Civic Data, a research group, said …").
    @Test func nameBeforeTwoAppositions() throws {
        let text = "The count went on all night.\n\nHal Brody, a pollster who works with Civic Data, a research group in Marlow, said the turnout had surprised both campaigns."
        let (doc, q) = try firstQuote(text)
        #expect(q.kind == .indirect)
        #expect(q.span == span("the turnout had surprised both campaigns", in: text))
        #expect(q.speaker?.span == span("Hal Brody", in: text))
        #expect(speakerName(doc, q) == "Hal Brody")
    }

    /// A quotation right after a verb that also takes an addressee is the verb's clause
    /// ("Okafor cautioned “…,” before …"), a mixed quotation with the verb's subject as speaker.
    @Test func quotationRightAfterAnAddresseeVerb() throws {
        let text = "The count went on all night.\n\nMayor Tomas Okafor cautioned “let us not get ahead of ourselves,” before predicting a long recount."
        let (doc, q) = try firstQuote(text)
        #expect(q.kind == .mixed)
        #expect(q.cue?.lemma == "caution")
        #expect(q.span.start == span("“let us", in: text).start)
        #expect(speakerName(doc, q) == "Tomas Okafor")
    }

    /// "And after the court refused to …, X blamed …": a conjunction before the subordinator
    /// still ends the subordinate clause's content at its comma.
    @Test func subordinateClauseAfterAConjunctionEndsAtItsComma() throws {
        let text = "The ruling came late on Friday.\n\nAnd after the appeals court refused to restore the map, Governor Lena Orr blamed the court's “three activist judges.”"
        let doc = try analyze(text)
        let refused = try #require(doc.quotes.first { $0.cue?.lemma == "refuse" })
        #expect(refused.span == span("to restore the map", in: text))
        let blamed = try #require(doc.quotes.first { $0.cue?.lemma == "blame" })
        #expect(speakerName(doc, blamed) == "Lena Orr")
    }

    /// "said he found X “charming” and called Y “…”": an attitude verb after a quoted fragment
    /// starts an attribution of its own, so the first content ends before "and".
    @Test func attitudeVerbAfterAQuotedFragmentEndsTheContent() throws {
        let text = "The donor, Sam Levin, met the candidate in March.\n\nHe did say he found Ortiz to be “very charming” and called his lead in the crowded field “remarkable.”"
        let doc = try analyze(text)
        let said = try #require(doc.quotes.first { $0.cue?.lemma == "say" })
        #expect(said.span == span("he found Ortiz to be “very charming”", in: text))
        let called = try #require(doc.quotes.first { $0.cue?.lemma == "call" })
        #expect(called.span == span("his lead in the crowded field “remarkable.”", in: text))
        #expect(speakerName(doc, called) == "Sam Levin")
    }

    /// "what aides characterized as “…”": the relative pronoun is the verb's object, so "as" opens
    /// what is said of it, and the relative opens the content; "portrayed X as …" is an attitude cue;
    /// an intent verb ("plan") is no speech cue.
    @Test func relativeObjectBeforeAsIsTheContent() throws {
        let text = "The governor toured the flooded district.\n\nShe promised what her aides characterized as “a fast and fair” recovery plan. Rival ads portrayed the governor as a friend of developers."
        let doc = try analyze(text)
        let characterized = try #require(doc.quotes.first { $0.cue?.lemma == "characterize" })
        #expect(characterized.span == span("what her aides characterized as “a fast and fair” recovery plan", in: text))
        #expect(speakerName(doc, characterized) == "her aides")
        // ("“…” recovery plan": an intent verb never attributes the quotation before it.)
        #expect(!doc.quotes.contains { $0.cue?.lemma == "plan" })
        let portrayed = try #require(doc.quotes.first { $0.cue?.lemma == "portray" })
        #expect(portrayed.span == span("the governor as a friend of developers", in: text))
    }

    /// "talked about X" (a `[phrases]` cue with the `np` frame): the object after the phrase is the
    /// content; "talked" alone is no cue.
    @Test func phraseCueTalkedAbout() throws {
        let text = "The rally ran late.\n\nMayor Dana Kirwan talked about the harbor cleanup, then left. Her aides talked for an hour."
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first { $0.cue?.lemma == "talk about" })
        #expect(q.span == span("the harbor cleanup", in: text))
        #expect(q.cue?.span == span("talked about", in: text))
        #expect(speakerName(doc, q) == "Dana Kirwan")
        #expect(doc.quotes.count == 1)
    }

    /// "made it clear that …" is a cue only as a whole phrase (Resources/cues.txt, `[phrases]`), and
    /// not in a passive ("the stakes were made clear").
    @Test func phraseCueMadeItClear() throws {
        let text = "The vote is set for Thursday.\n\nMayor Dana Kirwan made it clear on Monday that she would veto the budget. Her aides made a list of demands. The stakes were made clear that night as council members argued."
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first { $0.cue?.lemma == "make clear" })
        #expect(q.span == span("she would veto the budget", in: text))
        #expect(speakerName(doc, q) == "Dana Kirwan")
        #expect(q.cue?.span == span("made it clear", in: text))
        #expect(doc.quotes.filter { $0.cue?.lemma == "make clear" }.count == 1)
    }

    /// "Ruiz, making it clear that A, stood …": a participle set off right after the subject is a
    /// parenthetical; its content ends at the closing comma.
    @Test func parentheticalParticipleEndsAtItsComma() throws {
        let text = "The summit closed on Friday.\n\nBut Premier Ana Ruiz, noting that the harbor deal was still unsigned, stood beside the minister and described the talks as “productive.”"
        let doc = try analyze(text)
        let noting = try #require(doc.quotes.first { $0.cue?.lemma == "note" })
        #expect(noting.span == span("the harbor deal was still unsigned", in: text))
        let described = try #require(doc.quotes.first { $0.cue?.lemma == "describe" })
        #expect(described.span == span("the talks as “productive.”", in: text))
    }

    /// "Speaking in Dover, which votes next week, Ortiz …": the relative clause on the adverbial's
    /// last noun is the adverbial's, so the subject of a coordinated cue comes after it; and an
    /// attitude verb after "but" ends the object of the one before.
    @Test func relativeClauseAfterAnOpeningAdverbialIsNoSubject() throws {
        let text = "The race tightened again.\n\nSpeaking on a radio show in Dover, which holds its primary next week, Senator Mara Ortiz praised her rival as “a tireless worker” but described his budget plan as a “fantasy.”"
        let doc = try analyze(text)
        let praised = try #require(doc.quotes.first { $0.cue?.lemma == "praise" })
        #expect(praised.span == span("her rival as “a tireless worker”", in: text))
        let described = try #require(doc.quotes.first { $0.cue?.lemma == "describe" })
        #expect(speakerName(doc, described) == "Mara Ortiz")
    }
}

@Suite struct SpeakerResolutionTests {
    /// Given names mark gender when no title does, so a pronoun skips a speaker of the other gender.
    @Test func givenNamesGuidePronouns() throws {
        let text = "Luis Ortega said the pier was unsafe. Maria Lopez said the repairs were finished. He said inspectors had not visited."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 3)
        #expect(speakerName(doc, doc.quotes[2]) == "Luis Ortega")
    }

    @Test func surnameAndPronounsResolveToFullName() throws {
        let text = """
        Council member Rosa Delgado said the library would stay open.

        “We found the money,” Delgado said.

        Mr. Victor Lane, the treasurer, said the numbers did not add up. She said the audit would show otherwise.
        """
        let doc = try analyze(text)
        let names = doc.quotes.map { speakerName(doc, $0) }
        #expect(names == ["Rosa Delgado", "Rosa Delgado", "Victor Lane", "Rosa Delgado"])
        let rosa = try #require(doc.speakers.first { $0.name == "Rosa Delgado" })
        #expect(rosa.mentions.count == 3)
    }

    @Test func definiteOrganizationLinksToEarlierName() throws {
        let text = "Harwick Bank said the outage was over. The bank said no data was lost."
        let doc = try analyze(text)
        #expect(doc.quotes.count == 2)
        #expect(speakerName(doc, doc.quotes[1]) == "Harwick Bank")
        #expect(doc.speakers.count == 1)
        #expect(doc.speakers[0].kind == .organization)
    }

    @Test func appositionGivesRole() throws {
        let text = "Hugo Brandt, a marine biologist, said the reef was recovering."
        let (doc, q) = try firstQuote(text)
        #expect(q.speaker?.span == span("Hugo Brandt", in: text))
        let s = try #require(q.speaker?.speaker.map { doc.speakers[$0] })
        #expect(s.role == "a marine biologist")
    }

    @Test func extraCueFromOptions() throws {
        var options = QuotesStage.Options()
        options.cues = ["harrumph harrumphed harrumphs | that"]
        let text = "Lena Orr harrumphed that the trains were late again."
        #expect(try analyze(text).quotes.isEmpty)
        let doc = try analyze(text, options: options)
        #expect(doc.quotes.first?.span == span("the trains were late again", in: text))
    }
}

@Suite struct SpeakerNameCollectionTests {
    /// A capitalized preposition opening a sentence is no part of a name a pronoun can resolve to.
    @Test func sentenceInitialFunctionWordsAreNotNames() throws {
        let doc = try analyze("On Twitter, she answered at once, saying, \"Seriously, just stop.\"")
        let q = try #require(doc.quotes.first)
        #expect(speakerName(doc, q) != "On Twitter")
        #expect(!doc.speakers.contains { $0.name.hasPrefix("On ") })
    }
}

@Suite struct QuoteRobustnessTests {
    /// Soups of marks, cues and names: no document may trap, and every span stays inside the text.
    @Test func randomMarkSoupNeverFails() throws {
        let atoms = ["\"", "“", "”", "‘", "’", "'", "''", "«", "»", "said", "Ruiz", "he", "that", "according", "to",
                     "the", "ministry", ",", ".", ":", "—", "\n\n", "Mr.", "J.", "Inc.", "(", ")", "told", "urged",
                     "whether", "and", "but", "saying", "officials", "they", "’90s", "don’t", "?", "…", ", 71,"]
        var state: UInt64 = 12345
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<400 {
            let text = (0..<(1 + next(60))).map { _ in atoms[next(atoms.count)] }.joined(separator: next(3) == 0 ? "" : " ")
            let doc = try analyze(text)
            let n = doc.scalars.count
            for q in doc.quotes {
                #expect(q.span.end <= n)
                for p in q.pieces { #expect(q.span.contains(p)) }
                if let s = q.speaker?.span { #expect(s.end <= n) }
                if let id = q.speaker?.speaker { #expect(id < doc.speakers.count) }
            }
        }
    }
}

/// Agentless passives and impersonal frames: the quotation stays, with nobody as its speaker.
@Suite struct SourcelessCueTests {
    @Test(arguments: [
        "Ana Ruiz spoke for an hour on Monday. It is widely believed that the harbor plan will not pass this year.",
        "Ana Ruiz spoke for an hour on Monday. Commissioners were told that the harbor plan would not pass this year.",
        "Ana Ruiz spoke for an hour on Monday. It was reported that the harbor plan would not pass this year.",
    ])
    func noSpeakerForAgentlessCues(_ text: String) throws {
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first { $0.span.start > span("Monday.", in: text).end }, "\(text)")
        #expect(q.span.start == span("the harbor plan", in: text).start)
        #expect(q.speaker == nil, "\(text)")
    }

    @Test func agentAndExperiencerKeepTheirSpeaker() throws {
        let (doc, q) = try firstQuote("Ruiz is convinced that the harbor plan will pass this year.")
        #expect(speakerName(doc, q) == "Ruiz")
        let text = "The harbor plan was criticized by the mayor, who said that it would cost too much."
        let d2 = try analyze(text)
        #expect(d2.quotes.allSatisfy { $0.speaker != nil })
    }

    @Test func evidentialAdverbOnlyWhenItIsTheWholeCue() throws {
        let text = "Ruiz reportedly told aides that the harbor plan was dead."
        let (doc, q) = try firstQuote(text)
        #expect(q.speaker?.span == span("Ruiz", in: text))
        #expect(speakerName(doc, q) == "Ruiz")
    }
}

/// Raising verbs: the writer's own inference, attributed to nobody, with the whole clause as content.
@Suite struct RaisingInferenceTests {
    @Test(arguments: [
        ("Ana Ruiz spoke for an hour on Monday. Mr. Hale's campaign seems to be losing ground in the east.", "Mr. Hale's campaign seems to be losing ground in the east", "seems"),
        ("Ana Ruiz spoke for an hour on Monday. Most harbor voters do not appear to share her view.", "Most harbor voters do not appear to share her view", "appear"),
        ("Ana Ruiz spoke for an hour on Monday. The ferry link seemed like a distant hope.", "The ferry link seemed like a distant hope", "seemed"),
        ("Ana Ruiz spoke for an hour on Monday. The council appeared as if it would never vote.", "The council appeared as if it would never vote", "appeared"),
    ])
    func clauseWithNoSpeaker(_ text: String, _ content: String, _ cue: String) throws {
        let doc = try analyze(text)
        let q = try #require(doc.quotes.first, "\(text)")
        #expect(q.span == span(content, in: text))
        #expect(q.cue?.span == span(cue, in: text))
        #expect(q.speaker == nil)
        #expect(q.kind == .indirect)
    }

    @Test(arguments: [
        "Ana Ruiz appeared at a rally in the harbor district on Monday.",
        "Ana Ruiz appeared as a guest on the harbor radio show on Monday.",
        "It seems like the harbor plan will pass this year.",
        "Ana Ruiz said Monday that the mayor seemed to waver on the harbor plan.",
    ])
    func notAnInferenceOfTheWriter(_ text: String) throws {
        let doc = try analyze(text)
        #expect(!doc.quotes.contains { ["seem", "appear"].contains($0.cue?.lemma ?? "") }, "\(text)")
    }
}
