/// The grammar of an Istio Sidecar egress host, `namespace/dnsName` (spec §7.3, from
/// Istio's validation).
package enum EgressHostGrammar {
    /// Why `host` is not valid, or nil when it is.
    /// - Parameter exclusions: whether `~namespace/` exclusions are allowed (Istio 1.31 and later).
    package static func problem(_ host: String, exclusions: Bool) -> String? {
        guard let slash = host.firstIndex(of: "/") else { return "host must be of the form namespace/dnsName" }
        let namespace = String(host[..<slash])
        let dnsName = String(host[host.index(after: slash)...])
        if namespace.isEmpty || dnsName.isEmpty { return "both the namespace and the dnsName must be non-empty" }
        if let problem = namespaceProblem(namespace, exclusions: exclusions) { return problem }
        return dnsNameProblem(dnsName)
    }

    static func namespaceProblem(_ namespace: String, exclusions: Bool) -> String? {
        if ["*", ".", "~"].contains(namespace) { return nil }
        if namespace.hasPrefix("~") {
            let excluded = String(namespace.dropFirst())
            guard exclusions else { return "namespace exclusions (~\(excluded)/) need Istio 1.31 or later (set egressExclusions: true)" }
            return DNSName.isLabel(excluded) ? nil : "\"\(excluded)\" is not a namespace name"
        }
        return DNSName.isLabel(namespace) ? nil : "\"\(namespace)\" is not a namespace name (use *, ., ~ or a DNS-1123 label)"
    }

    static func dnsNameProblem(_ dnsName: String) -> String? {
        if dnsName == "*" { return nil }
        var name = Substring(dnsName)
        if name.hasPrefix("*.") { name = name.dropFirst(2) }
        if name.contains("*") { return "\"\(dnsName)\" has a partial wildcard; a wildcard must be the whole left-most label (*.example.com)" }
        if !name.contains(".") { return "\"\(dnsName)\" is a short name; Istio accepts only fully qualified names here (e.g. \(dnsName).<namespace>.svc.cluster.local)" }
        if dnsName.count > 255 { return "\"\(dnsName)\" is longer than 255 characters" }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        if let bad = labels.first(where: { !DNSName.isLabel(String($0), allowingUpperCase: true) }) {
            return "\"\(dnsName)\" has the invalid label \"\(bad)\""
        }
        return nil
    }
}
