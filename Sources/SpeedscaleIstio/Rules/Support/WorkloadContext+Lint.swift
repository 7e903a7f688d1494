import KubeManifests
import SpliceYAML

extension WorkloadContext {
    /// Whether the workload runs with an Istio sidecar: an explicit `sidecar.istio.io/inject`
    /// on the pod, host networking, or its Namespace's injection labels decide; with none of
    /// them, ``RuleSettings/meshedByDefault``.
    package var isInMesh: Bool {
        meshMembership ?? settings.meshedByDefault
    }

    /// Whether the manifests say the workload is in the mesh (true) or not (false): an explicit
    /// `sidecar.istio.io/inject` or `istio.io/rev` on the pod, host networking, or its
    /// Namespace's injection or ambient labels; nil when they say nothing either way.
    package var meshMembership: Bool? {
        let labels = workload.podLabels
        let podSwitch = labels["sidecar.istio.io/inject"] ?? podAnnotationEntries.last { $0.key == "sidecar.istio.io/inject" }?.text
        if podSwitch == "false" { return false }
        if workload.podSpec?.string(at: ["hostNetwork"]) == "true" { return false }
        if podSwitch == "true" || labels["istio.io/rev"] != nil { return true }
        switch namespaceLabels["istio-injection"] {
        case "enabled": return true
        case "disabled": return false
        default: break
        }
        if namespaceLabels["istio.io/rev"] != nil || namespaceLabels["istio.io/dataplane-mode"] == "ambient" { return true }
        return nil
    }

    /// The annotations of the pod itself, where Istio reads its pod settings: a Pod's own, else
    /// the pod template's.
    package var podAnnotationEntries: [AnnotationEntry] {
        AnnotationEntry.entries(
            of: workload.kind == .pod ? workload.annotationsNode : workload.podTemplateAnnotationsNode, onPodTemplate: true)
    }

    /// The containers whose proxy environment rules look at: the app container when it
    /// can be told, else every container that is not a known sidecar.
    package var checkedContainers: [Container] {
        if let app = appContainer.value { return [app] }
        return workload.containers.filter { !AppContainer.isKnownSidecar($0) }
    }
}
