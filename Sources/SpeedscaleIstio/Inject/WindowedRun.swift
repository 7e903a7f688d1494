import KubeManifests
import SpliceYAML

/// A run read a window at a time (see ``Windowing``): every input cut into windows of whole
/// documents. A first pass reads the Namespaces and Services of each window that may hold
/// any (see ``KindMention``) into the run's ``MeshIndex`` and frees its nodes;
/// ``results(workers:plan:)`` then parses each window again, plans its workloads, applies and
/// checks its edits, and frees its nodes, so that no more than a few windows per thread are
/// held at a time.
///
/// What needs every workload's facts at once (opening or closing Istio Sidecars, noting
/// VirtualServices) cannot be done a window at a time: a run whose windows hold such objects
/// is not made into one, nor is a run with a window that does not parse on its own (parsed
/// whole, its error is told as usual).
struct WindowedRun {
    /// One window: a range of whole documents of one input.
    private struct Window: Sendable {
        let input: Int
        let range: Range<Int>
    }

    private let inputs: [ManifestInput]
    private let windows: [Window]
    /// The Namespaces and Services of the whole run.
    let index: MeshIndex

    /// The run of `inputs` in windows, or nil when it is to be held whole: when its inputs
    /// are no larger than `windowing`'s threshold, when a window does not parse on its own,
    /// or when `needsWholeRun` holds for the objects of a window. Only the windows that may
    /// hold an object of `kinds` are read in the first pass: `kinds` names every kind that
    /// `needsWholeRun` and the index look at.
    init?(
        _ inputs: [ManifestInput], windowing: Windowing, workers: Workers, reading kinds: KindMention,
        needsWholeRun: @Sendable (ManifestStream) -> Bool
    ) {
        let total = inputs.reduce(0) { $0 + $1.source.bytes.count }
        guard total > windowing.threshold else { return nil }
        let windows = inputs.enumerated().flatMap { index, input -> [Window] in
            let count = input.source.bytes.count
            let pieces = YAMLStream.pieces(of: input.source, count: count / windowing.windowSize, minimumSize: windowing.windowSize)
            return (pieces.isEmpty ? [0..<count] : pieces).map { Window(input: index, range: $0) }
        }
        let facts = workers.map(windows) { window -> [MeshIndex.Fact]? in
            let source = inputs[window.input].source
            guard kinds.mayHold(source.bytes[window.range]) else { return [] }
            guard let stream = YAMLStream(parsing: source, window: window.range) else { return nil }
            let manifests = ManifestStream(stream)
            return needsWholeRun(manifests) ? nil : manifests.objects.compactMap(MeshIndex.fact)
        }
        var all: [MeshIndex.Fact] = []
        for windowFacts in facts {
            guard let windowFacts else { return nil }
            all += windowFacts
        }
        self.inputs = inputs
        self.windows = windows
        index = MeshIndex(facts: all)
    }

    /// Parses each window again and hands it to `body` on one of `workers` threads (with its
    /// byte range and the thread's lane), a few windows per thread at a time; each batch's
    /// values go to `take` in window order, with the window's input, before the next batch is
    /// made, so that a batch is all that is held parsed or made at once. Stops when `take`
    /// returns false.
    /// - Returns: false when a window that the first pass did not read does not parse on its
    ///   own (the run is then to be held whole), or when `take` stopped the walk.
    func walk<Value: Sendable, Failure: Error>(
        workers: Workers, _ body: @Sendable (ParsedInput, _ window: Range<Int>, _ lane: Int) -> Value,
        take: (_ input: Int, _ window: Range<Int>, Value) throws(Failure) -> Bool
    ) throws(Failure) -> Bool {
        let inputs = inputs
        let batchSize = workers.count * 4
        for batchStart in stride(from: 0, to: windows.count, by: batchSize) {
            let batch = Array(windows[batchStart..<min(batchStart + batchSize, windows.count)])
            let made = workers.map(batch) { window, lane -> Value? in
                let input = inputs[window.input]
                guard let stream = YAMLStream(parsing: input.source, window: window.range) else { return nil }
                return body(ParsedInput(input, stream: stream), window.range, lane)
            }
            for (window, value) in zip(batch, made) {
                guard let value, try take(window.input, window.range, value) else { return false }
            }
        }
        return true
    }

