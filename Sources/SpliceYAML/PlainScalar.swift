/// How YAML 1.1 (which Kubernetes' decoder follows) reads plain scalars, and when a value
/// can be written without quotes.
public enum PlainScalar {
    private static let booleans: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]
    private static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// Whether the plain scalar `value` is read as a string, not a boolean, null or number.
    public static func resolvesToString(_ value: String) -> Bool {
        if booleans.contains(value) || nulls.contains(value) { return false }
        return !isNumber(value)
    }

    /// Whether `value` is a YAML 1.1 boolean written plain (`true`, `yes`, `on`, ...).
    public static func isBoolean(_ value: String) -> Bool { booleans.contains(value) }

    /// Whether the plain scalar `value` reads as a YAML 1.1 integer or float.
    public static func isNumber(_ value: String) -> Bool {
        var scalars = Array(value.unicodeScalars)
        guard !scalars.isEmpty else { return false }
        if scalars[0] == "+" || scalars[0] == "-" { scalars.removeFirst() }
        guard !scalars.isEmpty else { return false }
        let text = String(String.UnicodeScalarView(scalars))
        if [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"].contains(text) { return true }
        let lower = text.lowercased()
        if lower.hasPrefix("0x") { return text.count > 2 && text.dropFirst(2).allSatisfy { $0.isHexDigit || $0 == "_" } }
        if lower.hasPrefix("0b") { return text.count > 2 && text.dropFirst(2).allSatisfy { $0 == "0" || $0 == "1" || $0 == "_" } }
        // Decimal, octal, float with optional exponent, and sexagesimal (1:20).
        var sawDigit = false
        var index = text.startIndex
        while index < text.endIndex, text[index].isASCII, text[index].isNumber || text[index] == "_" || text[index] == ":" {
            if text[index].isNumber { sawDigit = true }
            index = text.index(after: index)
        }
        if index < text.endIndex && text[index] == "." {
            index = text.index(after: index)
            while index < text.endIndex, text[index].isASCII, text[index].isNumber || text[index] == "_" {
                sawDigit = true
                index = text.index(after: index)
            }
        }
        guard sawDigit else { return false }
        if index < text.endIndex && (text[index] == "e" || text[index] == "E") {
            index = text.index(after: index)
            if index < text.endIndex && (text[index] == "+" || text[index] == "-") { index = text.index(after: index) }
            var exponentDigits = false
            while index < text.endIndex, text[index].isASCII, text[index].isNumber {
                exponentDigits = true
                index = text.index(after: index)
            }
            if !exponentDigits { return false }
        }
        return index == text.endIndex
    }

    /// Whether `value` can be written as a plain scalar and still read back as the same string.
    /// Deliberately strict: anything unusual is quoted.
    /// In block context, words separated by single spaces may follow, and a word may start with
    /// `-` followed by a letter (`-Xmx512m -Dname=a|b`, as JVM options are written).
    public static func canWritePlain(_ value: String, inFlow: Bool) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard let first = scalars.first else { return false }
        let optionStart = !inFlow && first == "-" && scalars.count > 1 && scalars[1].properties.isAlphabetic
        guard first.properties.isAlphabetic || ("0"..."9").contains(first) || first == "/" || optionStart else {
            return false
        }
        for (index, scalar) in scalars.enumerated() {
            let allowed = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "-_./:@+=,".unicodeScalars.contains(scalar)
                || (!inFlow && (scalar == "|" || scalar == "*" || scalar == " "))
            if !allowed || !scalar.isASCII { return false }
            if inFlow && (scalar == ":" || scalar == ",") { return false }
            if scalar == " " {
                // No space at either end, none doubled, and none after a colon (`key: value`).
                guard index > 0, index + 1 < scalars.count, scalars[index + 1] != " ", scalars[index - 1] != ":" else { return false }
            }
        }
        if value.hasSuffix(":") { return false }
        return resolvesToString(value)
    }

    /// `value` as a double-quoted YAML (and JSON) string.
    public static func doubleQuoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
