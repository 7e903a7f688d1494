import KubeManifests

/// INJ004: the app container routes outbound traffic through the sidecar's forward proxy
/// with the variables of D4.
public struct ProxyEnvironmentRule: WorkloadRule {
    public static let description = RuleDescription(
        id: "INJ004", title: "Proxy variable missing or different", severity: .error,
        summary: "In dual mode the sidecar does not intercept outbound traffic; the app must send it to the forward proxy through HTTP_PROXY and HTTPS_PROXY, or capture stays empty.",
        fix: "Set the variable on the app container to the URL shown (scheme of the proxy protocol, loopback host, outbound port).",
        helpURI: DocumentLink.speedscaleProxyConfig)

    public init() {}

    public func check(_ context: WorkloadContext) -> [Finding] {
        guard context.profile.needsAppContainer, let container = context.appContainer?.value, context.appPort?.value != nil else {
            return []
        }
        let env = container.env
        var findings: [Finding] = []
        for (name, value) in context.profile.environment {
            guard let existing = env.last(where: { $0.name == name }) else {
                let anchor = container.envNode ?? container.node
                findings.append(Finding(
                    Self.description, "container \"\(container.name ?? "")\" has no \(name) (want \(value))",
                    at: anchor.start..<anchor.start, fixes: [.setEnv(container: container.index, name: name, value: value)]))
                continue
            }
            if existing.hasValueFrom {
                findings.append(Finding(
                    Self.description, "container \"\(container.name ?? "")\" sets \(name) through valueFrom, want \(value)",
                    at: existing.node.range, isConflict: true))
            } else if existing.value != value {
                findings.append(Finding(
                    Self.description, "container \"\(container.name ?? "")\" sets \(name)=\(existing.value ?? ""), want \(value)",
                    at: (existing.valueNode ?? existing.node).range,
                    fixes: [.setEnv(container: container.index, name: name, value: value)], isConflict: true))
            }
        }
        if !context.options.noProxy.isEmpty {
            findings += noProxyFindings(context.options.noProxy, container: container, env: env)
        }
        return findings
    }

    /// `NO_PROXY` must hold every host of `--no-proxy`; missing ones are merged into the existing value.
    private func noProxyFindings(_ hosts: [String], container: KubeManifests.Container, env: [KubeManifests.EnvVar]) -> [Finding] {
        let name = "NO_PROXY"
        guard let existing = env.last(where: { $0.name == name }) else {
            let anchor = container.envNode ?? container.node
            let value = hosts.joined(separator: ",")
            return [Finding(
                Self.description, "container \"\(container.name ?? "")\" has no \(name) (want \(value))",
                at: anchor.start..<anchor.start, fixes: [.setEnv(container: container.index, name: name, value: value)])]
        }
        if existing.hasValueFrom {
            return [Finding(Self.description, "container \"\(container.name ?? "")\" sets \(name) through valueFrom", at: existing.node.range, isConflict: true)]
        }
        let current = ProxyEnvironment.listEntries(existing.value ?? "")
        let missing = hosts.filter { !current.contains($0) }
        guard !missing.isEmpty else { return [] }
        let merged = (current + missing).joined(separator: ",")
        return [Finding(
            Self.description, "container \"\(container.name ?? "")\" \(name) lacks \(missing.joined(separator: ",")) (want \(merged))",
            at: (existing.valueNode ?? existing.node).range, fixes: [.setEnv(container: container.index, name: name, value: merged)])]
    }
}
