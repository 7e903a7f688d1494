/// Istio's ambient mode, where ztunnel carries a pod's traffic and there is no Envoy sidecar,
/// so `Sidecar` resources have no effect (spec §7.2).
enum AmbientMode {
    /// Whether a Namespace with `labels` runs its pods in ambient mode, as Istio's analyzer
    /// decides: `istio.io/dataplane-mode=ambient`, unless `istio-injection=enabled` or a
    /// non-empty `istio.io/rev` keeps sidecars.
    static func namespaceIsAmbient(_ labels: [String: String]) -> Bool {
        if labels["istio-injection"] == "enabled" { return false }
        if let revision = labels["istio.io/rev"], !revision.isEmpty { return false }
        return labels["istio.io/dataplane-mode"] == "ambient"
    }
}

extension WorkloadContext {
    /// Whether the workload's pods run in ambient mode: the pod, or else its Namespace (when the
    /// run holds it), asks for `istio.io/dataplane-mode=ambient`, and the pod does not ask for
    /// an Envoy sidecar with `sidecar.istio.io/inject: "true"`.
    var isAmbient: Bool {
        let labels = workload.podLabels
        if labels["sidecar.istio.io/inject"] == "true" { return false }
        if let mode = labels["istio.io/dataplane-mode"] { return mode == "ambient" }
        return AmbientMode.namespaceIsAmbient(namespaceLabels)
    }
}
