import Foundation
import Testing
import TestSupport

/// `--check`, the report on standard error (`-q`, `--report json`) and its summary of objects.
@Suite struct CheckAndReportTests {
    @Test func checkExitsOneAndListsWhatWouldChange() throws {
        try TemporaryDirectory.with { directory in
            try directory.write("todo.yaml", ProjectPaths.injectFixture("no-annotations-no-env"))
            try directory.write("done.yaml", ProjectPaths.injectFixture("already-injected"))
            let run = try ToolRunner.run(["inject", "--check", "-f", "todo.yaml", "-f", "done.yaml"], directory: directory.url)
            #expect(run.status == 1)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasSuffix("would change: todo.yaml (deployment/plain)\n"), "\(run.stderr)")
            #expect(!run.stderr.contains("would change: done.yaml"))
            #expect(try directory.bytes("todo.yaml") == ProjectPaths.injectFixture("no-annotations-no-env"), "--check changes nothing")
            let clean = try ToolRunner.run(["inject", "--check", "-f", "done.yaml"], directory: directory.url)
            #expect(clean.status == 0)
            #expect(!clean.stderr.contains("would change"))
            let quiet = try ToolRunner.run(["inject", "--check", "-q", "-f", "todo.yaml"], directory: directory.url)
            #expect(quiet.status == 1)
            #expect(quiet.stderr == "would change: todo.yaml (deployment/plain)\n")
        }
    }

    @Test func checkWithDiffShowsTheChange() throws {
        let run = try ToolRunner.run(["inject", "--check", "--diff"], stdin: try ProjectPaths.injectFixture("no-annotations-no-env"))
        #expect(run.status == 1)
        #expect(run.output.hasPrefix("--- a/<stdin>\n+++ b/<stdin>\n"))
    }

    @Test func checkFailsOnAWorkloadThatCannotBeInjected() throws {
        let run = try ToolRunner.run(["inject", "--check"], stdin: try ProjectPaths.injectFixture("socks5-tls-options"))
        #expect(run.status == 1)
        #expect(run.stderr.contains("deployment/options (-:1) failed: "))
    }