    /// The kinds of the objects that bear on workloads elsewhere in a run: the Namespaces and
    /// Services workloads are matched against, and the Sidecars and VirtualServices that inject
    /// and lint relate to every workload at once.
    static let runWideKinds = KindMention(["Namespace", "Service", "Sidecar", "VirtualService"])

    /// Whether `manifests` hold Sidecars or VirtualServices, which inject and lint relate to
    /// every workload of the run at once (so that a run holding them is held whole).
    @Sendable static func holdsSidecarsOrVirtualServices(_ manifests: ManifestStream) -> Bool {
        !manifests.sidecars.isEmpty || !manifests.virtualServices.isEmpty
    }

    /// The results of `inputs` read in windows (see ``init(_:windowing:workers:reading:needsWholeRun:)``
    /// and ``results(workers:plan:)``), `plan` also given the run's index; nil when the run is
    /// to be held whole.
    static func results(
        of inputs: [ManifestInput], windowing: Windowing, workers: Workers, reading kinds: KindMention,
        needsWholeRun: @Sendable (ManifestStream) -> Bool,
        plan: @Sendable (ParsedInput, [Workload], MeshIndex, ResolutionMemo) -> FilePlan
    ) throws(InjectError) -> [InjectionResult]? {
        guard let run = WindowedRun(inputs, windowing: windowing, workers: workers, reading: kinds, needsWholeRun: needsWholeRun) else {
            return nil
        }
        let index = run.index
        return try run.results(workers: workers) { parsed, workloads, memo in plan(parsed, workloads, index, memo) }
    }

    /// The results of the run, in input order: each window's workloads planned by `plan`
    /// (given the window's parsed form, its workloads and the memo of the thread), its edits
    /// applied and checked; the windows of an input joined in order, a batch at a time (see
    /// ``walk(workers:_:take:)``), so that the run holds its output about once. Nil when the
    /// run is to be held whole after all.
    /// - Throws: the first error in input order, when an edit would break a document.
    func results(workers: Workers, plan: @Sendable (ParsedInput, [Workload], ResolutionMemo) -> FilePlan) throws(InjectError) -> [InjectionResult]? {
        let sizes = inputs.map(\.source.bytes.count)
        // One memo per thread, kept across the windows it takes (see RunInputs.planWorkloads).
        let memos = (0..<workers.count).map { _ in ResolutionMemo() }
        var joined = inputs.map { _ in WindowResult() }
        let walked = try walk(workers: workers) { parsed, window, lane -> Result<WindowResult, InjectError> in
            let edits = plan(parsed, parsed.manifests.workloads, memos[lane]).finished
            do throws(InjectError) {
                // Sorted here: the windows are in order, so their outcomes joined are too.
                return .success(WindowResult(
                    output: try edits.output(within: window), outcomes: FileEdits.inSourceOrder(edits.outcomes), notes: edits.notes))
            } catch {
                return .failure(error)
            }
        } take: { input, window, made throws(InjectError) -> Bool in
            joined[input].append(try made.get(), ofWindow: window, in: sizes[input])
            return true
        }
        guard walked else { return nil }
        return zip(inputs, joined).map { input, result in
            InjectionResult(file: input.file, original: input.source.bytes, output: result.output, outcomes: result.outcomes, notes: result.notes)
        }
    }
}

/// One window's output bytes, outcomes and notes, or those of the windows of an input so far.
private struct WindowResult: Sendable {
    var output: [UInt8] = []
    var outcomes: [WorkloadOutcome] = []
    var notes: [String] = []

    /// Appends the result of the next window, `part`, made from the bytes `window` of an input
    /// of `inputSize` bytes. The first window's output reserves room for the whole input's,
    /// guessed from how much that window grew or shrank (with a tenth to spare), so that a
    /// long output is seldom copied to grow.
    mutating func append(_ part: WindowResult, ofWindow window: Range<Int>, in inputSize: Int) {
        if output.isEmpty && window.lowerBound == 0 && !window.isEmpty && window.count < inputSize {
            output.reserveCapacity(part.output.count * inputSize / window.count * 11 / 10)
        }
        output += part.output
        outcomes += part.outcomes
        notes += part.notes
    }
}
