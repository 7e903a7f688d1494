import KubeManifests

extension MeshContext {
    /// A workload context for every workload of `inputs`, with the labels of its Namespace
    /// and the Services that select it when the inputs hold them, and the index of its input;
    /// `hints` gives each workload's app container, port and runtime where they are configured.
    package static func workloadContexts(
        in inputs: [ManifestStream], settings: RuleSettings, index: MeshIndex,
        hints: (Workload) -> WorkloadHints = { _ in WorkloadHints() }
    ) -> [(input: Int, context: WorkloadContext)] {
        inputs.enumerated().flatMap { input, manifests in
            manifests.workloads.map { workload in
                (input, workloadContext(of: workload, in: manifests, settings: settings, index: index, hints: hints(workload)))
            }
        }
    }

    /// The facts of `workload`, one of the workloads of `manifests`.
    package static func workloadContext(
        of workload: Workload, in manifests: ManifestStream, settings: RuleSettings, index: MeshIndex, hints: WorkloadHints
    ) -> WorkloadContext {
        let namespace = workload.object.namespace
        return WorkloadContext(
            workload: workload, source: manifests.source, hints: hints, settings: settings,
            namespaceLabels: index.labels(ofNamespace: namespace),
            services: index.services(selecting: workload.podLabels, in: namespace))
    }
}
