import KubeManifests
import SpliceYAML

/// IST006: one selector-less Sidecar per namespace, and one Sidecar per workload.
package struct ConflictingSidecarsRule: MeshRule {
    package static let description = RuleDescription(
        id: "IST006", title: "Sidecars conflict", severity: .error,
        summary: "Istio's behaviour is undefined when a namespace has more than one Sidecar without workloadSelector (IST0111), or when two Sidecars select the same workload (IST0110).",
        fix: "Merge the Sidecars, or give each a workloadSelector that selects different pods.",
        helpURI: DocumentLink.istioAnalysisMultipleSidecars,
        triggeringExamples: [
            .mesh(RuleExample.sidecar(name: "default", hosts: "- \"./*\"") + "---\n" + RuleExample.sidecar(name: "↓extra", hosts: "- \"speedscale/*\"")),
            .mesh(RuleExample.selectingSidecar(name: "a", labels: "app: web") + "---\n" + RuleExample.selectingSidecar(name: "b", labels: "↓app: web")),
        ],
        nonTriggeringExamples: [
            .mesh(RuleExample.sidecar(name: "default", hosts: "- \"./*\"") + "---\n" + RuleExample.sidecar(name: "other", hosts: "- \"./*\"").replacing("namespace: shop", with: "namespace: other")),
            .mesh(RuleExample.sidecar(name: "default", hosts: "- \"./*\"") + "---\n" + RuleExample.sidecar(name: "default", hosts: "- \"speedscale/*\"")),
        ],
        corrections: [
            RuleCorrection(
                RuleExample.mesh(RuleExample.sidecar(name: "default", hosts: "- \"./*\"") + "---\n" + RuleExample.sidecar(name: "extra", hosts: "- \"speedscale/*\"")).text,
                .byHand, after: RuleExample.mesh(RuleExample.sidecar(name: "default", hosts: "- \"./*\"\n- \"speedscale/*\"")).text),
        ])

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        // The same namespace and name twice is one object written twice (the last wins), not two Sidecars.
        var seenNames: Set<String> = []
        let sidecars = context.objects.compactMap { input, object in IstioSidecar(object).map { (input: input, sidecar: $0) } }
            .reversed().filter { seenNames.insert("\($0.sidecar.namespace ?? "")/\($0.sidecar.object.name ?? "")").inserted }.reversed()
        guard !sidecars.isEmpty else { return [] }
        var findings: [LocatedFinding] = []
        var firstDefault: [String: String] = [:]
        for (input, sidecar) in sidecars where sidecar.workloadSelector?.isEmpty ?? true {
            let key = sidecar.namespace ?? ""
            let name = sidecar.object.name ?? ""
            guard let first = firstDefault[key] else {
                firstDefault[key] = name
                continue
            }
            let anchor = sidecar.object.node.lookup(["metadata", "name"]) ?? sidecar.object.node
            findings.append(LocatedFinding(input: input, object: sidecar.object, finding: Finding(
                Self.description,
                "Sidecar \(name) is a second Sidecar without workloadSelector in namespace \(sidecar.namespace ?? "(none given)") (the first is \(first)); Istio's behaviour is undefined",
                at: anchor.range)))
        }
        var reported: Set<[Int]> = []
        let index = SidecarIndex(Array(sidecars), rootNamespace: context.settings.rootNamespace)
        for workload in context.inputs.flatMap(\.workloads) {
            let selecting = index.selecting(workload.podLabels, in: workload.object.namespace)
            guard let first = selecting.first else { continue }
            for entry in selecting.dropFirst() where reported.insert([entry.input, entry.sidecar.object.node.start]).inserted {
                let (input, sidecar) = (entry.input, entry.sidecar)
                let anchor = sidecar.object.node.lookup(["spec", "workloadSelector", "labels"]) ?? sidecar.object.node
                findings.append(LocatedFinding(input: input, object: sidecar.object, finding: Finding(
                    Self.description,
                    "Sidecars \(first.sidecar.object.name ?? "") and \(sidecar.object.name ?? "") both select \(workload.kind.rawValue) \(workload.object.name ?? ""); Istio's behaviour is undefined",
                    at: anchor.range)))
            }
        }
        return findings
    }
}
