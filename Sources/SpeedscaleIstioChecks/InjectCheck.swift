import SpeedscaleIstio
import SpliceYAMLChecks

/// The invariants of inject, for the `FuzzInject` target and the replay of
/// `Fuzz/FailCases/inject/`. The input's first byte chooses the options (``FuzzOptions``),
/// the rest is the document. For any document:
/// - inject never traps and never fails with an internal error; its output parses, and the
///   positions it reports lie inside the input (``ResultChecks``);
/// - it changes no line outside the objects it reports changed;
/// - it is idempotent: inject of its output with the same options gives that output back;
/// - read a few documents at a time (``Windowing``), it gives what it gives held whole;
/// - for a document without Speedscale content (``SpeedscaleContent``), uninject with the
///   same options gives back the input byte for byte, but for the two differences the README
///   documents (``LeftOutPlaceholder``, ``FinalBlockScalarHeader``).
public enum InjectCheck: FuzzCheck {
    /// `inject`.
    public static let name = "inject"

    /// What `input` breaks (empty when every invariant holds).
    public static func violations(of input: [UInt8]) -> [String] {
        let (choice, document) = FuzzOptions.split(input)
        return violations(of: document, options: choice).map { "\(choice): \($0)" }
    }

    /// What injecting `document` with `choice`'s options breaks.
    public static func violations(of document: [UInt8], options choice: FuzzOptions) -> [String] {
        let injector = Injector(options: choice.options)
        let first: InjectionResult
        switch ResultChecks.run("inject", document, { inputs throws(InjectError) in try injector.inject(inputs) }) {
        case .failure(let broken): return broken.lines
        case .success(let result): first = result
        }
        guard first.parseError == nil else { return [] }
        var found = ResultChecks.secondRunViolations("inject", after: first) { inputs throws(InjectError) in try injector.inject(inputs) }
        found += ResultChecks.windowedViolations("inject", document, matching: first) { inputs throws(InjectError) in
            try injector.inject(inputs, windowing: smallWindows)
        }
        guard !SpeedscaleContent.isPresent(in: document) else { return found }
        let uninjector = Uninjector(options: choice.options)
        switch ResultChecks.run("uninject of inject", first.output, { inputs throws(InjectError) in try uninjector.uninject(inputs) }) {
        case .failure(let broken):
            found += broken.lines
        case .success(let restored):
            if restored.output != document && !LeftOutPlaceholder.explains(document, restored.output)
                && !FinalBlockScalarHeader.explains(document, restored.output) {
                found.append("uninject of inject did not give the input back: \(firstDifference(document, restored.output))")
            }
        }
        return found
    }

    /// Every run read in windows of about 64 bytes of whole documents (a short input with
    /// several documents is cut into several).
    static let smallWindows = Windowing(threshold: 0, windowSize: 64)

    /// Where two outputs first differ, as the line of each from there.
    static func firstDifference(_ old: [UInt8], _ new: [UInt8]) -> String {
        let common = zip(old, new).prefix { $0 == $1 }.count
        let start = old[..<common].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        func line(_ bytes: [UInt8]) -> String {
            let rest = bytes[min(start, bytes.count)...].prefix { $0 != 0x0A }
            return String(decoding: rest.prefix(120), as: UTF8.self).debugDescription
        }
        return "at byte \(common): \(line(old)) became \(line(new))"
    }
}
