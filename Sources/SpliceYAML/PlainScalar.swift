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
        // No boolean or null is longer than five bytes: most values need no lookup.
        if value.utf8.count <= 5 && (booleans.contains(value) || nulls.contains(value)) { return false }
        return !isNumber(value)
    }

    /// Whether `value` is a YAML 1.1 boolean written plain (`true`, `yes`, `on`, ...).
    public static func isBoolean(_ value: String) -> Bool { booleans.contains(value) }

    /// Whether the plain scalar `value` reads as a YAML 1.1 integer or float.
    public static func isNumber(_ value: String) -> Bool {
        let utf8 = value.utf8
        return utf8.withContiguousStorageIfAvailable(isNumber) ?? isNumber(Array(utf8)[...])
    }

    /// Whether the bytes of a plain scalar read as a YAML 1.1 integer or float (ASCII only).
    private static func isNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        isNumber(bytes[...])
    }

    private static func isNumber<Bytes: Collection<UInt8>>(_ all: Bytes) -> Bool where Bytes.Index == Int {
        var start = all.startIndex
        let end = all.endIndex
        guard start < end else { return false }
        if all[start] == UInt8(ascii: "+") || all[start] == UInt8(ascii: "-") { start += 1 }
        guard start < end else { return false }
        let text = all[start..<end]
        if text.count == 4 && text[start] == UInt8(ascii: ".") {
            let word = String(decoding: text, as: UTF8.self)
            if [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"].contains(word) { return true }
        }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        if text.count >= 2 && text[start] == UInt8(ascii: "0") && (text[start + 1] | 0x20) == UInt8(ascii: "x") {
            return text.count > 2 && text[(start + 2)...].allSatisfy { isDigit($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) || $0 == UInt8(ascii: "_") }
        }
        if text.count >= 2 && text[start] == UInt8(ascii: "0") && (text[start + 1] | 0x20) == UInt8(ascii: "b") {
            return text.count > 2 && text[(start + 2)...].allSatisfy { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_") }
        }
        // Decimal, octal, float with optional exponent, and sexagesimal (1:20).
        var sawDigit = false
        var index = start
        while index < end, isDigit(all[index]) || all[index] == UInt8(ascii: "_") || all[index] == UInt8(ascii: ":") {
            if isDigit(all[index]) { sawDigit = true }
            index += 1
        }
        if index < end && all[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, isDigit(all[index]) || all[index] == UInt8(ascii: "_") {
                sawDigit = true
                index += 1
            }
        }
        guard sawDigit else { return false }
        if index < end && (all[index] | 0x20) == UInt8(ascii: "e") {
            index += 1
            if index < end && (all[index] == UInt8(ascii: "+") || all[index] == UInt8(ascii: "-")) { index += 1 }
            var exponentDigits = false
            while index < end, isDigit(all[index]) {
                exponentDigits = true
                index += 1
            }
            if !exponentDigits { return false }
        }
        return index == end
    }

    /// Whether `value` can be written as a plain scalar and still read back as the same string.
    /// Deliberately strict: anything unusual (any byte outside ASCII letters, digits and
    /// `-_./:@+=,`) is quoted.
    /// In block context, words separated by single spaces may follow, and a word may start with
    /// `-` followed by a letter (`-Xmx512m -Dname=a|b`, as JVM options are written).
    public static func canWritePlain(_ value: String, inFlow: Bool) -> Bool {
        let utf8 = value.utf8
        let plain = utf8.withContiguousStorageIfAvailable { canWritePlain($0[...], inFlow: inFlow) }
            ?? canWritePlain(Array(utf8)[...], inFlow: inFlow)
        return plain && resolvesToString(value)
    }

    private static func canWritePlain<Bytes: Collection<UInt8>>(_ bytes: Bytes, inFlow: Bool) -> Bool where Bytes.Index == Int {
        let start = bytes.startIndex
        let end = bytes.endIndex
        guard start < end else { return false }
        let isLetter = { (byte: UInt8) in (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        let first = bytes[start]
        let optionStart = !inFlow && first == UInt8(ascii: "-") && end - start > 1 && isLetter(bytes[start + 1])
        guard isLetter(first) || isDigit(first) || first == UInt8(ascii: "/") || optionStart else { return false }
        for index in start..<end {
            let byte = bytes[index]
            switch byte {
            case _ where isLetter(byte) || isDigit(byte):
                continue
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: "="):
                continue
            case UInt8(ascii: ":"), UInt8(ascii: ","):
                if inFlow { return false }
            case UInt8(ascii: "|"), UInt8(ascii: "*"):
                if inFlow { return false }
            case UInt8(ascii: " "):
                // No space at either end, none doubled, and none after a colon (`key: value`).
                guard !inFlow, index > start, index + 1 < end, bytes[index + 1] != UInt8(ascii: " "),
                      bytes[index - 1] != UInt8(ascii: ":") else { return false }
            default:
                return false
            }
        }
        return bytes[end - 1] != UInt8(ascii: ":")
    }

    /// `value` as a double-quoted YAML (and JSON) string.
    public static func doubleQuoted(_ value: String) -> String {
        // Most values (annotation values, URLs, names) are printable ASCII without `"` or `\`:
        // they go between the quotes as they are.
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            return "\"" + value + "\""
        }
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
