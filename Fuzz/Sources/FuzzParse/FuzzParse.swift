import SpliceYAMLChecks

/// libFuzzer's entry point: parse the input and check every parse invariant.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParse(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzEntry.run(ParseCheck.self, start, count)
}
