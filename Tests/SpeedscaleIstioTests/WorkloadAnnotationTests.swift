import KubeManifests
import SpeedscaleIstio
import SpliceYAML
import Testing

/// A workload's own annotations, read one at a time or all together.
@Suite struct WorkloadAnnotationTests {
    @Test func oneAnnotationReadsAsTheWholeMapHasIt() throws {
        let annotations = """
            a: "1"
            b: 2
            a: 3
            c: [x]
            d:
            e: {f: g}
            e: h
            h: i
            h: {j: k}
            ? [l]
            : m
            """
        let text = RuleExample.deployment(annotations: annotations).text
        let workload = try #require(ManifestStream(try YAMLStream(parsing: YAMLSource(text))).workloads.first)
        for key in ["a", "b", "c", "d", "e", "h", "l", "missing", ""] {
            #expect(workload.annotation(key) == workload.annotations[key], "\(key)")
        }
        #expect(workload.annotation("a") == "3")
        #expect(workload.annotation("h") == "i")
    }
}
