import KubeManifests
import SpliceYAML

/// YML001: a key written twice in one mapping. The API server keeps the last value (and
/// with strict field validation refuses the object), so the first is silently lost.
package struct DuplicateKeyRule: MeshRule {
    package static let description = RuleDescription(
        id: "YML001", title: "Key written twice in one mapping", severity: .error,
        summary: "YAML parsers accept a key written twice in one mapping, but the Kubernetes API server keeps only the last value (or, with strict field validation, refuses the object): everything under the first is silently dropped, a second containers: list or annotations: block most often.",
        fix: "Merge the two entries into one, or delete the one that is not meant.",
        helpURI: "https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation",
        triggeringExamples: [
            .deployment(annotations: "team: shop\n↓team: web"),
        ],
        nonTriggeringExamples: [
            .deployment(annotations: "team: shop"),
        ])

    package init() {}

    package func check(_ context: MeshContext) -> [LocatedFinding] {
        context.inputs.enumerated().flatMap { input, manifests in
            let source = manifests.source
            let documents = manifests.stream.documents
            let withDuplicates = documents.indices.filter { !documents[$0].duplicateKeys.isEmpty }
            guard !withDuplicates.isEmpty else { return [LocatedFinding]() }
            // Grouped once, so that a stream of many documents costs no more than its objects.
            let objectsByDocument = Dictionary(grouping: manifests.objects, by: \.documentIndex)
            return withDuplicates.flatMap { documentIndex in
                let objects = objectsByDocument[documentIndex] ?? []
                return documents[documentIndex].duplicateKeys.compactMap { duplicate -> LocatedFinding? in
                    // The object that holds the key: a List's item, else the document's object.
                    let start = duplicate.duplicate.start
                    guard let object = objects.last(where: { $0.node.start <= start && start < $0.node.end }) ?? objects.first else { return nil }
                    let line = source.location(ofByte: duplicate.first.start).line
                    return LocatedFinding(input: input, object: object, finding: Finding(
                        Self.description, "key \"\(duplicate.key)\" is written a second time (first on line \(line) of this mapping); Kubernetes keeps only this last value",
                        at: duplicate.duplicate.range))
                }
            }
        }
    }
}
