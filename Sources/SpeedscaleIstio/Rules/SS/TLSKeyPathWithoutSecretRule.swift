/// SS019: without a Secret, the inbound and mutual TLS key and certificate must be full paths.
package struct TLSKeyPathWithoutSecretRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS019", title: "TLS key or certificate without a Secret is not a path", severity: .warning,
        summary: "tls-in-private and tls-in-public name files of the Secret given by tls-in-secret (tls.key and tls.crt by default); without that Secret they must be the full paths of files already mounted in the container. tls-mutual-private and tls-mutual-public work the same way with tls-mutual-secret.",
        fix: "Add the Secret annotation (tls-in-secret or tls-mutual-secret), or write the full path of the mounted file.",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(annotations: """
                sidecar.speedscale.com/inject: "true"
                sidecar.speedscale.com/tls-in-private: ↓"tls.key"
                sidecar.speedscale.com/tls-in-public: "/etc/certs/tls.crt"
                """),
            .deployment(annotations: "sidecar.speedscale.com/tls-in-secret: \"web-tls\"\nsidecar.speedscale.com/tls-mutual-public: ↓\"client.crt\""),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/tls-in-secret: \"web-tls\"\nsidecar.speedscale.com/tls-in-private: \"key.pem\""),
            .deployment(annotations: "sidecar.speedscale.com/tls-mutual-private: \"/etc/client/tls.key\"\nsidecar.speedscale.com/tls-mutual-public: \"/etc/client/tls.crt\""),
        ])

    /// Each Secret annotation (without the prefix) with the file annotations it supplies.
    static let groups: [(secret: String, files: [String])] = [
        ("tls-in-secret", ["tls-in-private", "tls-in-public"]),
        ("tls-mutual-secret", ["tls-mutual-private", "tls-mutual-public"]),
    ]

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let annotations = context.sidecar.annotations
        return Self.groups.flatMap { group -> [Finding] in
            let secretKey = SpeedscaleAnnotation.prefix + group.secret
            guard (annotations.value(secretKey) ?? "").isEmpty else { return [] }
            return group.files.compactMap { name in
                guard let entry = annotations.entry(SpeedscaleAnnotation.prefix + name), let text = entry.text, !text.hasPrefix("/") else {
                    return nil
                }
                return Finding(
                    Self.description,
                    "\(entry.key) is \"\(text)\", not a full path, and there is no \(secretKey) to read it from; write the path of the file mounted in the container, or add the Secret",
                    at: entry.valueNode.range)
            }
        }
    }
}
