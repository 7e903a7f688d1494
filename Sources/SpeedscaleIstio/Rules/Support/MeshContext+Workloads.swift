import KubeManifests

extension MeshContext {
    /// The labels of the `Namespace` objects of `inputs`, by name.
    public static func namespaceLabels(in inputs: [ManifestStream]) -> [String: [String: String]] {
        var labels: [String: [String: String]] = [:]
        for manifests in inputs {
            for object in manifests.objects where object.kind == "Namespace" {
                if let name = object.name { labels[name] = object.labels }
            }
        }
        return labels
    }

    /// A workload context for every workload of `inputs`, with the labels of its Namespace
    /// when the inputs hold it, and the index of its input.
    public static func workloadContexts(
        in inputs: [ManifestStream], options: InjectOptions, settings: RuleSettings
    ) -> [(input: Int, context: WorkloadContext)] {
        let namespaceLabels = namespaceLabels(in: inputs)
        return inputs.enumerated().flatMap { input, manifests in
            manifests.workloads.map { workload in
                (input, WorkloadContext(
                    workload: workload, source: manifests.source, options: options, settings: settings,
                    namespaceLabels: workload.object.namespace.flatMap { namespaceLabels[$0] } ?? [:]))
            }
        }
    }

    /// A workload context for every workload of the run, as workload rules see it.
    public var workloadContexts: [(input: Int, context: WorkloadContext)] {
        Self.workloadContexts(in: inputs, options: options, settings: settings)
    }
}
