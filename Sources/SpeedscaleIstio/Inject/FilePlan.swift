import KubeManifests
import SpliceYAML

/// One input to transform: its name (`-` for standard input) and its bytes.
public struct ManifestInput: Sendable {
    /// The path as the user gave it, or `-`.
    public let file: String
    /// The bytes.
    public let source: YAMLSource

    /// Makes an input.
    public init(file: String, source: YAMLSource) {
        self.file = file
        self.source = source
    }
}

/// An input parsed into manifests.
struct ParsedInput: Sendable {
    let file: String
    let source: YAMLSource
    let stream: YAMLStream
    let manifests: ManifestStream

    init(_ input: ManifestInput, workers: Workers = .one) throws(YAMLParseError) {
        self.init(input, stream: try YAMLStream(parsing: input.source, workers: workers), workers: workers)
    }

    /// `input` as parsed into `stream` (all of it, or one window of it), its objects found on
    /// up to `workers` threads.
    init(_ input: ManifestInput, stream: YAMLStream, workers: Workers = .one) {
        file = input.file
        source = input.source
        self.stream = stream
        manifests = ManifestStream(stream, workers: workers)
    }
}

/// The inputs of a run, parsed: those that are YAML, and where each input's result comes from.
struct RunInputs {
    /// The inputs that parse, in order.
    let parsed: [ParsedInput]
    /// For each input, the index of its parsed form, or why it does not parse.
    private let slots: [(input: ManifestInput, slot: Result<Int, YAMLParseError>)]

    /// Parses `inputs` on `workers`: several inputs side by side, or the pieces of a long
    /// stream when there are fewer inputs than threads.
    init(_ inputs: [ManifestInput], workers: Workers = .one) {
        let inner = inputs.count >= workers.count ? Workers.one : workers
        let outcomes = workers.map(inputs) { input -> Result<ParsedInput, YAMLParseError> in
            do throws(YAMLParseError) {
                return .success(try ParsedInput(input, workers: inner))
            } catch {
                return .failure(error)
            }
        }
        var parsed: [ParsedInput] = []
        var slots: [(ManifestInput, Result<Int, YAMLParseError>)] = []
        for (input, outcome) in zip(inputs, outcomes) {
            switch outcome {
            case .success(let parsedInput):
                parsed.append(parsedInput)
                slots.append((input, .success(parsed.count - 1)))
            case .failure(let error):
                slots.append((input, .failure(error)))
            }
        }
        self.parsed = parsed
        self.slots = slots
    }

    /// The workloads of the parsed inputs in runs that can be planned apart and side by side:
    /// one per input, or, for an input with many workloads, runs of whole documents.
    func workloadRuns(workers: Workers) -> [WorkloadRun] {
        parsed.indices.flatMap { file -> [WorkloadRun] in
            let workloads = parsed[file].manifests.workloads
            let wanted = workers.count > 1 ? min(workers.count * WorkloadRun.runsPerThread, workloads.count / WorkloadRun.minimumSize) : 1
            guard wanted > 1 else { return [WorkloadRun(file: file, workloads: workloads)] }
            var runs: [WorkloadRun] = []
            var current: [Workload] = []
            let size = (workloads.count + wanted - 1) / wanted
            for workload in workloads {
                // Cut only between documents, so that a document's workloads share one editor.
                if current.count >= size, let last = current.last, last.object.documentIndex != workload.object.documentIndex {
                    runs.append(WorkloadRun(file: file, workloads: current))
                    current = []
                }
                current.append(workload)
            }
            runs.append(WorkloadRun(file: file, workloads: current))
            return runs
        }
    }

    /// The workloads of the parsed inputs planned on `workers`, a run of them at a time (see
    /// ``workloadRuns(workers:)``): `plan` gets a run's input, its workloads and the memo of
    /// the thread that plans it, and the plans come back in run order, with their runs.
    func planWorkloads<Plan: Sendable>(
        workers: Workers, _ plan: @Sendable (ParsedInput, [Workload], ResolutionMemo) -> Plan
    ) -> (runs: [WorkloadRun], plans: [Plan]) {
        let runs = workloadRuns(workers: workers)
        let parsed = parsed
        // One memo per thread, kept across the runs it takes: workloads far apart in a long
        // stream mostly share their settings too.
        let memos = (0..<workers.count).map { _ in ResolutionMemo() }
        return (runs, workers.map(runs) { run, lane in plan(parsed[run.file], run.workloads, memos[lane]) })
    }

    /// One plan per parsed input, from the plans of its workload runs (in order): an input's
    /// first run's plan, with those of its other runs appended (every input has a run, and
    /// the runs come in input order, so an input of one run keeps its plan as it is).
    func plans(joining runs: [WorkloadRun], _ planned: [FilePlan]) -> [FilePlan] {
        var plans: [FilePlan] = []
        plans.reserveCapacity(parsed.count)
        for (run, plan) in zip(runs, planned) {
            guard run.file < plans.count else {
                plans.append(plan)
                continue
            }
            plans[run.file].edits += plan.edits
            plans[run.file].outcomes += plan.outcomes
            plans[run.file].notes += plan.notes
            plans[run.file].sidecarWorkloads += plan.sidecarWorkloads
        }
        return plans
    }

    /// Where each input's result comes from, without the parsed inputs: what is left to
    /// join the results once planning is over.
    var resultSlots: RunSlots { RunSlots(slots) }
}

/// Some of the workloads of one parsed input, planned together.
struct WorkloadRun: Sendable {
    /// The fewest workloads worth planning apart.
    static let minimumSize = 16
    /// How many runs each thread gets at most: enough that the last run to finish leaves
    /// the other threads little idle time.
    static let runsPerThread = 16
    /// The index of the input among the parsed ones.
    let file: Int
    /// The workloads, in source order.
    let workloads: [Workload]
}

/// The edits and outcomes planned for one input.
struct FilePlan {
    let parsed: ParsedInput
    var edits: [Edit] = []
    var outcomes: [WorkloadOutcome] = []
    var notes: [String] = []
    /// The facts of the workloads that run the Speedscale sidecar after the run.
    var sidecarWorkloads: [WorkloadContext] = []
    /// The editor made last, with its document's index: a document's workloads are planned
    /// one after another, and keeping one editor per document of a long stream would cost
    /// memory for nothing.
    private var lastEditor: (document: Int, editor: YAMLEditor)?
    /// Whether editors read their document's layout when made (false for a plan that mostly
    /// removes: an editor then reads it only if it writes new block lines).
    var infersLayouts = true

    init(parsed: ParsedInput) {
        self.parsed = parsed
    }

    /// The editor of document `index`, made once for a run of calls on the same document.
    mutating func editor(forDocument index: Int) -> YAMLEditor {
        if let lastEditor, lastEditor.document == index { return lastEditor.editor }
        let editor = YAMLEditor(source: parsed.source, document: parsed.stream.documents[index], inferringLayout: infersLayouts)
        lastEditor = (index, editor)
        return editor
    }

    /// An outcome line for `object`.
    func outcome(for object: KubeObject, status: WorkloadOutcome.Status, decision: InjectDecision? = nil, notes: [String] = []) -> WorkloadOutcome {
        WorkloadOutcome(
            name: object.displayName, namespace: object.namespace, file: parsed.file,
            line: parsed.source.location(ofByte: object.node.start).line, status: status, decision: decision, notes: notes)
    }

    /// The plan's edits, outcomes and notes, without its parsed nodes.
    var finished: FileEdits {
        FileEdits(file: parsed.file, source: parsed.source, edits: edits, outcomes: outcomes, notes: notes)
    }
}
