import KubeManifests
import SpeedscaleIstio
import SpliceYAML
import Testing

/// inject and uninject over generated Deployments that vary every style a file can have:
/// indentation step, sequence indentation, flow or block or missing annotations and env,
/// comments at the ends of collections, line endings and the final newline.
@Suite struct GeneratedManifestTests {
    /// One combination of styles.
    struct Style: CustomTestStringConvertible, Sendable {
        enum Collection: CaseIterable, Sendable { case missing, emptyFlow, flow, block, null }
        let step: Int
        let indentedSequences: Bool
        let annotations: Collection
        let env: Collection
        let comments: Bool
        let crlf: Bool
        let finalNewline: Bool

        var testDescription: String {
            "step \(step), \(indentedSequences ? "indented" : "indentless"), annotations \(annotations), env \(env)"
                + "\(comments ? ", comments" : "")\(crlf ? ", CRLF" : "")\(finalNewline ? "" : ", no final newline")"
        }

        /// The manifest in this style.
        var text: String {
            func pad(_ level: Int) -> String { String(repeating: " ", count: level * step) }
            let seq = indentedSequences ? step : 0
            var lines = ["apiVersion: apps/v1", "kind: Deployment", "metadata:", pad(1) + "name: gen"]
            switch annotations {
            case .missing: break
            case .emptyFlow: lines.append(pad(1) + "annotations: {}")
            case .flow: lines.append(pad(1) + "annotations: {team: a, \"note\": 'x'}")
            case .block: lines += [pad(1) + "annotations:", pad(2) + "team: a" + (comments ? "  # owner" : "")]
            case .null: lines.append(pad(1) + "annotations:" + (comments ? "  # none yet" : ""))
            }
            if comments { lines.append(pad(1) + "# end of metadata") }
            lines += ["spec:", pad(1) + "template:", pad(2) + "spec:", pad(3) + "containers:"]
            let dash = String(repeating: " ", count: 3 * step + seq)
            let item = dash + "  "
            lines += [dash + "- name: app", item + "image: app:1", item + "ports:",
                      item + String(repeating: " ", count: seq) + "- containerPort: 8080"]
            switch env {
            case .missing: break
            case .emptyFlow: lines.append(item + "env: []")
            case .flow: lines.append(item + "env: [{name: A, value: b}]")
            case .block:
                let envDash = item + String(repeating: " ", count: seq)
                lines += [item + "env:", envDash + "- name: A", envDash + "  value: b" + (comments ? "  # keep" : "")]
                if comments { lines.append(envDash + "  # end of A") }
            case .null: lines.append(item + "env:")
            }
            if comments { lines.append("# end of document") }
            let newline = crlf ? "\r\n" : "\n"
            return lines.joined(separator: newline) + (finalNewline ? newline : "")
        }
    }

    static let styles: [Style] = {
        var styles: [Style] = []
        for step in [2, 4] {
            for indented in [false, true] {
                for annotations in Style.Collection.allCases {
                    for env in Style.Collection.allCases {
                        for variant in 0..<2 {
                            styles.append(Style(
                                step: step, indentedSequences: indented, annotations: annotations, env: env,
                                comments: variant == 0, crlf: styles.count % 3 == 0,
                                finalNewline: variant == 1))
                        }
                    }
                }
            }
        }
        return styles
    }()

    @Test(arguments: styles)
    func injectAddsOnlyTheProfileAndUninjectRestoresTheBytes(_ style: Style) throws {
        let input = style.text
        let source = YAMLSource(input)
        _ = try YAMLStream(parsing: source)
        let options = InjectOptions()
        let injected = try Injector(options: options).inject([ManifestInput(file: "gen", source: source)])[0]
        #expect(injected.outcomes.map(\.status) == [.injected])
        let output = try YAMLStream(parsing: injected.output)
        let workload = try #require(ManifestStream(output).workloads.first)
        #expect(workload.annotations["sidecar.speedscale.com/proxy-port"] == "8080")
        #expect(workload.containers.first?.env.map(\.name).suffix(3) == ["HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"])
        let problems = TreeAdditions.problems(try YAMLStream(parsing: source).documents[0].root, output.documents[0].root)
        #expect(problems.isEmpty, "\(problems)")
        let text = String(decoding: injected.output, as: UTF8.self)
        #expect(!text.contains("\t"))
        #expect(text.hasSuffix(style.crlf ? "\r\n" : "\n") == style.finalNewline)
        if style.crlf { #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n")) }
        let again = try Injector(options: options).inject([ManifestInput(file: "gen", source: YAMLSource(injected.output))])[0]
        #expect(again.output == injected.output)
        let restored = try Uninjector(options: options).uninject([ManifestInput(file: "gen", source: YAMLSource(injected.output))])[0]
        if style.env == .null {
            // `env:` (null) became a list; uninject drops the emptied key, which means the same.
            #expect(!String(decoding: restored.output, as: UTF8.self).contains("env:"))
        } else if style.annotations == .null && !style.comments {
            #expect(!String(decoding: restored.output, as: UTF8.self).contains("annotations:"))
        } else {
            #expect(restored.output == Array(input.utf8), "uninject did not restore the input")
        }
    }
}
