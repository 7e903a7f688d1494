import KubeManifests
import SpeedscaleIstio
import SpliceYAML

/// The workloads of a lint run that `-l` does not pick, so that their findings can be left out.
struct UnselectedWorkloads {
    /// One workload left out: its input, the object, and the lines it spans.
    private struct Entry {
        let file: String
        let resource: ResourceReference
        let lines: ClosedRange<Int>
    }

    private let entries: [Entry]

    /// The workloads of `inputs` whose `metadata.labels` `selector` does not match (inputs that
    /// do not parse have none; lint reports them on its own).
    init(_ inputs: [ManifestInput], selector: LabelSelector) {
        var entries: [Entry] = []
        for input in inputs {
            guard let stream = try? YAMLStream(parsing: input.source) else { continue }
            for workload in ManifestStream(stream).workloads where !selector.matches(workload.object.labels) {
                let node = workload.object.node
                let lines = input.source.location(ofByte: node.start).line...input.source.location(ofByte: max(node.start, node.end - 1)).line
                entries.append(Entry(file: input.file, resource: ResourceReference(workload.object), lines: lines))
            }
        }
        self.entries = entries
    }

    /// `report` without the findings about these workloads.
    func removing(from report: LintReport) -> LintReport {
        let kept = report.findings.filter { finding in
            !entries.contains { $0.file == finding.file && $0.resource == finding.resource && $0.lines.contains(finding.start.line) }
        }
        return LintReport(
            rules: report.rules, findings: kept, failures: report.failures, ignoredFiles: report.ignoredFiles,
            suppressedCount: report.suppressedCount)
    }
}
