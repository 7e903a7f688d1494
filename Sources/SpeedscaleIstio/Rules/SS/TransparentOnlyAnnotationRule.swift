/// SS014: annotations that only the transparent proxy reads.
package struct TransparentOnlyAnnotationRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS014", title: "Transparent-only annotation with another proxy type", severity: .warning,
        summary: "The ignore-* annotations (ignore-src-ips, ignore-dst-hosts, ignore-outbound-ports, ignore-loopback, ...), capture-node-traffic and track-loopback shape the transparent proxy's iptables rules; Speedscale documents them as valid only with proxy-type transparent, so reverse, forward and dual ignore them.",
        fix: "Remove the annotation, or use proxy-type transparent. In forward or dual mode, keep hosts away from the forward proxy with NO_PROXY instead.",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .dual(extra: "↓sidecar.speedscale.com/ignore-dst-hosts: \"kubernetes.default.svc\""),
            .deployment(annotations: """
                sidecar.speedscale.com/inject: "true"
                sidecar.speedscale.com/proxy-type: "reverse"
                ↓sidecar.speedscale.com/capture-node-traffic: "true"
                ↓sidecar.speedscale.com/track-loopback: "true"
                """),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/ignore-dst-hosts: \"kubernetes.default.svc\""),
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-type: \"transparent\"\nsidecar.speedscale.com/ignore-loopback: \"true\""),
            .deployment(annotations: "sidecar.speedscale.com/proxy-type: \"dual\"\nsidecar.speedscale.com/ignore-src-ips: \"10.0.0.1\""),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let sidecar = context.sidecar
        guard sidecar.isInjected, let type = sidecar.proxyType, type != .transparent else { return [] }
        return SpeedscaleAnnotation.transparentOnlyNames.compactMap { name in
            sidecar.annotations.entry(SpeedscaleAnnotation.prefix + name).map { entry in
                Finding(
                    Self.description,
                    "\(entry.key) applies only to proxy-type \"transparent\"; with proxy-type \"\(type.rawValue)\" the operator ignores it",
                    at: entry.keyNode.range)
            }
        }.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
