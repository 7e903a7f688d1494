/// SS010: annotations the chosen proxy type ignores.
package struct IgnoredProxyAnnotationRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS010", title: "Annotation ignored by the proxy type", severity: .warning,
        summary: "proxy-protocol is ignored in transparent mode, and proxy-host and proxy-port (where the reverse proxy forwards inbound traffic) are ignored unless the proxy type is reverse or dual.",
        fix: "Remove the annotation, or set the proxy-type it is meant for.",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\n↓sidecar.speedscale.com/proxy-protocol: \"http\""),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-type: \"forward\"\n↓sidecar.speedscale.com/proxy-port: \"8080\""),
        ],
        nonTriggeringExamples: [
            .dual(),
            .deployment(annotations: "sidecar.speedscale.com/proxy-protocol: \"http\""),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected, let type = sidecar.proxyType else { return [] }
        var ignored: [String] = []
        if type == .transparent { ignored.append(SpeedscaleAnnotation.proxyProtocol) }
        if !type.usesReverseProxy { ignored += [SpeedscaleAnnotation.proxyHost, SpeedscaleAnnotation.proxyPort] }
        return ignored.compactMap { key in
            sidecar.annotations.entry(key).map { entry in
                Finding(Self.description, "\(key) is ignored with proxy-type \"\(type.rawValue)\"", at: entry.keyNode.range)
            }
        }
    }
}
