import Foundation
import SpeedscaleIstio
import SpliceYAML
import Testing
import TestSupport

/// Several threads give exactly what one gives: over the corpus as many files, over the
/// corpus joined into one stream cut into pieces, and over a stream of 100,000 documents.
@Suite struct ParallelRunTests {
    /// Many threads and pieces small enough that the corpus's joined stream is cut.
    static let many = Workers(3, minimumPieceSize: 4 << 10)

    /// Every corpus file, as one input each.
    static var corpusInputs: [ManifestInput] {
        ProjectPaths.corpusFiles.compactMap { url in
            (try? ProjectPaths.bytes(url)).map { ManifestInput(file: ProjectPaths.corpusName(url), source: YAMLSource($0)) }
        }
    }

    /// The corpus files that parse, joined into one stream with `---` lines.
    static var corpusStream: ManifestInput {
        var bytes: [UInt8] = []
        for input in corpusInputs where (try? YAMLStream(parsing: input.source)) != nil {
            if !bytes.isEmpty { bytes += Array("\n---\n".utf8) }
            bytes += input.source.bytes
        }
        return ManifestInput(file: "corpus.yaml", source: YAMLSource(bytes))
    }

    /// What a reader of a run's results sees: bytes, outcomes, notes and parse errors.
    static func shown(_ results: [InjectionResult]) -> [String] {
        results.map { result in
            "\(result.file)\n\(String(decoding: result.output, as: UTF8.self))\n\(result.outcomes)\n\(result.notes)\n\(String(describing: result.parseError))"
        }
    }

    @Test(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"))
    func manyFilesGiveTheSameResultsOnOneThreadOrSeveral() throws {
        let inputs = Self.corpusInputs
        let injector = Injector(options: InjectOptions())
        let one = try injector.inject(inputs, workers: .one)
        let several = try injector.inject(inputs, workers: Self.many)
        #expect(one.contains { $0.changed })
        #expect(Self.shown(one) == Self.shown(several))

        let injected = one.map { ManifestInput(file: $0.file, source: YAMLSource($0.output)) }
        let uninjector = Uninjector(options: InjectOptions())
        let uninjectedOnOne = try uninjector.uninject(injected, workers: .one)
        let uninjectedOnSeveral = try uninjector.uninject(injected, workers: Self.many)
        #expect(Self.shown(uninjectedOnOne) == Self.shown(uninjectedOnSeveral))

        let linter = Linter()
        let report = linter.lint(inputs, workers: .one)
        #expect(!report.findings.isEmpty)
        #expect(report.findings == linter.lint(inputs, workers: Self.many).findings)
        #expect(report.failures.map(\.file) == linter.lint(inputs, workers: Self.many).failures.map(\.file))
    }

    @Test(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"))
    func oneLongStreamGivesTheSameResultsCutIntoPieces() throws {
        let stream = Self.corpusStream
        #expect(YAMLStream.pieces(of: stream.source, count: 12, minimumSize: Self.many.minimumPieceSize).count > 1)
        let injector = Injector(options: InjectOptions())
        let one = try injector.inject([stream], workers: .one)
        let several = try injector.inject([stream], workers: Self.many)
        #expect(one[0].changed)
        #expect(Self.shown(one) == Self.shown(several))

        let injected = ManifestInput(file: stream.file, source: YAMLSource(one[0].output))
        let uninjector = Uninjector(options: InjectOptions())
        let back = try uninjector.uninject([injected], workers: Self.many)
        let backOnOne = try uninjector.uninject([injected], workers: .one)
        #expect(Self.shown(backOnOne) == Self.shown(back))

        let linter = Linter()
        #expect(linter.lint([stream], workers: .one).findings == linter.lint([stream], workers: Self.many).findings)
    }

    @Test func aStreamOfAHundredThousandDocumentsIsProcessed() throws {
        // 99,900 small objects and 100 Deployments, one in every 1,000 documents.
        var text = ""
        text.reserveCapacity(3_000_000)
        for index in 0..<100_000 {
            if index % 1_000 == 0 {
                text += "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\(index)\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        ports:\n        - containerPort: 8080\n"
            } else {
                text += "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\(index)\n"
            }
        }
        let input = ManifestInput(file: "stream.yaml", source: YAMLSource(text))
        let results = try Injector(options: InjectOptions()).inject([input], workers: Workers(2))
        #expect(results[0].outcomes.filter(\.status.isChange).count == 100)
        let output = try YAMLStream(parsing: results[0].output)
        #expect(output.documents.count == 100_000)
        let report = Linter().lint([ManifestInput(file: "stream.yaml", source: YAMLSource(results[0].output))], workers: Workers(2))
        #expect(report.failures.isEmpty)
    }
}
