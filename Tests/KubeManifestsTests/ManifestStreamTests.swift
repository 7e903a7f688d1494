import KubeManifests
import SpliceYAML
import Testing

/// The objects of a stream, found on several threads, are those found on one, in order.
@Suite struct ManifestStreamTests {
    /// Where each object is: its document, its item in a List, its kind and first byte.
    private static func places(_ manifests: ManifestStream) -> [String] {
        manifests.objects.map { "\($0.documentIndex) \($0.listItemIndex.map(String.init) ?? "-") \($0.kind ?? "?") \($0.node.start)" }
    }

    @Test func severalThreadsFindTheObjectsOneFinds() throws {
        // Objects, Lists of two (one item not a mapping), and documents that are no object.
        var text = ""
        for index in 0..<3_000 {
            switch index % 4 {
            case 0: text += "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: map-\(index)\n"
            case 1: text += "---\napiVersion: v1\nkind: List\nitems:\n- kind: Service\n  metadata:\n    name: s-\(index)\n- just text\n- kind: Secret\n"
            case 2: text += "---\n- a list\n- of words\n"
            default: text += "---\nkind: DeploymentList\nitems:\n- kind: Deployment\n  metadata:\n    name: d-\(index)\n"
            }
        }
        let stream = try YAMLStream(parsing: YAMLSource(text))
        let one = ManifestStream(stream)
        let several = ManifestStream(stream, workers: Workers(3))
        #expect(one.objects.count == 750 * 4)
        #expect(Self.places(one) == Self.places(several))
        let firstKinds = one.objects.prefix(4).map { "\($0.documentIndex) \($0.listItemIndex.map(String.init) ?? "-") \($0.kind ?? "?")" }
        #expect(firstKinds == ["0 - ConfigMap", "1 0 Service", "1 2 Secret", "3 0 Deployment"])
    }
}
