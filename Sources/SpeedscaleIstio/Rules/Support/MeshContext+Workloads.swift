import KubeManifests

extension MeshContext {
    /// A workload context for every workload of `inputs`, with the labels of its Namespace
    /// and the Services that select it when the inputs hold them, and the index of its input.
    package static func workloadContexts(
        in inputs: [ManifestStream], settings: RuleSettings, index: MeshIndex
    ) -> [(input: Int, context: WorkloadContext)] {
        inputs.enumerated().flatMap { input, manifests in
            manifests.workloads.map { workload in
                let namespace = workload.object.namespace
                return (input, WorkloadContext(
                    workload: workload, source: manifests.source, settings: settings,
                    namespaceLabels: index.labels(ofNamespace: namespace),
                    services: index.services(selecting: workload.podLabels, in: namespace)))
            }
        }
    }
}
