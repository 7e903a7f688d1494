import KubeManifests

/// D8: inject does not change VirtualServices, but says which gateway-bound ones route to the
/// Service of a workload it leaves running the Speedscale sidecar without serving in-mesh
/// callers: one note per VirtualService and Service, naming the workloads behind it.
enum VirtualServiceNotes {
    static func add(to plans: inout [FilePlan], index: MeshIndex) {
        let gaps = VirtualServiceAudit.gaps(
            inputs: plans.map(\.parsed.manifests), index: index, workloads: plans.flatMap(\.sidecarWorkloads))
        for gap in gaps {
            let parsed = plans[gap.input].parsed
            let line = parsed.source.location(ofByte: gap.virtualService.object.node.start).line
            plans[gap.input].notes.append(
                "\(parsed.file):\(line): virtualservice/\(gap.virtualService.object.name ?? "") routes gateway traffic to service \(gap.service.name ?? "") of \(gap.workloadNames), but \(gap.missing); not changed: add them by hand if in-mesh callers (replayed traffic included) use this service")
        }
    }
}
