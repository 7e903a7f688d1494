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
        return findings
    }
}
