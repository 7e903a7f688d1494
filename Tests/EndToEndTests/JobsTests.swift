import Foundation
import Testing
import TestSupport

/// `--jobs`: the built tool gives the same bytes on standard output and the same report with
/// one thread as with several, over the whole corpus as a tree and as one long stream.
@Suite struct JobsTests {
    @Test(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"),
          arguments: [["inject", "--skip-failed"], ["lint", "--fail-on", "none"]])
    func oneThreadAndSeveralWriteTheSameOverTheCorpus(_ command: [String]) throws {
        let one = try ToolRunner.run(command + ["--jobs", "1", "-R", "-f", "../shared/corpus"])
        let several = try ToolRunner.run(command + ["--jobs", "3", "-R", "-f", "../shared/corpus"])
        #expect(one.status == several.status)
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == several.stdout)
        #expect(one.stderr == several.stderr)
    }

    @Test func aLongStreamIsTheSameOnOneThreadOrSeveral() throws {
        // 5,000 documents, about 900 KiB: long enough to be cut into pieces of 256 KiB or more,
        // with outcomes enough for the report to be written in batches; some name their Helm
        // template, as the report then does.
        var text = ""
        for index in 0..<2_500 {
            text += """
                ---
                \(index % 7 == 0 ? "# Source: shop/templates/app-\(index).yaml" : "# app \(index)")
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app-\(index) # number \(index)
                spec:
                  template:
                    spec:
                      containers:
                      - name: app
                        image: "example/app:\(index)"
                        ports:
                        - containerPort: 8080
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: app-\(index)}
                spec: {selector: {app: app-\(index)}, ports: [{port: 80, targetPort: 8080}]}

                """
        }
        let input = Array(text.utf8)
        #expect(input.count > 2 * (256 << 10))
        for command in [["inject"], ["lint", "--fail-on", "none"]] {
            let one = try ToolRunner.run(command + ["--jobs", "1"], stdin: input)
            let several = try ToolRunner.run(command + ["--jobs", "2"], stdin: input)
            #expect(one.status == 0, "\(one.stderr.prefix(500))")
            #expect(command != ["inject"] || one.stderr.contains("deployment/app-7 (templates/app-7.yaml in chart shop) injected"))
            #expect(one.stdout == several.stdout)
            #expect(one.stderr == several.stderr)
        }
    }

    @Test func jobsMustBeAtLeastOne() throws {
        let run = try ToolRunner.run(["inject", "--jobs", "0", "-f", "Fixtures/quickstart/deployment.yaml"], directory: ProjectPaths.root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--jobs must be at least 1"))
        #expect(run.stdout.isEmpty)
    }
}
