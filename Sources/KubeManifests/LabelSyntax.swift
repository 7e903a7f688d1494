/// The API server's rules for label keys and values (qualified names, DNS subdomains).
enum LabelSyntax {
    /// Why `key` is not a valid label key (`[prefix/]name`), or nil when it is.
    static func keyProblem(_ key: String) -> String? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return "a key has at most one '/'" }
        if parts.count == 2 {
            let prefix = parts[0]
            guard !prefix.isEmpty, prefix.count <= 253, isSubdomain(prefix) else {
                return "the prefix must be a DNS subdomain (lowercase letters, digits, '-' and '.', at most 253 characters)"
            }
        }
        guard let name = parts.last, !name.isEmpty else { return "the name part must not be empty" }
        return nameProblem(name)
    }

    /// Why `value` is not a valid label value, or nil when it is (an empty value is valid).
    static func valueProblem(_ value: String) -> String? {
        value.isEmpty ? nil : nameProblem(Substring(value))
    }

    /// Why `name` is not a valid name part (at most 63 of `A-Za-z0-9-_.`, alphanumeric at both ends).
    private static func nameProblem(_ name: Substring) -> String? {
        guard name.count <= 63 else { return "at most 63 characters" }
        let allowed = name.unicodeScalars.allSatisfy { isAlphanumeric($0) || "-_.".unicodeScalars.contains($0) }
        guard allowed, let first = name.unicodeScalars.first, let last = name.unicodeScalars.last,
              isAlphanumeric(first), isAlphanumeric(last) else {
            return "letters, digits, '-', '_' and '.', starting and ending with a letter or digit"
        }
        return nil
    }

    private static func isSubdomain(_ text: Substring) -> Bool {
        text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.unicodeScalars.first, let last = label.unicodeScalars.last else { return false }
            let lowercase = label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            return lowercase && first != "-" && last != "-"
        }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
