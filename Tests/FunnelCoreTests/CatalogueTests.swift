import Foundation
import Testing

@testable import FunnelCore

/// The catalogue: every key in every language, the same placeholders, the plural forms each
/// language needs, and CLDR's plural rules.
@Suite("The catalogue (English, Hebrew, Arabic)")
struct CatalogueTests {
    @Test func everyKeyHasAllThreeLanguages() {
        for language in Language.allCases {
            let table = Catalogue.table(language)
            let missing = TextKey.allCases.filter { table[$0] == nil }
            #expect(missing.isEmpty, "\(language) lacks \(missing)")
            #expect(table.count == TextKey.allCases.count)
        }
    }

    /// Each form of a text uses the English text's placeholders (a plural form may say its
    /// number in words and leave `{count}` out: "יומיים", "بطاقة واحدة").
    @Test func placeholdersMatchAcrossLanguages() {
        for key in TextKey.allCases {
            guard let english = Catalogue.english[key] else { continue }
            let expected = Catalogue.placeholders(english.form(.other)).subtracting(["count"])
            for language in Language.allCases {
                for (category, form) in Catalogue.table(language)[key]?.forms ?? [:] {
                    let found = Catalogue.placeholders(form).subtracting(["count"])
                    #expect(found == expected, "\(key) \(language) \(category): \(found) vs \(expected)")
                }
            }
        }
    }

    @Test func pluralTextsHaveEveryFormTheLanguageNeeds() {
        for key in TextKey.allCases where Catalogue.english[key]?.isPlural == true {
            for language in Language.allCases {
                let forms = Set(Catalogue.table(language)[key]?.forms.keys.map { $0 } ?? [])
                #expect(language.pluralCategories.isSubset(of: forms), "\(key) in \(language) has \(forms)")
            }
        }
    }

