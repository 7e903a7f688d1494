import SpeedscaleIstioChecks
import SpliceYAMLChecks

/// libFuzzer's entry point: check the invariants of lint on the input (SpeedscaleIstioChecks.LintCheck).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLint(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzEntry.run(LintCheck.self, start, count)
}
