/// Writing to standard error: the report and every message.
enum StandardError {
    /// Writes `text` to standard error.
    static func write(_ text: String) {
        _ = Descriptor.writeAll(Array(text.utf8), to: 2)
    }
}

/// Writing to standard output: only manifests or diffs go there.
enum StandardOutput {
    /// Writes `bytes` to standard output.
    static func write(_ bytes: [UInt8]) {
        _ = Descriptor.writeAll(bytes, to: 1)
    }
}