    /// A stream with every kind of outcome: injected, unchanged, skipped, failed, an Istio
    /// Sidecar changed, and an unusual apiVersion.
    private func mixedStream() throws -> [UInt8] {
        let sidecar = "apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata:\n  name: default\nspec:\n  egress:\n  - hosts:\n    - \"./*\"\n"
        let old = String(decoding: try ProjectPaths.injectFixture("no-annotations-no-env"), as: UTF8.self)
            .replacingOccurrences(of: "apps/v1", with: "extensions/v1beta1").replacingOccurrences(of: "plain", with: "old")
        let optedOut = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: out\n  annotations:\n    sidecar.speedscale.com/inject: \"false\"\nspec:\n  template:\n    spec:\n      containers: []\n"
        let parts = [try ProjectPaths.injectFixture("no-annotations-no-env"), try ProjectPaths.injectFixture("already-injected"), Array(optedOut.utf8),
                     try ProjectPaths.injectFixture("socks5-tls-options"), Array(sidecar.utf8), Array(old.utf8)]
        return Array(parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "---\n").utf8)
    }

    @Test func theTextReportHasALinePerObjectAndASummary() throws {
        let run = try ToolRunner.run(["inject", "--skip-failed"], stdin: try mixedStream())
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("deployment/plain (-) injected"))
        #expect(lines.contains { $0.hasSuffix(" (-) unchanged") })
        #expect(lines.contains("deployment/out (-) skipped: opted out with sidecar.speedscale.com/inject: \"false\""))
        #expect(lines.contains { $0.hasPrefix("deployment/options (-:") && $0.contains(") failed: ") }, "a failure names FILE:LINE")
        #expect(lines.contains("sidecar/default (-) injected"))
        #expect(lines.contains("  note: egress: added \"speedscale/*\" to the catch-all egress listener (for deployment/plain and 2 other workloads)"))
        #expect(lines.contains { $0.hasPrefix("  note: apiVersion extensions/v1beta1 is unusual") })
        #expect(lines.last == "6 objects: 3 injected, 1 unchanged, 1 skipped, 1 failed")
    }

    @Test func quietKeepsOnlyFailures() throws {
        let run = try ToolRunner.run(["inject", "-q"], stdin: try mixedStream())
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(run.stderr)")
        #expect(lines.first?.hasPrefix("deployment/options (-:") == true)
        #expect(lines.last == "error: 1 object could not be injected; nothing was written (use --skip-failed to write the rest)")
        let fine = try ToolRunner.run(["inject", "-q"], stdin: try ProjectPaths.injectFixture("no-annotations-no-env"))
        #expect(fine.status == 0)
        #expect(fine.stderr.isEmpty)
        #expect(fine.stdout == (try ProjectPaths.injectFixture("no-annotations-no-env", "expected.yaml")))
    }

    private func jsonReport(_ run: ToolRun) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(run.stderr.utf8))
        return try #require(object as? [String: Any], "stderr is one JSON object: \(run.stderr)")
    }

    @Test func theJSONReportCarriesTheSameFacts() throws {
        let run = try ToolRunner.run(["inject", "--report", "json", "--skip-failed"], stdin: try mixedStream())
        #expect(run.status == 0)
        let report = try jsonReport(run)
        #expect(report["status"] as? String == "ok")
        #expect(report["message"] is NSNull, "null, as every key that does not apply")
        let objects = try #require(report["objects"] as? [[String: Any]])
        #expect(objects.count == 6)
        let first = try #require(objects.first)
        #expect(first["object"] as? String == "deployment/plain")
        #expect(first["file"] as? String == "-")
        #expect(first["line"] as? Int == 1)
        #expect(first["status"] as? String == "injected")
        let skipped = try #require(objects.first { $0["status"] as? String == "skipped" })
        #expect((skipped["reason"] as? String)?.hasPrefix("opted out") == true)
        let failed = try #require(objects.first { $0["status"] as? String == "failed" })
        #expect((failed["reasons"] as? [String])?.first?.contains("several ports") == true)
        #expect((failed["line"] as? Int ?? 0) > 1)
        let sidecar = try #require(objects.first { $0["object"] as? String == "sidecar/default" })
        #expect(sidecar["notes"] as? [String] == ["egress: added \"speedscale/*\" to the catch-all egress listener (for deployment/plain and 2 other workloads)"])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary.compactMapValues { $0 as? Int } == ["objects": 6, "injected": 3, "converted": 0, "unchanged": 1, "kept": 0, "skipped": 1, "failed": 1, "filesChanged": 1])
        #expect(summary["filesRewritten"] is NSNull)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.count == 1)
        #expect(files.first?["changed"] as? Bool == true)
    }

    @Test func theJSONReportOfAFailedRunSaysWhy() throws {
        let run = try ToolRunner.run(["inject", "--report", "json", "-q"], stdin: try mixedStream())
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let report = try jsonReport(run)
        #expect(report["status"] as? String == "failed")
        #expect((report["message"] as? String)?.hasPrefix("1 object could not be injected") == true)
        #expect((report["objects"] as? [Any])?.count == 1, "-q keeps only the failure")
        #expect((report["summary"] as? [String: Any])?["objects"] as? Int == 6)
    }

    @Test func theJSONReportIncludesFileNotes() throws {
        // A gateway-bound VirtualService routing to the injected workload's Service (D8).
        let stream = String(decoding: try ProjectPaths.injectFixture("no-annotations-no-env"), as: UTF8.self) + """
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: plain
            spec:
              selector:
                app: plain
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: plain
            spec:
              hosts: [shop.example.com]
              gateways: [public]
              http:
              - route:
                - destination:
                    host: plain

            """
        let text = try ToolRunner.run(["inject"], stdin: Array(stream.utf8))
        let notes = text.stderr.split(separator: "\n").filter { $0.hasPrefix("note: -:") }.map { String($0.dropFirst("note: ".count)) }
        #expect(notes.count == 1, "one note per VirtualService and Service: \(text.stderr)")
        #expect(notes.first?.contains("virtualservice/plain routes gateway traffic to service plain of deployment/plain, but its gateways lack \"mesh\" and its hosts lack plain") == true, "\(notes)")
        let json = try jsonReport(try ToolRunner.run(["inject", "--report", "json"], stdin: Array(stream.utf8)))
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.first?["notes"] as? [String] == notes)
    }

    @Test func injectAndLintJSONWriteNullForWhatDoesNotApplyAndNeverLeaveAKeyOut() throws {
        let inject = try jsonReport(try ToolRunner.run(["inject", "--report", "json", "--skip-failed"], stdin: try mixedStream()))
        let objects = try #require(inject["objects"] as? [[String: Any]])
        let keys = Set(objects.first?.keys.map { $0 } ?? [])
        #expect(keys == ["object", "namespace", "file", "line", "template", "status", "reason", "reasons", "notes", "decision"])
        #expect(objects.allSatisfy { Set($0.keys) == keys }, "every object has every key")
        #expect(objects.contains { $0["namespace"] is NSNull } && objects.contains { $0["reason"] is NSNull })
        let lint = try ToolRunner.run(["lint", "--format", "json", "-f", "-", "--fail-on", "none"], stdin: try mixedStream())
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(lint.stdout)) as? [[String: Any]])
        #expect(!findings.isEmpty)
        let findingKeys = Set(findings.first?.keys.map { $0 } ?? [])
        #expect(findings.allSatisfy { Set($0.keys) == findingKeys })
        let resources = findings.compactMap { $0["resource"] as? [String: Any] }
        #expect(resources.allSatisfy { $0.keys.contains("namespace") })
        #expect(resources.contains { $0["namespace"] is NSNull }, "a resource without a namespace says null in lint as in inject")
    }
}
