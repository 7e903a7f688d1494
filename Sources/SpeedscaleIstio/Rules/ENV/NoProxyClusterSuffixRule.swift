/// ENV009: NO_PROXY entries that send every in-cluster call around the forward proxy.
package struct NoProxyClusterSuffixRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "ENV009", title: "NO_PROXY bypasses in-cluster services", severity: .info,
        summary: "An entry such as .svc, *.cluster.local or shop.svc in NO_PROXY, no_proxy or -Dhttp.nonProxyHosts sends the calls to every in-cluster Service (of a namespace, or of the cluster) around the forward proxy, so they are not captured. Speedscale's own Java example does this on purpose: it is a trade-off, not an error.",
        fix: "Drop the cluster suffixes when in-cluster calls should be captured; keep only the hosts that must bypass the proxy (localhost, 127.0.0.1, kubernetes.default.svc).",
        helpURI: DocumentLink.speedscaleJava,
        triggeringExamples: [
            .dual(env: RuleExample.dualEnv + "\n- name: NO_PROXY\n  value: ↓localhost,127.0.0.1,.svc,.cluster.local"),
            .dual(env: RuleExample.dualEnv + "\n- name: JAVA_TOOL_OPTIONS\n  value: ↓\"-Dhttp.nonProxyHosts=localhost|*.svc.cluster.local\""),
        ],
        nonTriggeringExamples: [
            .dual(env: RuleExample.dualEnv + "\n- name: NO_PROXY\n  value: localhost,127.0.0.1,kubernetes.default.svc,api.example.com"),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"", env: "- name: NO_PROXY\n  value: .svc"),
        ])

    package init() {}

    /// Whether a NO_PROXY entry covers every Service of the cluster or of a namespace
    /// (`svc`, `.svc`, `*.cluster.local`, `shop.svc.cluster.local`), rather than one host.
    static func isClusterSuffix(_ entry: String) -> Bool {
        var name = Substring(entry.trimmingSpaces.lowercased())
        if name.hasPrefix("*") { name = name.dropFirst() }
        if name.hasPrefix(".") { name = name.dropFirst() }
        if name.hasSuffix(".") { name = name.dropLast() }
        var labels = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !name.isEmpty else { return false }
        if labels.suffix(2) == ["cluster", "local"] { labels.removeLast(2) }
        if labels.isEmpty { return true }
        return labels.last == "svc" && labels.count <= 2
    }

    package func check(_ context: WorkloadContext) -> [Finding] {
        let environments = context.forwardProxyEnvironments
        guard !environments.isEmpty else { return [] }
        var findings: [Finding] = []
        for environment in environments {
            for list in environment.noProxyLists {
                let suffixes = list.entries.filter(Self.isClusterSuffix)
                guard !suffixes.isEmpty else { continue }
                findings.append(Finding(Self.description, message("\(list.name) of container \"\(environment.container.name ?? "")\"", suffixes), at: list.node.range))
            }
        }
        for source in context.javaOptionSources where source.reachesJVM {
            guard let hosts = source.options[JavaProxyProperties.nonProxyHosts] else { continue }
            let suffixes = hosts.split(separator: "|").map { String($0).trimmingSpaces }.filter(Self.isClusterSuffix)
            guard !suffixes.isEmpty else { continue }
            findings.append(Finding(Self.description, message("-Dhttp.nonProxyHosts \(source.place)", suffixes), at: source.node.range))
        }
        return findings
    }

    private func message(_ place: String, _ suffixes: [String]) -> String {
        "\(place) lists \(suffixes.joined(separator: ", ")), so calls to in-cluster Services bypass the forward proxy and are not captured"
    }
}
