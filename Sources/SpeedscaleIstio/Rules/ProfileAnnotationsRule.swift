/// INJ001: the workload carries every annotation of the profile, as a string with the
/// profile's value (D2, D3).
public struct ProfileAnnotationsRule: WorkloadRule {
    public static let description = RuleDescription(
        id: "INJ001", title: "Profile annotation missing or different", severity: .error,
        summary: "Inside Istio the Speedscale sidecar runs as a reverse and forward proxy only when the workload carries the dual-mode annotation set, each value a quoted string.",
        fix: "Add the annotation with the value shown, double-quoted, to the workload's metadata.annotations.",
        helpURI: DocumentLink.speedscaleIstio)

    public init() {}

    public func check(_ context: WorkloadContext) -> [Finding] {
        if context.appContainer?.value == nil && context.profile.needsAppContainer { return [] }
        if context.appPort?.value == nil && context.profile.needsAppContainer { return [] }
        let annotations = context.workload.annotationsNode
        var findings: [Finding] = []
        for (key, value) in context.profile.annotations {
            guard let existing = annotations?.kind == .mapping ? annotations?.pair(forKey: key)?.value : nil else {
                findings.append(Finding(
                    Self.description, "annotation \(key) is missing (want \"\(value)\")",
                    at: (annotations ?? context.workload.object.node["metadata"]).map { $0.start..<$0.start } ?? context.workloadRange,
                    fixes: [.setAnnotation(key: key, value: value)]))
                continue
            }
            if existing.kind == .scalar && existing.value == value {
                if !existing.isString {
                    findings.append(Finding(
                        Self.description, "annotation \(key) is \(existing.value) unquoted, which is not a string; write \"\(value)\"",
                        at: existing.range, fixes: [.setAnnotation(key: key, value: value)]))
                }
                continue
            }
            let shown = existing.kind == .scalar ? "\"\(existing.value)\"" : "not a string"
            findings.append(Finding(
                Self.description, "annotation \(key) is \(shown), want \"\(value)\"",
                at: existing.range, fixes: [.setAnnotation(key: key, value: value)], isConflict: true))
        }
        return findings
    }
}
