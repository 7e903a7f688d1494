import KubeManifests
import SpliceYAML

/// SS001: annotation values of Speedscale, Istio and this tool must be YAML strings; the API
/// server rejects an unquoted `true` or `8080`.
package struct AnnotationValueNotStringRule: MeshRule {
    package static let description = RuleDescription(
        id: "SS001", title: "Annotation value is not a string", severity: .error,
        summary: "Kubernetes annotation values must be strings. Unquoted true, false, yes, on or numbers are read as booleans and integers, and the API server rejects the object.",
        fix: "Quote the value: \"true\", \"8080\".",
        helpURI: DocumentLink.kubernetesAnnotations,
        triggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: ↓true\nsidecar.speedscale.com/proxy-port: ↓8080"),
            .deployment(podAnnotations: "sidecar.istio.io/inject: ↓false"),
            RuleExample("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  annotations:
                    networking.istio.io/exportTo: ↓1
                """),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "sidecar.speedscale.com/inject: \"true\"\nsidecar.speedscale.com/proxy-port: '8080'\nteam: 5"),
            .deployment(podAnnotations: "proxy.istio.io/config: |\n  holdApplicationUntilProxyStarts: true"),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.dual().text.replacing("inject: \"true\"", with: "inject: true"),
                after: RuleExample.dual(env: RuleExample.injectedEnv).text),
        ])

    package init() {}

    /// Whether annotations with `key` are ones this rule checks: `*.speedscale.com`, `*.istio.io`
    /// and `speedscale-istio.io` keys.
    package static func isChecked(_ key: String) -> Bool {
        guard let slash = key.firstIndex(of: "/") else { return false }
        let domain = key[..<slash]
        return ["speedscale.com", "istio.io", "speedscale-istio.io"].contains { domain == $0 || domain.hasSuffix("." + $0) }
    }

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        var findings: [LocatedFinding] = []
        context.forEachObject { input, object, workload in
            for mapping in Self.annotationMappings(of: object, workload: workload) {
                for entry in AnnotationEntry.entries(of: mapping, onPodTemplate: false) where Self.isChecked(entry.key) {
                    guard let what = Self.nonString(entry.valueNode) else { continue }
                    findings.append(LocatedFinding(input: input, object: object, finding: Finding(
                        Self.description, "annotation \(entry.key) is \(what), not a string; \(Self.advice(entry.valueNode))",
                        at: entry.valueNode.range)))
                }
            }
        }
        return findings
    }

    /// Every annotations mapping of `object`: its own, and when it is `workload` its job
    /// template's and pod template's.
    static func annotationMappings(of object: KubeObject, workload: Workload?) -> [YAMLNode] {
        var nodes = [object.node.lookup(["metadata", "annotations"])]
        if let workload {
            nodes += [workload.annotationsNode, workload.podTemplateAnnotationsNode]
        }
        var seen: Set<Int> = []
        return nodes.compactMap { $0 }.filter { seen.insert($0.start).inserted }
    }

    /// What a value that is not a string is, or nil when it is a string (or null, read as "").
    static func nonString(_ node: YAMLNode) -> String? {
        switch node.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return nil
        case .scalar:
            if node.isString || node.isNull { return nil }
            if let tag = node.tag { return "tagged \(tag)" }
            if PlainScalar.isBoolean(node.value) { return "the boolean \(node.value)" }
            return "the number \(node.value)"
        }
    }

    static func advice(_ node: YAMLNode) -> String {
        node.kind == .scalar && node.tag == nil ? "quote it: \"\(node.value)\"" : "write a quoted string"
    }
}
