import SpeedscaleIstio
import SpliceYAMLChecks

/// The invariants of uninject, for the `FuzzUninject` target and the replay of
/// `Fuzz/FailCases/uninject/`. The input's first byte chooses the options (``FuzzOptions``:
/// uninject reads its `--no-proxy` hosts and outbound port), the rest is the document. For
/// any document:
/// - uninject never traps and never fails with an internal error; its output parses, and the
///   positions it reports lie inside the input (``ResultChecks``);
/// - it changes no line outside the objects it reports changed;
/// - it is idempotent: uninject of its output gives that output back;
/// - read a few documents at a time (``Windowing``), it gives what it gives held whole.
/// (uninject of inject giving back the input is ``InjectCheck``'s.)
public enum UninjectCheck: FuzzCheck {
    /// `uninject`.
    public static let name = "uninject"

    /// What `input` breaks (empty when every invariant holds).
    public static func violations(of input: [UInt8]) -> [String] {
        let (choice, document) = FuzzOptions.split(input)
        let uninjector = Uninjector(options: choice.options)
        let first: InjectionResult
        switch ResultChecks.run("uninject", document, { inputs throws(InjectError) in try uninjector.uninject(inputs) }) {
        case .failure(let broken): return broken.lines.map { "\(choice): \($0)" }
        case .success(let result): first = result
        }
        guard first.parseError == nil else { return [] }
        var found = ResultChecks.windowedViolations("uninject", document, matching: first) { inputs throws(InjectError) in
            try uninjector.uninject(inputs, windowing: InjectCheck.smallWindows)
        }
        if first.changed {
            found += ResultChecks.secondRunViolations("uninject", after: first) { inputs throws(InjectError) in try uninjector.uninject(inputs) }
        }
        return found.map { "\(choice): \($0)" }
    }
}
