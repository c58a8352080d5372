/// A strict RFC 4180 reader, for tests that check what the CSV emitter writes reads back field for
/// field (quotes doubled inside quoted fields, CRLF row ends, commas and newlines inside fields).
public func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var inQuotes = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
        if inQuotes {
            if c == "\"" {
                if chars.first == "\"" { field.unicodeScalars.append("\""); chars = chars.dropFirst() } else { inQuotes = false }
            } else { field.unicodeScalars.append(c) }
        } else if c == "\"" { inQuotes = true }
        else if c == "," { row.append(field); field = "" }
        else if c == "\r" && chars.first == "\n" { chars = chars.dropFirst(); row.append(field); rows.append(row); row = []; field = "" }
        else { field.unicodeScalars.append(c) }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}
