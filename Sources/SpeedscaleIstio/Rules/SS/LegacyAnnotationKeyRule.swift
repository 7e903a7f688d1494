/// SS004: a key from the operator's first annotation set, renamed or removed since.
package struct LegacyAnnotationKeyRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS004", title: "Legacy Speedscale annotation", severity: .warning,
        summary: "Operator v2 renamed the camelCase annotations to kebab-case, replaced tls with tls-out, and removed remove, status, debug and envoy-filter; the old keys are ignored.",
        fix: "Use the current key the message names, or delete the annotation.",
        helpURI: DocumentLink.speedscaleAnnotations,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\n↓sidecar.speedscale.com/proxyMode: \"dual\""),
            .deployment(annotations: "↓sidecar.speedscale.com/tls: \"all\""),
            .deployment(annotations: "↓sidecar.speedcale.com/insertfirst: \"true\""),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/proxy-type: \"dual\"\nsidecar.speedscale.com/tls-out: \"true\""),
        ])

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        context.sidecar.annotations.all.compactMap { entry -> Finding? in
            let advice: String?
            if entry.key.hasPrefix(SpeedscaleAnnotation.prefix) {
                advice = SpeedscaleAnnotation.legacyNames[String(entry.key.dropFirst(SpeedscaleAnnotation.prefix.count))]
            } else if entry.key == SpeedscaleAnnotation.misspeltPrefix + "insertfirst" {
                advice = SpeedscaleAnnotation.legacyNames["insertfirst"]
            } else {
                advice = nil
            }
            return advice.map { Finding(Self.description, "\(entry.key) is a legacy annotation that operator v2 ignores; \($0)", at: entry.keyNode.range) }
        }
    }
}
