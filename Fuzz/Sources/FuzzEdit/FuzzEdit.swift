import SpliceYAMLChecks

/// libFuzzer's entry point: plan and apply editor edits on the input and check their outputs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEdit(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzEntry.run(EditCheck.self, start, count)
}
