import SpliceYAML

/// What a plan comes to once planning is over: one input's edits, outcomes and notes, with
/// its bytes but not its parsed nodes (freed before the output is made and checked).
struct FileEdits: Sendable {
    let file: String
    let source: YAMLSource
    let edits: [Edit]
    let outcomes: [WorkloadOutcome]
    let notes: [String]

    /// Applies the edits and checks that the result still parses (on `workers` threads).
    func result(workers: Workers = .one) throws(InjectError) -> InjectionResult {
        let output: [UInt8]
        do {
            output = try source.applying(edits)
        } catch {
            throw .internalError(file: file, message: error.description, location: nil)
        }
        if !edits.isEmpty {
            let edited = YAMLSource(output)
            do {
                try YAMLStream.check(edited, workers: workers)
            } catch {
                // Point at the edit in the input, where the user can look, not into the edited text.
                let input = EditMap(edits).inputOffset(ofOutputOffset: edited.byteOffset(of: error.location))
                throw .internalError(
                    file: file, message: "an edit near here would break the document (\(error.problem)); nothing was written",
                    location: source.location(ofByte: input))
            }
        }
        let sorted = outcomes.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return InjectionResult(file: file, original: source.bytes, output: output, outcomes: sorted, notes: notes)
    }
}
