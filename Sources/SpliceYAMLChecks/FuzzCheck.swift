/// A set of invariants that must hold for any input, checked by a fuzz target (in the
/// `Fuzz/` package) and by `swift test`, which replays the inputs saved in
/// `Fuzz/FailCases/<name>/` through the same check without a fuzzer.
///
/// To add a fuzz target: write a type that conforms to this protocol (in a checks library
/// of the layer it tests), an executable target `Fuzz<Name>` in `Fuzz/Package.swift` whose
/// entry point calls ``FuzzEntry/run(_:_:_:)`` with it, and a replay test over its folder.
public protocol FuzzCheck {
    /// The folder under `Fuzz/FailCases/` and `Fuzz/Corpus/` (`parse` for `FuzzParse`).
    static var name: String { get }

    /// What `input` breaks, one line each; empty when every invariant holds. Must not trap:
    /// a trap is itself a failure the fuzzer reports.
    static func violations(of input: [UInt8]) -> [String]
}

/// The body of a libFuzzer entry point (`LLVMFuzzerTestOneInput`).
public enum FuzzEntry {
    /// Checks the `count` bytes at `start` with `check` and stops the process, so that
    /// libFuzzer saves the input, when an invariant fails. Returns 0 (libFuzzer's "keep going").
    public static func run<Check: FuzzCheck>(_ check: Check.Type, _ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
        let input = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
        let violations = check.violations(of: input)
        if !violations.isEmpty {
            fatalError("\(check.name) invariants broken:\n" + violations.joined(separator: "\n"))
        }
        return 0
    }
}
