import SpeedscaleIstioChecks
import SpliceYAMLChecks

/// libFuzzer's entry point: check the invariants of inject on the input (SpeedscaleIstioChecks.InjectCheck).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInject(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzEntry.run(InjectCheck.self, start, count)
}
