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
struct ParsedInput {
    let file: String
    let source: YAMLSource
    let stream: YAMLStream
    let manifests: ManifestStream

    init(_ input: ManifestInput) throws(InjectError) {
        file = input.file
        source = input.source
        do {
            stream = try YAMLStream(parsing: input.source)
        } catch {
            throw .unparsable(file: input.file, error: error)
        }
        manifests = ManifestStream(stream)
    }
}

/// The inputs of a run, parsed: those that are YAML, and where each input's result comes from.
struct RunInputs {
    /// The inputs that parse, in order.
    let parsed: [ParsedInput]
    /// For each input, the index of its parsed form, or why it does not parse.
    private let slots: [(input: ManifestInput, slot: Result<Int, YAMLParseError>)]

    init(_ inputs: [ManifestInput]) {
        var parsed: [ParsedInput] = []
        var slots: [(ManifestInput, Result<Int, YAMLParseError>)] = []
        for input in inputs {
            do {
                parsed.append(try ParsedInput(input))
                slots.append((input, .success(parsed.count - 1)))
            } catch {
                if case .unparsable(_, let parseError) = error { slots.append((input, .failure(parseError))) }
            }
        }
        self.parsed = parsed
        self.slots = slots
    }

    /// One result per input, in input order, from the results of the parsed ones.
    func results(_ planned: [InjectionResult]) -> [InjectionResult] {
        slots.map { input, slot in
            switch slot {
            case .success(let index): return planned[index]
            case .failure(let error):
                return InjectionResult(file: input.file, original: input.source.bytes, output: input.source.bytes, outcomes: [], parseError: error)
            }
        }
    }
}

/// The edits and outcomes planned for one input.
struct FilePlan {
    let parsed: ParsedInput
    var edits: [Edit] = []
    var outcomes: [WorkloadOutcome] = []
    var notes: [String] = []
    /// The facts of the workloads that run the Speedscale sidecar after the run.
    var sidecarWorkloads: [WorkloadContext] = []
    private var editors: [Int: YAMLEditor] = [:]

    init(parsed: ParsedInput) {
        self.parsed = parsed
    }

    /// The editor of document `index`, made once.
    mutating func editor(forDocument index: Int) -> YAMLEditor {
        if let editor = editors[index] { return editor }
        let editor = YAMLEditor(source: parsed.source, document: parsed.stream.documents[index])
        editors[index] = editor
        return editor
    }

    /// An outcome line for `object`.
    func outcome(for object: KubeObject, status: WorkloadOutcome.Status, decision: InjectDecision? = nil, notes: [String] = []) -> WorkloadOutcome {
        WorkloadOutcome(
            name: object.displayName, namespace: object.namespace, file: parsed.file,
            line: parsed.source.location(ofByte: object.node.start).line, status: status, decision: decision, notes: notes)
    }

    /// Applies the edits and checks that the result still parses.
    func result() throws(InjectError) -> InjectionResult {
        let output: [UInt8]
        do {
            output = try parsed.source.applying(edits)
        } catch {
            throw .internalError(file: parsed.file, message: error.description, location: nil)
        }
        if !edits.isEmpty {
            do {
                _ = try YAMLStream(parsing: output)
            } catch {
                // Point at the edit in the input, where the user can look, not into the edited text.
                let edited = YAMLSource(output)
                let input = EditMap(edits).inputOffset(ofOutputOffset: edited.byteOffset(of: error.location))
                throw .internalError(
                    file: parsed.file, message: "an edit near here would break the document (\(error.problem)); nothing was written",
                    location: parsed.source.location(ofByte: input))
            }
        }
        let sorted = outcomes.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return InjectionResult(file: parsed.file, original: parsed.source.bytes, output: output, outcomes: sorted, notes: notes)
    }
}
