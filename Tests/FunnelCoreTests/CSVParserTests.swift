import Foundation
import Testing

@testable import FunnelCore

@Suite("CSV as RFC 4180 reads it")
struct CSVParserTests {
    func rows(_ text: String, delimiter: Unicode.Scalar = ",") -> [[String]]? {
        if case .success(let rows) = CSVParser.parse(text, delimiter: delimiter) { return rows.map(\.cells) }
        return nil
    }

    func error(_ text: String) -> String? {
        if case .failure(let error) = CSVParser.parse(text) { return error.message }
        return nil
    }

    @Test func fieldsRowsAndQuotes() {
        #expect(rows("a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
        #expect(rows("a,b\r\n1,2") == [["a", "b"], ["1", "2"]], "a last row without a line end")
        #expect(rows("\"x, y\",\"say \"\"hi\"\"\"\n") == [["x, y", "say \"hi\""]])
        #expect(rows("a;b\n", delimiter: ";") == [["a", "b"]])
        #expect(rows(",\n") == [["", ""]])
        #expect(rows("") == [])
    }

    @Test func aLineBreakInsideQuotesStaysInTheField() throws {
        let parsed = try CSVParser.parse("name,note\n\"Dana\",\"two\nlines\"\nEve,x\n").get()
        #expect(parsed.map(\.cells) == [["name", "note"], ["Dana", "two\nlines"], ["Eve", "x"]])
        #expect(parsed.map(\.line) == [1, 2, 4], "each row starts where it starts")
    }

    @Test func spacesAfterAClosingQuoteAreAllowedAndKept() {
        // The readers trim cells; the parser keeps what it read.
        #expect(rows("\"a\"  ,b\n") == [["a  ", "b"]])
    }

    @Test func brokenQuotingNamesTheLine() {
        #expect(error("a,b\nx\"y,2\n")?.contains("line 2: a quote inside an unquoted field") == true)
        #expect(error("a\n\"b\"c\n")?.contains("line 2: text after a closing quote") == true)
        #expect(error("a\n\"never closed\n\n")?.contains("line 2: a quoted field is never closed") == true)
    }
}
