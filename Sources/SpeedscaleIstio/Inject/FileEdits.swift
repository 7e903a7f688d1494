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
        let output = try output(workers: workers)
        return InjectionResult(file: file, original: source.bytes, output: output, outcomes: Self.inSourceOrder(outcomes), notes: notes)
    }

    /// The source's bytes in `window` (all of them by default) with the edits, which all
    /// fall inside it, applied; checked to still parse (on `workers` threads).
    /// - Throws: ``InjectError/internalError(file:message:location:)`` when the edits
    ///   conflict or their result does not parse, located at the edit in the input.
    func output(within window: Range<Int>? = nil, workers: Workers = .one) throws(InjectError) -> [UInt8] {
        let output: [UInt8]
        do {
            output = try source.applying(edits, within: window)
        } catch {
            throw .internalError(file: file, message: error.description, location: nil)
        }
        if !edits.isEmpty {
            let edited = YAMLSource(output)
            do {
                try YAMLStream.check(edited, workers: workers)
            } catch {
                // Point at the edit in the input, where the user can look, not into the edited
                // text (which starts where the window does).
                let offset = (window?.lowerBound ?? 0) + edited.byteOffset(of: error.location)
                let input = EditMap(edits).inputOffset(ofOutputOffset: offset)
                throw .internalError(
                    file: file, message: "an edit near here would break the document (\(error.problem)); nothing was written",
                    location: source.location(ofByte: input))
            }
        }
        return output
    }

    /// `outcomes` by the line they report, those on one line in the order given.
    static func inSourceOrder(_ outcomes: [WorkloadOutcome]) -> [WorkloadOutcome] {
        outcomes.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
}
