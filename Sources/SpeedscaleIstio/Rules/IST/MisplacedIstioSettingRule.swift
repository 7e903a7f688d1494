import SpliceYAML

/// IST009: Istio pod settings on the workload's own metadata, and the deprecated
/// `sidecar.istio.io/inject` annotation.
package struct MisplacedIstioSettingRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "IST009", title: "Istio pod setting in the wrong place", severity: .warning,
        summary: "Istio reads sidecar.istio.io/*, traffic.sidecar.istio.io/* and proxy.istio.io/config from the pod, so on a Deployment's (or other workload's) own metadata they are ignored (Istio analysis IST0107). The sidecar.istio.io/inject annotation is deprecated in favour of the label of the same name, which wins when both are set; an annotation that repeats the label's value is not reported.",
        fix: "Move the key to the pod template (spec.template.metadata); write sidecar.istio.io/inject as a label there.",
        helpURI: DocumentLink.istioAnalysisMisplacedAnnotation,
        triggeringExamples: [
            .deployment(annotations: "↓sidecar.istio.io/statsInclusionPrefixes: cluster.outbound"),
            .deployment(podAnnotations: "↓sidecar.istio.io/inject: \"true\""),
            .deployment(podAnnotations: "↓sidecar.istio.io/inject: \"true\"", podLabels: "app: web\nsidecar.istio.io/inject: \"false\""),
            RuleExample("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                  labels:
                    ↓sidecar.istio.io/inject: "false"
                spec:
                  template:
                    metadata:
                      labels:
                        app: db
                    spec:
                      containers:
                      - name: db
                """),
        ],
        nonTriggeringExamples: [
            .deployment(podAnnotations: "sidecar.istio.io/inject: \"false\"", podLabels: "app: web\nsidecar.istio.io/inject: \"false\""),
            .deployment(podAnnotations: "proxy.istio.io/config: '{ \"holdApplicationUntilProxyStarts\": true }'", podLabels: "app: web\nsidecar.istio.io/inject: \"true\""),
            RuleExample("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    sidecar.istio.io/inject: "true"
                  annotations:
                    traffic.sidecar.istio.io/excludeOutboundPorts: "5432"
                spec:
                  containers:
                  - name: web
                """),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.deployment(annotations: "sidecar.istio.io/statsInclusionPrefixes: cluster.outbound").text, .byHand,
                after: RuleExample.deployment(podAnnotations: "sidecar.istio.io/statsInclusionPrefixes: cluster.outbound").text),
        ])

    static let injectKey = "sidecar.istio.io/inject"

    /// Whether Istio reads `key` from the pod only.
    static func isPodSetting(_ key: String) -> Bool {
        key.hasPrefix("sidecar.istio.io/") || key.hasPrefix("traffic.sidecar.istio.io/") || key == "proxy.istio.io/config"
    }

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let workload = context.workload
        var findings: [Finding] = []
        if workload.kind != .pod {
            let kind = workload.kind.rawValue
            var seen: Set<Int> = []
            for owner in [workload.object.node, workload.annotationOwner].compactMap({ $0 }) where seen.insert(owner.start).inserted {
                for (what, path) in [("annotation", "annotations"), ("label", "labels")] {
                    for entry in AnnotationEntry.entries(of: owner.lookup(["metadata", path]), onPodTemplate: false) where Self.isPodSetting(entry.key) {
                        let advice = entry.key == Self.injectKey ? "write it as a label on the pod template" : "move it to the pod template's \(path)"
                        findings.append(Finding(
                            Self.description,
                            "\(what) \(entry.key) is on the \(kind)'s own metadata, where Istio ignores it; \(advice)",
                            at: entry.keyNode.range))
                    }
                }
            }
        }
        // Istio reads the label first; an annotation that repeats it (as Istio's own charts write
        // for older releases) changes nothing.
        let label = workload.podLabels[Self.injectKey]
        for entry in context.podAnnotationEntries where entry.key == Self.injectKey && label != entry.text {
            let message = label.map { "the annotation \(entry.key) is deprecated and ignored here: the pod label says \"\($0)\"; remove the annotation" }
                ?? "the annotation \(entry.key) is deprecated; write \(entry.key): \"\(entry.text ?? "true")\" as a pod label instead"
            findings.append(Finding(Self.description, message, at: entry.keyNode.range))
        }
        return findings
    }
}
