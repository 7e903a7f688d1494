import KubeManifests
import SpeedscaleIstio
import SpliceYAML

/// Invariants every inject or uninject result keeps, whatever the input: the run does not
/// fail with an internal error, its output parses, the positions it reports lie inside the
/// input, and it changes no line outside the objects it reports changed.
enum ResultChecks {
    /// Runs `transform` over `bytes` as one input named `fuzz.yaml`: its result, or what broke.
    static func run(
        _ what: String, _ bytes: [UInt8], _ transform: ([ManifestInput]) throws(InjectError) -> [InjectionResult]
    ) -> Result<InjectionResult, Violations> {
        let source = YAMLSource(bytes)
        do {
            let results = try transform([ManifestInput(file: "fuzz.yaml", source: source)])
            guard results.count == 1 else { return .failure(["\(what) gave \(results.count) results for one input"]) }
            let found = violations(of: results[0], source: source, what: what)
            return found.isEmpty ? .success(results[0]) : .failure(Violations(found))
        } catch {
            var found = ["\(what) failed: \(error)"]
            if case .internalError(_, _, let location?) = error, source.offset(of: location) == nil {
                found.append("\(what): the internal error's position \(location) is outside the input")
            }
            return .failure(Violations(found))
        }
    }

    /// What running `transform` again on `first`'s output breaks: it must succeed, keep the
    /// invariants, and change nothing (`what` names the transform: `inject`, `uninject`).
    static func secondRunViolations(
        _ what: String, after first: InjectionResult, _ transform: ([ManifestInput]) throws(InjectError) -> [InjectionResult]
    ) -> [String] {
        switch run("\(what) of \(what)", first.output, transform) {
        case .failure(let broken):
            return broken.lines
        case .success(let again):
            guard again.output != first.output else { return [] }
            return ["\(what) is not idempotent: a second run changed \(InjectCheck.firstDifference(first.output, again.output))"]
        }
    }

    /// What differs when `document`, whose result held whole is `first`, is transformed by
    /// `transform` a few documents at a time (see ``InjectCheck/smallWindows``).
    static func windowedViolations(
        _ what: String, _ document: [UInt8], matching first: InjectionResult,
        _ transform: ([ManifestInput]) throws(InjectError) -> [InjectionResult]
    ) -> [String] {
        switch run("\(what) in windows", document, transform) {
        case .failure(let broken):
            return broken.lines
        case .success(let windowed):
            guard windowed.output != first.output || windowed.outcomes != first.outcomes || windowed.notes != first.notes else { return [] }
            return ["\(what) in windows differs from \(what) held whole: \(InjectCheck.firstDifference(first.output, windowed.output))"]
        }
    }

    /// What `result` of transforming `source` breaks.
    static func violations(of result: InjectionResult, source: YAMLSource, what: String) -> [String] {
        var found: [String] = []
        if result.original != source.bytes { found.append("\(what): the result's original is not the input") }
        if let error = result.parseError {
            if source.offset(of: error.location) == nil { found.append("\(what): the parse error's position \(error.location) is outside the input: \(error.problem)") }
            if result.output != source.bytes { found.append("\(what): an input that does not parse was changed") }
            if (try? YAMLStream(parsing: source)) != nil { found.append("\(what): reported a parse error on an input that parses: \(error.problem)") }
            return found
        }
        let lines = source.location(ofByte: source.bytes.count).line
        for outcome in result.outcomes {
            if !(1...lines).contains(outcome.line) { found.append("\(what): \(outcome.name) is reported on line \(outcome.line) of \(lines)") }
            if case .failed(let problems) = outcome.status {
                for case .blocked(let blocked) in problems where !(0...source.bytes.count).contains(blocked.offset) {
                    found.append("\(what): \(outcome.name) is blocked at byte \(blocked.offset), outside the input")
                }
            }
        }
        guard let before = try? YAMLStream(parsing: source) else {
            return found + ["\(what): gave a result without a parse error for an input that does not parse"]
        }
        guard let after = try? YAMLStream(parsing: result.output) else {
            return found + ["\(what): the output does not parse"]
        }
        if before.documents.count != after.documents.count {
            found.append("\(what): the input has \(before.documents.count) documents, the output \(after.documents.count)")
        }
        if !result.changed && result.outcomes.contains(where: \.status.isChange) {
            found.append("\(what): reported a change but the output is the input")
        }
        return found + untouchedLineViolations(result, stream: before, what: what)
    }

    /// Input lines changed or removed, or lines added, outside the objects reported changed
    /// (from an object's first line to the end of its document, where edits may append).
    static func untouchedLineViolations(_ result: InjectionResult, stream: YAMLStream, what: String) -> [String] {
        guard result.changed else { return [] }
        let source = stream.source
        let changedLines = Set(result.outcomes.filter(\.status.isChange).map(\.line))
        let lineCount = source.lineIndex(ofByte: source.bytes.count) + 1
        var editable = [Bool](repeating: false, count: lineCount + 1)
        for object in ManifestStream(stream).objects {
            let first = source.lineIndex(ofByte: object.node.start)
            guard changedLines.contains(first + 1) else { continue }
            let document = stream.documents[object.documentIndex]
            let last = source.lineIndex(ofByte: max(document.end, object.node.end))
            for line in first...min(last, lineCount - 1) { editable[line] = true }
        }
        let old = lines(of: source)
        let new = lines(of: YAMLSource(result.output))
        var line = 0
        var found: [String] = []
        for step in LineDiff.steps(from: old, to: new) {
            switch step {
            case .keep:
                line += 1
            case .delete:
                if !editable[min(line, lineCount)] {
                    found.append("\(what): line \(line + 1) (\(String(decoding: old[line], as: UTF8.self).debugDescription)) changed outside every object reported changed")
                }
                line += 1
            case .insert:
                // An addition joins the line before it or the line after it.
                let before = line > 0 && editable[line - 1]
                if !before && !editable[min(line, lineCount)] {
                    found.append("\(what): a line was added before line \(line + 1), outside every object reported changed")
                }
            }
            if found.count > 3 { break }
        }
        return found
    }

    /// The lines of `source`, each with its line break, as libyaml breaks lines.
    static func lines(of source: YAMLSource) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        repeat {
            let next = source.nextLineStart(afterByte: start)
            lines.append(source.bytes[start..<next])
            start = next
        } while start < source.bytes.count
        return lines
    }
}

/// What broke, one line each: the failure side of a check's run.
struct Violations: Error, ExpressibleByArrayLiteral {
    /// The lines.
    var lines: [String]

    init(_ lines: [String]) {
        self.lines = lines
    }

    init(arrayLiteral elements: String...) {
        lines = elements
    }
}

/// Whether an input has anything of Speedscale's or of the proxy environment, decided
/// conservatively: then uninject may rightly remove what was there, so uninject of inject
/// need not give its bytes back.
enum SpeedscaleContent {
    /// Words whose presence, in any case, marks an input as holding such content: the
    /// Speedscale domain and namespace, the proxy variables, the sidecar's ports, and the
    /// variables inject merges its flags into.
    static let markers = ["speedscale", "proxy", "4140", "4143", "java_tool_options", "_java_options", "java_opts", "node_options", "global_agent"]

    /// Whether `bytes` holds one of ``markers``.
    static func isPresent(in bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        return markers.contains { text.contains($0) }
    }
}
