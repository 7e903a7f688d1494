import Foundation
import KubeManifests
import SpeedscaleIstio
import SpliceYAML
import Testing
import TestSupport

/// inject over every real manifest in ../shared/corpus: it parses what libyaml parses,
/// only adds lines, never breaks a document, and a second run changes nothing.
@Suite(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"))
struct InjectCorpusTests {
    static let files = ProjectPaths.corpusFiles.map(ProjectPaths.corpusName)

    @Test(arguments: files)
    func injectOnlyAddsLinesAndIsIdempotent(_ name: String) throws {
        let bytes = try ProjectPaths.bytes(ProjectPaths.corpus.appendingPathComponent(name))
        let injector = Injector(options: InjectOptions())
        guard (try? YAMLStream(parsing: bytes)) != nil else {
            // libyaml rejects the file: inject must say so (exit 2 in the CLI), never crash or write.
            #expect(throws: InjectError.self) { try injector.inject(YAMLSource(bytes), file: name) }
            return
        }
        let result = try injector.inject(YAMLSource(bytes), file: name)
        // The output parses, and running again changes nothing.
        let again = try injector.inject(YAMLSource(result.output), file: name)
        #expect(again.output == result.output, "second run changed the output")
        #expect(!again.outcomes.contains { $0.status == .injected })
        // Every input line is still there, in order: inject adds lines and removes none.
        // In JSON the line before an addition gains the comma that separates it.
        let isJSON = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } == UInt8(ascii: "{")
        let input = lines(bytes, droppingCommas: isJSON)
        let output = lines(result.output, droppingCommas: isJSON)
        var next = 0
        for line in output where next < input.count && line == input[next] { next += 1 }
        #expect(next == input.count, "an input line was changed or removed")
        // Compared as parsed trees, each document holds the input plus only inject's additions.
        let inputDocuments = try YAMLStream(parsing: bytes).documents
        let outputDocuments = try YAMLStream(parsing: result.output).documents
        #expect(inputDocuments.count == outputDocuments.count)
        for (before, after) in zip(inputDocuments, outputDocuments) {
            let problems = TreeAdditions.problems(before.root, after.root)
            #expect(problems.isEmpty, "\(problems.prefix(3))")
        }
        // Workloads are injected whole, or not at all.
        let stream = ManifestStream(try YAMLStream(parsing: result.output))
        let originals = ManifestStream(try YAMLStream(parsing: bytes)).workloads
        for (outcome, (before, after)) in zip(result.outcomes, zip(originals, stream.workloads)) {
            let hasInject = after.annotations["sidecar.speedscale.com/inject"] == "true"
            switch outcome.status {
            case .injected, .unchanged, .uninjected:
                #expect(hasInject, "\(outcome.name) reported \(outcome.status) without the annotation")
                #expect(after.annotations["sidecar.speedscale.com/proxy-type"] == "dual")
                #expect(after.containers.contains { container in container.env.contains { $0.name == "HTTPS_PROXY" } })
            case .failed, .skipped:
                #expect(before.object.node.end - before.object.node.start == after.object.node.end - after.object.node.start,
                        "\(outcome.name) was \(outcome.status) but changed")
            }
        }
    }

    private func lines(_ bytes: [UInt8], droppingCommas: Bool) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            droppingCommas && line.last == UInt8(ascii: ",") ? line.dropLast() : line
        }
    }
}
