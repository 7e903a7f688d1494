import SpeedscaleIstioChecks
import SpliceYAMLChecks

/// libFuzzer's entry point: check the invariants of uninject on the input (SpeedscaleIstioChecks.UninjectCheck).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzUninject(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzEntry.run(UninjectCheck.self, start, count)
}