    @Test func pluralRulesFollowCLDR() {
        #expect(Language.en.pluralCategory(1) == .one)
        #expect(Language.en.pluralCategory(0) == .other)
        #expect(Language.en.pluralCategory(2) == .other)
        #expect(Language.he.pluralCategory(1) == .one)
        #expect(Language.he.pluralCategory(2) == .two)
        #expect(Language.he.pluralCategory(3) == .other)
        #expect(Language.he.pluralCategory(20) == .other)
        let arabic: [(Int, PluralCategory)] = [
            (0, .zero), (1, .one), (2, .two), (3, .few), (10, .few), (11, .many), (99, .many),
            (100, .other), (101, .other), (102, .other), (103, .few), (111, .many), (1000, .other),
        ]
        for (n, category) in arabic { #expect(Language.ar.pluralCategory(n) == category, "\(n)") }
    }

    @Test func countsReadRightInEachLanguage() {
        #expect(Language.en.text(.pluralCards, count: 1) == "1 card")
        #expect(Language.en.text(.pluralCards, count: 3) == "3 cards")
        #expect(Language.en.text(.pluralTries, count: 1) == "1 try")
        #expect(Language.he.text(.pluralDays, count: 2) == "יומיים")
        #expect(Language.he.text(.pluralCards, count: 1) == "כרטיס אחד")
        #expect(Language.he.text(.pluralCards, count: 5) == "5 כרטיסים")
        #expect(Language.ar.text(.pluralCards, count: 1) == "بطاقة واحدة")
        #expect(Language.ar.text(.pluralCards, count: 2) == "بطاقتان")
        #expect(Language.ar.text(.pluralCards, count: 3) == "3 بطاقات")
        #expect(Language.ar.text(.pluralCards, count: 11) == "11 بطاقة")
        #expect(Language.ar.text(.pluralCards, count: 100) == "100 بطاقة")
    }

    @Test func placeholdersAreFilledOnceAndBracesStay() {
        #expect(Catalogue.fill("a {x} {y} {{x}}", ["x": "{y}", "y": "2"]) == "a {y} 2 {{y}}")
        #expect(Catalogue.fill("no {such} key", [:]) == "no {such} key")
    }

    /// English comes out as it always did; Hebrew and Arabic name the same values.
    @Test func messagesInEachLanguage() {
        let message = Message.unknownStage(text: "x", known: ["new", "won"])
        #expect(message.text == "no stage called “x”; stages are: new, won")
        #expect(message.text(in: .he) == "אין שלב בשם \"x\"; השלבים הם: new, won")
        #expect(message.text(in: .ar) == "لا توجد مرحلة باسم «x»؛ المراحل هي: new، won")
        #expect(Message.invalidCurrency(text: "ILZ").text.contains("; did you mean ILS?"))
        #expect(Message.mailTemplateUnknownPlaceholder(name: "a", placeholder: "b").text.contains("placeholder {b};"))
    }

    @Test func localeNamesPickTheLanguage() {
        #expect(Language(locale: "he_IL.UTF-8") == .he)
        #expect(Language(locale: "iw_IL") == .he)
        #expect(Language(locale: "ar_EG.UTF-8") == .ar)
        #expect(Language(locale: "en_US.UTF-8") == .en)
        #expect(Language(locale: "C.UTF-8") == nil)
        #expect(Language(locale: "fr_FR") == nil)
    }

    @Test func datesFollowTheLanguage() throws {
        let day = try #require(Day(year: 2026, month: 11, day: 26))
        let today = try #require(Day(year: 2026, month: 11, day: 1))
        #expect(DateStyle.of(.en).full(day) == "2026-11-26")
        #expect(DateStyle.of(.he).full(day) == "26.11.2026")
        #expect(DateStyle.of(.ar).full(day) == "26/11/2026")
        #expect(DateStyle.of(.en).short(day, today: today) == "Nov 26")
        #expect(DateStyle.of(.he).short(day, today: today) == "26.11")
    }
}

/// `funnel init --language`: the templates' names in Hebrew (the seeds' own words) and Arabic.
@Suite("Templates in Hebrew and Arabic")
struct TemplateLanguageTests {
    @Test func simpleInHebrewUsesSource003sWords() {
        let pipeline = PipelineTemplate.simple.pipeline(in: .he)
        #expect(
            pipeline.stages.map(\.name) == [
                "לא ממוין", "פניה חדשה", "מעקב/בטיפול", "תיאום פגישה/הצעת מחיר",
                "מעקב לאחר פגישה/קליטת לקוח", "לקוח", "לא רלוונטי", "לקוחות עבר",
            ])
        #expect(pipeline.stages.map(\.id) == PipelineTemplate.simple.pipeline.stages.map(\.id))
        #expect(pipeline.lostReasons.first == pipeline.work.unreachableReason)
    }

    @Test func powerlinkInHebrewUsesSource000sWords() {
        let names = PipelineTemplate.powerlink.pipeline(in: .he).stages.map(\.name)
        #expect(names == ["לא ממוין", "חדש", "קשר ראשוני", "בתהליך", "לקוח", "לא מעוניין", "לקוח לא פעיל"])
    }

    @Test func b2bInArabicUsesSource001sWords() {
        let names = PipelineTemplate.b2b.pipeline(in: .ar).stages.map(\.name)
        #expect(names.contains("فرصة لإتمام المعاملة") && names.contains("عرض تجاري") && names.contains("التوقيع والدفع"))
    }

    @Test func everyTemplateIsNamedInEveryLanguageWithASCIIIds() {
        for template in PipelineTemplate.allCases {
            let english = template.pipeline
            for language in Language.allCases {
                let pipeline = template.pipeline(in: language)
                #expect(pipeline.stages.map(\.id) == english.stages.map(\.id))
                #expect(pipeline.stages.allSatisfy { $0.id.allSatisfy(\.isASCII) })
                #expect(pipeline.lostReasons.count == english.lostReasons.count)
                if language != .en { #expect(Set(pipeline.stages.map(\.name)).isDisjoint(with: english.stages.map(\.name))) }
            }
        }
    }

    @Test func cardsNameTheOwnerByFirstName() {
        #expect(User(account: "yossi", name: "יוסי כהן", role: .rep).shortName == "יוסי")
        #expect(User(account: "dana", name: "Dana Levi", role: .manager).shortName == "Dana")
        #expect(User(account: "rita", name: "", role: .rep).shortName == "rita")
    }
}
