import SpliceYAML

/// SS020: what the operator writes when it mutates a workload, found in a source manifest.
package struct OperatorArtifactRule: WorkloadRule {
    package static let description = RuleDescription(
        id: "SS020", title: "Operator-written metadata in source", severity: .info,
        summary: "The Speedscale operator adds the label sidecar.speedscale.com/injected, the annotation operator.speedscale.com/managed-by, the container speedscale-goproxy and the init containers speedscale-initproxy-* when it mutates a workload. A manifest that carries them was most likely exported from a live cluster; applying it again duplicates or conflicts with what the operator adds.",
        fix: "Remove the operator-written label, annotation and containers; keep only the sidecar.speedscale.com annotations you set.",
        helpURI: DocumentLink.speedscaleFAQ,
        triggeringExamples: [
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"\n↓operator.speedscale.com/managed-by: \"speedscale-operator\"",
                podLabels: "app: web\nsidecar.speedscale.com/injected: \"true\""),
            .deployment(
                annotations: "sidecar.speedscale.com/inject: \"true\"",
                container: "- name: web\n  image: example/web:1.0\n- name: ↓speedscale-goproxy\n  image: gcr.io/speedscale/goproxy:v2"),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\noperator.speedscale.com/ignore: \"false\""),
        ])

    static let injectedLabel = SpeedscaleAnnotation.prefix + "injected"
    static let managedByAnnotation = "operator.speedscale.com/managed-by"

    package init() {}

    package func check(_ context: WorkloadContext) -> [Finding] {
        let workload = context.workload
        var artifacts: [(what: String, node: YAMLNode)] = []
        let labelMappings = [
            workload.object.node.lookup(["metadata", "labels"]), workload.annotationOwner?.lookup(["metadata", "labels"]), workload.podLabelsNode,
        ]
        var seen: Set<Int> = []
        for mapping in labelMappings.compactMap({ $0 }) where seen.insert(mapping.start).inserted {
            for entry in AnnotationEntry.entries(of: mapping, onPodTemplate: false) where entry.key == Self.injectedLabel {
                artifacts.append(("label \(entry.key)", entry.keyNode))
            }
        }
        for entry in context.sidecar.annotations.all where entry.key == Self.managedByAnnotation {
            artifacts.append(("annotation \(entry.key)", entry.keyNode))
        }
        for container in workload.containers + workload.initContainers {
            guard let name = container.name, let node = container.node["name"] else { continue }
            if (!container.isInit && name == "speedscale-goproxy") || (container.isInit && name.hasPrefix("speedscale-initproxy-")) {
                artifacts.append(("\(container.isInit ? "init container" : "container") \(name)", node))
            }
        }
        artifacts.sort { $0.node.start < $1.node.start }
        guard let first = artifacts.first else { return [] }
        return [Finding(
            Self.description,
            "\(artifacts.map(\.what).joined(separator: ", ")) \(artifacts.count == 1 ? "is" : "are") written by the Speedscale operator; this manifest looks exported from a live cluster, and applying it again duplicates or conflicts with the operator's own changes",
            at: first.node.range)]
    }
}
