/// DNS name checks that Kubernetes and Istio validation use.
package enum DNSName {
    /// Whether `text` is a DNS-1123 label: at most 63 lower-case letters, digits and `-`,
    /// starting and ending with a letter or digit (a namespace name).
    package static func isLabel(_ text: String) -> Bool {
        isLabel(text, allowingUpperCase: false)
    }

    /// Whether `text` is a DNS-1123 label, optionally letting upper-case letters through (as
    /// Istio does for host names).
    package static func isLabel(_ text: String, allowingUpperCase: Bool) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty, scalars.count <= 63 else { return false }
        func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || (allowingUpperCase && ("A"..."Z").contains(scalar))
        }
        guard let first = scalars.first, let last = scalars.last, isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return scalars.allSatisfy { isAlphanumeric($0) || $0 == "-" }
    }
}
