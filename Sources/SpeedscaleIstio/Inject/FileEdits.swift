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
    /// fall inside it, applied; the documents they touch checked to still parse (on
    /// `workers` threads).
    /// - Throws: ``InjectError/internalError(file:message:location:)`` when the edits
    ///   conflict or their result does not parse, located at the edit in the input.
    func output(within window: Range<Int>? = nil, workers: Workers = .one) throws(InjectError) -> [UInt8] {
        if window == nil, let output = piecewiseOutput(workers: workers) { return output }
        let output: [UInt8]
        let spans: [Range<Int>]
        do {
            (output, spans) = try source.splicing(edits, within: window)
        } catch {
            throw .internalError(file: file, message: error.description, location: nil)
        }
        if !edits.isEmpty {
            let edited = YAMLSource(output)
            do {
                try YAMLStream.check(edited, around: spans, workers: workers)
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

    /// The output of a long source made piece by piece on `workers` threads: cut at `---`
    /// lines where the parser would cut it, each piece with the edits that start in it (an
    /// insertion at a cut goes with the piece after it, as it does in the whole source)
    /// applied and checked on its own, and the pieces joined. The bytes are those of the
    /// edits applied to the whole source. Nil when there is one piece, or when an edit
    /// conflicts or a piece does not parse: the whole output then tells where.
    private func piecewiseOutput(workers: Workers) -> [UInt8]? {
        guard workers.count > 1, !edits.isEmpty else { return nil }
        let pieces = YAMLStream.pieces(of: source, count: workers.count * 8, minimumSize: workers.minimumPieceSize)
        guard pieces.count > 1 else { return nil }
        var editsOfPiece = [[Edit]](repeating: [], count: pieces.count)
        for edit in edits {
            // The last piece that starts at or before the edit (the first starts at 0).
            let piece = max(0, pieces.partitioningIndex { $0.lowerBound > edit.range.lowerBound } - 1)
            editsOfPiece[piece].append(edit)
        }
        let outputs = workers.map(Array(zip(pieces, editsOfPiece))) { range, edits -> [UInt8]? in
            try? FileEdits(file: file, source: source, edits: edits, outcomes: [], notes: []).output(within: range)
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(outputs.reduce(0) { $0 + ($1?.count ?? 0) })
        for output in outputs {
            guard let output else { return nil }
            joined += output
        }
        return joined
    }

    /// `outcomes` by the line they report, those on one line in the order given (as they
    /// are when planned in source order, which is checked before anything is moved).
    static func inSourceOrder(_ outcomes: [WorkloadOutcome]) -> [WorkloadOutcome] {
        if outcomes.indices.dropFirst().allSatisfy({ outcomes[$0 - 1].line <= outcomes[$0].line }) { return outcomes }
        return outcomes.indices.sorted { (outcomes[$0].line, $0) < (outcomes[$1].line, $1) }.map { outcomes[$0] }
    }
}
