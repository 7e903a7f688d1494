import Foundation

/// Writing to standard error: the report and every message.
enum StandardError {
    /// Writes `text` to standard error.
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Writing to standard output: only manifests or diffs go there.
enum StandardOutput {
    /// Writes `bytes` to standard output.
    static func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}
