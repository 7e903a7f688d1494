import KubeManifests
import SpliceYAML

/// Applies the rule set's fixes to every workload of a YAML stream, as splice edits.
public struct Injector: Sendable {
    /// The rules whose fixes inject applies, in the order they run.
    public static let rules: [any WorkloadRule.Type] = [
        AppContainerRule.self, AppPortRule.self, ProfileAnnotationsRule.self, ProxyEnvironmentRule.self,
    ]

    /// The options in force.
    public let options: InjectOptions

    /// Makes an injector.
    public init(options: InjectOptions) {
        self.options = options
    }

    /// Injects every workload of `source`. Failed workloads are left unchanged (and
    /// reported); the caller decides whether to write the rest.
    /// - Throws: ``InjectError`` when the input does not parse, or an edit would break it.
    public func inject(_ source: YAMLSource, file: String) throws(InjectError) -> InjectionResult {
        try inject([ManifestInput(file: file, source: source)])[0]
    }

    /// Injects every workload of `inputs`, and adds the Speedscale egress host to the Istio
    /// `Sidecar`s of their namespaces (D7), across all inputs.
    /// - Throws: ``InjectError`` when an input does not parse, or an edit would break it.
    public func inject(_ inputs: [ManifestInput]) throws(InjectError) -> [InjectionResult] {
        let parsed = try inputs.map { input throws(InjectError) in try ParsedInput(input) }
        var plans = parsed.map { FilePlan(parsed: $0) }
        for index in plans.indices {
            plans[index].planWorkloads(with: self)
        }
        if options.sidecarEgress {
            SidecarEgressPlanner(options: options).plan(&plans)
        }
        VirtualServiceNotes.add(to: &plans)
        return try plans.map { plan throws(InjectError) in try plan.result() }
    }

    /// The status and edits of one workload.
    func plan(_ workload: Workload, source: YAMLSource, editor: YAMLEditor) -> (WorkloadOutcome.Status, [Edit]) {
        if let selector = options.selector, !selector.matches(workload.object.labels) {
            return (.skipped("not selected by -l \(selector)"), [])
        }
        if workload.annotations[SpeedscaleAnnotation.inject] == "false" {
            return (.skipped("opted out with \(SpeedscaleAnnotation.inject): \"false\""), [])
        }
        if workload.hasWorkloadRef {
            return (.skipped("spec.workloadRef points at another workload's template; inject that workload"), [])
        }
        guard workload.podSpec != nil else {
            return (.skipped("no pod template"), [])
        }
        let context = WorkloadContext(workload: workload, source: source, options: options)
        let findings = Self.rules.flatMap { $0.init().check(context) }
        var reasons: [String] = []
        var annotationValues: [(key: String, value: String)] = []
        var environment: [Int: [(name: String, value: String)]] = [:]
        for finding in findings {
            if finding.fixes.isEmpty {
                if finding.severity == .error { reasons.append(finding.message) }
                continue
            }
            if finding.isConflict && !options.overwrite {
                reasons.append(finding.message + " (use --overwrite to replace it)")
                continue
            }
            for fix in finding.fixes {
                switch fix {
                case .setAnnotation(let key, let value): annotationValues.append((key, value))
                case .setEnv(let container, let name, let value): environment[container, default: []].append((name, value))
                case .addEgressHost: break
                }
            }
        }
        if !reasons.isEmpty { return (.failed(reasons), []) }
        if annotationValues.isEmpty && environment.isEmpty { return (.unchanged, []) }
        let planner = EditPlanner(editor: editor)
        do throws(EditPlanner.Blocked) {
            var edits = try planner.annotationEdits(annotationValues, for: workload)
            let containers = workload.containers
            for (index, values) in environment.sorted(by: { $0.key < $1.key }) {
                guard let container = containers.first(where: { $0.index == index }) else { continue }
                edits += try planner.environmentEdits(values, for: container, in: workload)
            }
            return (.injected, edits)
        } catch {
            return (.failed([error.reason]), [])
        }
    }
}

/// What inject produced for one input.
public struct InjectionResult: Sendable {
    /// The input's name.
    public let file: String
    /// The input bytes.
    public let original: [UInt8]
    /// Remarks about the input as a whole (for example a VirtualService to check by hand).
    public var notes: [String] = []
    /// The output bytes (failed workloads left as they were).
    public let output: [UInt8]
    /// One outcome per workload (and per Istio object changed), in source order.
    public let outcomes: [WorkloadOutcome]

    /// Makes a result.
    public init(file: String, original: [UInt8], output: [UInt8], outcomes: [WorkloadOutcome], notes: [String] = []) {
        self.file = file
        self.original = original
        self.output = output
        self.outcomes = outcomes
        self.notes = notes
    }

    /// Whether the output differs from the input.
    public var changed: Bool { output != original }
    /// Whether some workload failed.
    public var hasFailures: Bool { outcomes.contains { $0.isFailure } }
}

/// Why inject could not process an input at all.
public enum InjectError: Error, Sendable, CustomStringConvertible {
    /// The input is not YAML.
    case unparsable(file: String, error: YAMLParseError)
    /// An edit would have broken the document (a bug in the tool).
    case internalError(file: String, message: String)

    public var description: String {
        switch self {
        case .unparsable(let file, let error): return "\(file):\(error.location): \(error.problem)"
        case .internalError(let file, let message): return "\(file): internal error: \(message)"
        }
    }
}
