import Foundation
import Testing
import TestSupport

/// A stream of more than 8 MiB is read a window at a time; the built tool writes the same
/// bytes, and lint reports the same findings, as for the same stream held whole (which a
/// VirtualService in the run forces), and uninject gives the stream back.
@Suite struct LargeStreamTests {
    /// 150 Deployments that declare no port, about 9 MiB of ConfigMaps with a few Namespaces
    /// among them, then the Services that tell the Deployments' port: far from the
    /// Deployments, in other windows.
    static func stream() -> String {
        var text = ""
        for index in 0..<150 {
            text += """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app-\(index) # number \(index)
                spec:
                  template:
                    metadata:
                      labels: {app: app-\(index)}
                    spec:
                      containers:
                      - name: app
                        image: "example/app:\(index)"

                """
        }
        let filler = String(repeating: "x", count: 900)
        for index in 0..<10_000 {
            text += "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-\(index)\ndata:\n  text: '\(filler)'\n"
            if index % 2_000 == 1_000 {
                // Something for lint to find (both injection labels), which inject leaves alone.
                text += "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-\(index)\n  labels:\n    istio-injection: enabled\n    istio.io/rev: canary\n"
            }
        }
        for index in 0..<150 {
            text += "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: app-\(index)\nspec:\n  selector:\n    app: app-\(index)\n  ports:\n  - port: 80\n    targetPort: 9090\n"
        }
        return text
    }

    @Test func aStreamReadInWindowsIsWrittenAsWhenHeldWhole() throws {
        try TemporaryDirectory.with { directory in
            let stream = Self.stream()
            #expect(stream.utf8.count > 9 << 20)
            let virtualService = "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: other\n  namespace: default\nspec:\n  hosts: [other.default.svc.cluster.local]\n  http:\n  - route:\n    - destination: {host: other.default.svc.cluster.local}\n"
            let windowed = try directory.write("stream.yaml", stream).path
            let whole = try directory.write("whole.yaml", stream + virtualService).path

            let injected = try ToolRunner.run(["inject", "-f", windowed])
            #expect(injected.status == 0, "\(injected.stderr)")
            #expect(injected.stderr.contains("150 injected"), "\(injected.stderr)")
            let heldWhole = try ToolRunner.run(["inject", "-f", whole])
            #expect(heldWhole.status == 0, "\(heldWhole.stderr)")
            #expect(heldWhole.stdout == injected.stdout + Array(virtualService.utf8))
            // The port came from the Services at the end of the stream.
            #expect(injected.output.components(separatedBy: "\"9090\"").count > 150)

            let output = try directory.write("injected.yaml", injected.stdout).path
            let back = try ToolRunner.run(["uninject", "-f", output])
            #expect(back.status == 0, "\(back.stderr)")
            #expect(back.stdout == Array(stream.utf8))

            // Lint reads the injected stream in windows too, and reports what it reports whole.
            let outputWhole = try directory.write("injected-whole.yaml", injected.stdout + Array(virtualService.utf8)).path
            let lint = try ToolRunner.run(["lint", "--fail-on", "none", "-f", output])
            let lintWhole = try ToolRunner.run(["lint", "--fail-on", "none", "-f", outputWhole])
            #expect(lint.status == 0, "\(lint.stderr)")
            #expect(lint.output.components(separatedBy: "[IST008]").count == 6, "\(lint.output)")
            #expect(lint.output.replacingOccurrences(of: "injected.yaml", with: "injected-whole.yaml") == lintWhole.output)
        }
    }
}
