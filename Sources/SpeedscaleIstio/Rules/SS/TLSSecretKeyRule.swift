/// SS022: `tls-secret` is a stale name for `tls-in-secret`.
package struct TLSSecretKeyRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS022", title: "tls-secret instead of tls-in-secret", severity: .info,
        summary: "sidecar.speedscale.com/tls-secret appears only on a Speedscale replay troubleshooting page; the annotation reference names the Secret for inbound TLS tls-in-secret, so tls-secret is most likely a stale name the operator does not read.",
        fix: "Use sidecar.speedscale.com/tls-in-secret with the name of the kubernetes.io/tls Secret.",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\n↓sidecar.speedscale.com/tls-secret: \"web-tls\""),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/tls-in-secret: \"web-tls\""),
        ])

    static let key = SpeedscaleAnnotation.prefix + "tls-secret"
    static let currentKey = SpeedscaleAnnotation.prefix + "tls-in-secret"

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let annotations = context.sidecar.annotations
        let alsoCurrent = annotations.entry(Self.currentKey) != nil ? " (it is set too, so tls-secret is redundant)" : ""
        return annotations.all.filter { $0.key == Self.key }.map { entry in
            let value = entry.text.map { " \"\($0)\"" } ?? ""
            return Finding(
                Self.description,
                "\(entry.key)\(value) is not in Speedscale's annotation reference; the inbound TLS Secret is named with \(Self.currentKey)\(alsoCurrent)",
                at: entry.keyNode.range)
        }
    }
}
